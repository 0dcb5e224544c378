import './cascade.css';
import './status-report.css';
import { useSearch } from 'wouter';
import { analyseSeries, readIndicator } from '../../../../shared/domain/indicator-signal';
import type { ReportIndicator, StatusReport } from '../../../../shared/maalstyring';
import { formatDate, formatPeriod, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { StatusBadge } from '../indicators';
import { cascadeApi } from './cascade-api';
import { ReportMatters } from './report-matters';
import { useReportTexts } from './report-texts';
import { RunChart } from './run-chart';
import { SignalSummary } from './signal-summary';
import { useCascadeTexts } from './texts';
import { useLoad } from '../../lib/use-load';

const yearAgo = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;

/** `/reports/status?unit=…&from=…&to=…`: the status report for the political level, printable to PDF. */
export function StatusReportPage() {
  const params = new URLSearchParams(useSearch());
  const today = new Date().toISOString().slice(0, 10);
  const unit = params.get('unit') ?? '';
  const to = params.get('to') ?? today;
  const from = params.get('from') ?? yearAgo(to);
  const r = useReportTexts();
  const { state } = useLoad(() => cascadeApi.statusReport(unit, from, to), [unit, from, to]);
  if (state.status === 'loading') return <div className="page"><p aria-live="polite">{r.loading}</p></div>;
  if (state.status === 'error') return <div className="page"><h1 className="page__title">{r.failed}</h1></div>;
  return <ReportView report={state.data} />;
}

function ReportView({ report }: { report: StatusReport }) {
  const r = useReportTexts();
  const { lang, t } = useI18n();
  return (
    <div className="page status-report">
      <header className="status-report__head">
        <h1 className="page__title">{r.title(report.unit.name)}</h1>
        <p className="muted">{r.period(formatDate(report.from, lang), formatDate(report.to, lang))}</p>
        <button type="button" className="button no-print" onClick={() => window.print()}>{r.print}</button>
      </header>
      <section className="panel" aria-labelledby="report-goals">
        <h2 id="report-goals">{r.goals}</h2>
        {report.goals.length === 0 && <p>{r.noGoals}</p>}
        <ul className="status-report__goals">
          {report.goals.map((g) => (
            <li key={g.id}>
              <strong>{g.title}</strong> {r.source[g.source] && <span className="muted">({r.source[g.source]})</span>}{' '}
              <StatusBadge status={g.status} text={`${r.joint} – ${t.statusText(g.status)}`} />
              {g.ownerStatuses.length > 1 && (
                <ul>{g.ownerStatuses.map((o) => <li key={o.name}>{o.name}: {t.statusText(o.status)}</li>)}</ul>
              )}
              {g.translations.length > 0 && (
                <p className="muted">{r.translations}: {g.translations.map((x) => `${x.title} (${x.ownerNames.join(', ')})`).join(' · ')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="report-indicators">
        <h2 id="report-indicators">{r.indicators}</h2>
        {report.indicators.map((i) => <ReportIndicatorView key={i.indicator.id} item={i} />)}
      </section>
      <ReportMatters report={report} />
    </div>
  );
}

function ReportIndicatorView({ item }: { item: ReportIndicator }) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  const r = useReportTexts();
  const { indicator, points, baselineCount } = item;
  // The same analysis as the indicator page: whole reportable series, frozen baseline where set.
  const baselineTo = baselineCount ? (points[baselineCount - 1]?.periodStart ?? null) : null;
  const { analysis } = analyseSeries({ measurements: points, minRespondents: indicator.minRespondents, baselineTo });
  const fmt = (v: number) => formatValue(v, indicator.decimals, indicator.unitLabel, lang);
  const reading = readIndicator(item.status, item.signal.signal);
  return (
    <article className="status-report__indicator" aria-label={indicator.name}>
      <h3>{indicator.name} <StatusBadge status={item.status} text={t.statusText(item.status)} /></h3>
      <RunChart
        points={points.map((m) => ({ label: formatPeriod(indicator.frequency, m.periodStart, lang, t), value: m.value, text: fmt(m.value) }))}
        analysis={analysis}
        target={indicator.direction === 'range' ? null : (item.target?.target ?? null)}
        baselineEnd={baselineCount !== null ? baselineCount - 1 : null}
        label={x.runChartLabel(indicator.name)}
        legend={{ median: baselineCount ? x.baselineMedian : x.median, target: x.target, signal: x.signal }}
      />
      <SignalSummary analysis={analysis} />
      {reading === 'special-cause' && <p><strong>{r.specialCause}</strong></p>}
      {reading === 'common-cause' && <p><strong>{r.commonCause}</strong></p>}
    </article>
  );
}
