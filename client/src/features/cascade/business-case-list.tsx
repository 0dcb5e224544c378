import type { ReactNode } from 'react';
import type { BusinessCase, IndicatorProgress } from '../../../../shared/maalstyring';
import { formatDate, formatNumber, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { useBusinessCaseTexts } from './business-case-texts';

/** Kroner as a reader expects them: `240.000 kr.` / `DKK 240,000`. */
function useKroner() {
  const { lang } = useI18n();
  return (v: number) => (lang === 'da' ? `${formatNumber(v, 0, lang)}\u00a0kr.` : `DKK\u00a0${formatNumber(v, 0, lang)}`);
}

/**
 * Business cases with their money, dates and progress against baseline per indicator. `actions` renders the buttons
 * of one case (edit, close) where the reader may change it; the report and the board pass none or their own.
 */
export function BusinessCaseList({ cases, actions, headingLevel = 3 }: {
  cases: readonly BusinessCase[];
  actions?: (c: BusinessCase) => ReactNode;
  headingLevel?: 3 | 4;
}) {
  const b = useBusinessCaseTexts();
  const { lang } = useI18n();
  const kr = useKroner();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ul className="business-cases" role="list">
      {cases.map((c) => (
        <li key={c.initiativeId} className="business-case" aria-label={c.title}>
          <Heading className="business-case__title">
            {c.title} <span className="badge">{c.done ? b.closed : b.open}</span>
          </Heading>
          {c.expectedChange && <p>{b.expectedEffect}: {c.expectedChange}</p>}
          <dl className="business-case__facts">
            {c.investment !== null && <><dt>{b.investment}</dt><dd>{kr(c.investment)}</dd></>}
            {c.yearlySaving !== null && <><dt>{b.yearlySaving}</dt><dd>{kr(c.yearlySaving)} {b.perYear}</dd></>}
            <dt>{b.payback}</dt>
            <dd>{c.paybackYears === null ? b.noPayback : b.paybackYears(formatNumber(c.paybackYears, 1, lang))}</dd>
            {(c.startDate || c.endDate) && (
              <><dt>{b.period}</dt><dd>{c.startDate ? formatDate(c.startDate, lang) : '…'} – {c.endDate ? formatDate(c.endDate, lang) : '…'}</dd></>
            )}
          </dl>
          {c.indicators.length > 0 && (
            <ul className="business-case__progress" role="list" aria-label={b.progress}>
              {c.indicators.map((p) => <ProgressRow key={p.indicatorId} p={p} />)}
            </ul>
          )}
          {c.done && c.conclusion && <p><strong>{b.conclusion}:</strong> {c.conclusion}</p>}
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}

function ProgressRow({ p }: { p: IndicatorProgress }) {
  const b = useBusinessCaseTexts();
  const { lang } = useI18n();
  const fmt = (v: number | null) => (v === null ? '–' : formatValue(v, p.decimals, p.unitLabel, lang));
  const pct = p.progress === null ? null : Math.round(p.progress * 100);
  return (
    <li className="business-case__indicator">
      <span>{p.name}: {pct === null ? b.noProgress : b.progressText(pct)}</span>
      {/* A meter from baseline (0) to target (1); past the target or worse than the baseline it shows full or empty. */}
      <meter aria-label={b.progressOf(p.name)} min={0} max={100} low={34} high={67} optimum={100} value={Math.max(0, Math.min(100, pct ?? 0))} />
      <span className="muted">
        {b.fromTo(fmt(p.baselineValue), fmt(p.targetValue), fmt(p.latestValue))}{p.baselineFromSeries && ` ${b.baselineComputed}`}
      </span>
    </li>
  );
}
