import { type FormEvent, useId, useState } from 'react';
import type { ImportResponse } from '../../../../shared/cascade';
import { cascadeApi } from './cascade-api';
import { useCascadeTexts } from './texts';

/** CSV import with a preview first; problems are listed by row and column, and nothing is applied until all is well. */
export function CsvImport({ unitId, onApplied }: { unitId: string; onApplied: () => void }) {
  const x = useCascadeTexts();
  const headingId = useId();
  const fileNameId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (apply: boolean) => {
    if (text === null) return;
    setError(null);
    try {
      const r = await cascadeApi.importCsv(unitId, text, apply);
      setResult(r);
      if (r.applied) onApplied();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const preview = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.importCsv}</h2>
      <form className="form-row" onSubmit={preview}>
        <div className="file-picker">
          {/* The native input stays (keyboard, screen readers, drag and drop) but is drawn as one of our buttons. */}
          <label className="button file-picker__button">
            <UploadIcon />
            {x.chooseCsvFile}
            <input
              type="file"
              className="file-picker__input"
              accept=".csv,text/csv"
              aria-describedby={fileNameId}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                setResult(null);
                setFileName(file?.name ?? null);
                setText((await file?.text()) ?? null);
              }}
            />
          </label>
          <span id={fileNameId} className="file-picker__name">{fileName ?? x.noFileChosen}</span>
        </div>
        <button type="submit" className="button" disabled={text === null}>{x.preview}</button>
        {result && !result.applied && result.problems.length === 0 && (
          <button type="button" className="button button--primary" onClick={() => void run(true)}>{x.apply}</button>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {result && result.problems.length > 0 && (
        <div role="alert">
          <p>{x.importProblems}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{x.importProblem(p.row, p.column, p.message)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && result.problems.length === 0 && (
        <p role="status">{result.applied ? x.importDone(result.rows.length) : x.importReady(result.rows.length)}</p>
      )}
    </section>
  );
}

/** An arrow into a tray; decorative, next to the button's words. */
function UploadIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5M4 15v4h16v-4" />
    </svg>
  );
}
