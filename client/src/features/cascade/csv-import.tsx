import { type FormEvent, useId, useState } from 'react';
import type { ImportResponse } from '../../../../shared/cascade';
import { cascadeApi } from './cascade-api';
import { useCascadeTexts } from './texts';

/** CSV import with a preview first; problems are listed by row and column, and nothing is applied until all is well. */
export function CsvImport({ unitId, onApplied }: { unitId: string; onApplied: () => void }) {
  const x = useCascadeTexts();
  const headingId = useId();
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
        <label>
          {x.importFile}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              setResult(null);
              setText((await e.target.files?.[0]?.text()) ?? null);
            }}
          />
        </label>
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
