import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ImportResponse } from '../../../../shared/cascade';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { cascadeApi } from './cascade-api';
import { problemText, useCsvImportTexts } from './csv-import-texts';
import { UploadError, readFileText, uploadCsv } from './csv-upload';
import { useCascadeTexts } from './texts';

interface CsvImportProps {
  unitId: string;
  /** The indicator the page is about: chosen first. */
  indicator: { id: string; name: string };
  onApplied: () => void;
}

const IN_FILE = '';

/**
 * CSV import with a preview first: the indicator is picked by name (the file then needs only periods and values),
 * every row is shown with its new and previous value, problems are listed by row and column in the reader's
 * language, and nothing is applied until all is well. A large file shows how far the upload has come.
 */
export function CsvImport({ unitId, indicator, onApplied }: CsvImportProps) {
  const { lang } = useI18n();
  const x = useCascadeTexts();
  const c = useCsvImportTexts();
  const headingId = useId();
  const hintId = useId();
  const fileNameId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [indicators, setIndicators] = useState([indicator]);
  const [indicatorId, setIndicatorId] = useState(indicator.id);
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null | undefined>(undefined);

  useEffect(() => {
    // Every indicator the person can see, by name; the page's own stays first.
    cascadeApi.goals().then(
      (g) => setIndicators([indicator, ...g.indicators.filter((i) => i.id !== indicator.id).sort((a, b) => a.name.localeCompare(b.name))]),
      () => {},
    );
  }, [indicator]);

  const run = async (apply: boolean) => {
    if (text === null) return;
    setError(null);
    setProgress(0);
    try {
      const r = await uploadCsv(text, { unitId, indicatorId: indicatorId || null, apply, onProgress: setProgress });
      setResult(r);
      if (r.applied) onApplied();
    } catch (err) {
      const status = err instanceof UploadError ? err.status : 0;
      setError(status === 413 ? c.tooLarge : status === 403 ? c.forbidden : c.failed);
    } finally {
      setProgress(undefined);
    }
  };
  const preview = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };
  const number = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 4 });
  const busy = progress !== undefined;

  return (
    <section className="panel csv-import" aria-labelledby={headingId}>
      <h2 id={headingId}>{x.importCsv}</h2>
      <p id={hintId} className="muted">{c.formatHint}</p>
      <form className="form-row" onSubmit={preview} aria-describedby={hintId}>
        <label>
          {c.indicator}
          <select value={indicatorId} onChange={(e) => { setIndicatorId(e.target.value); setResult(null); }}>
            {indicators.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
            <option value={IN_FILE}>{c.indicatorInFile}</option>
          </select>
        </label>
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
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                setResult(null);
                setError(null);
                setFileName(chosen?.name ?? null);
                if (!chosen) return setText(null);
                readFileText(chosen).then(setText, () => setError(c.failed));
              }}
            />
          </label>
          <span id={fileNameId} className="file-picker__name">{fileName ?? x.noFileChosen}</span>
        </div>
        <button type="submit" className="button" disabled={text === null || busy}>{x.preview}</button>
        {result && !result.applied && result.problems.length === 0 && (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(true)}>{x.apply}</button>
        )}
      </form>
      {busy && (
        <div role="status" className="csv-import__progress">
          {progress === null ? (
            <><progress aria-label={c.checking} /> {c.checking}</>
          ) : (
            <><progress aria-label={c.sending(Math.round(progress * 100))} value={progress} max={1} /> {c.sending(Math.round(progress * 100))}</>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {result && result.problems.length > 0 && (
        <div role="alert">
          <p>{x.importProblems}</p>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{x.importProblem(p.row, p.column, problemText(c, p))}</li>
            ))}
          </ul>
        </div>
      )}
      {result && result.problems.length === 0 && (
        <p role="status">{result.applied ? x.importDone(result.rows.length) : x.importReady(result.rows.length)}</p>
      )}
      {result && result.rows.length > 0 && (
        <div className="table-wrap" role="region" aria-label={c.previewCaption(result.rows.length)} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{c.previewCaption(result.rows.length)}</caption>
            <thead>
              <tr><th scope="col">{c.row}</th><th scope="col">{c.indicator}</th><th scope="col">{c.period}</th><th scope="col" className="table__num">{c.newValue}</th><th scope="col" className="table__num">{c.previous}</th></tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.indicatorName}</td>
                  <td>{formatDate(r.periodStart, lang)}</td>
                  <td className="table__num">{number.format(r.value)}</td>
                  <td className="table__num">{r.previous === null ? c.none : number.format(r.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
