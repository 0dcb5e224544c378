import './cascade.css';
import { useEffect, useId } from 'react';
import { Link, useSearch } from 'wouter';
import type { IndicatorPageResponse } from '../../../../shared/cascade';
import { measurementStatus } from '../../../../shared/domain/status';
import { formatPeriod, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { StatusBadge } from '../indicators';
import { cascadeApi } from './cascade-api';
import { CsvImport } from './csv-import';
import { DeviationForm } from './deviation-form';
import { IndicatorEffectChains } from './effect-chain-view';
import { LineOfSight } from './line-of-sight';
import { MeasurementTable } from './measurement-table';
import { IndicatorSeries } from './indicator-series';
import { TargetPanel } from './target-panel';
import { useCascadeTexts } from './texts';
import { useLoad } from '../../lib/use-load';

/** `/indicators/:id?unit=…`: the run chart, goal chain, measurements, deviation and the units below. */
export function IndicatorPage({ indicatorId }: { indicatorId: string }) {
  const unitId = new URLSearchParams(useSearch()).get('unit') ?? '';
  const x = useCascadeTexts();
  const { state, reload } = useLoad(() => cascadeApi.indicator(indicatorId, unitId), [indicatorId, unitId]);

  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.data.indicator.name} – Kaskade`;
  }, [state]);

  if (state.status === 'loading') return <div className="page"><p aria-live="polite">{x.loading}</p></div>;
  if (state.status === 'error') {
    return (
      <div className="page">
        <h1 className="page__title">{state.httpStatus === 404 ? x.notFound : x.loadFailed}</h1>
        <Link href="/">←</Link>
      </div>
    );
  }
  return <IndicatorView data={state.data} onChanged={reload} />;
}

function IndicatorView({ data, onChanged }: { data: IndicatorPageResponse; onChanged: () => void }) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  const chartHeading = useId();
  const { indicator, unit, target, measurements } = data;
  const latest = measurements.at(-1) ?? null;
  const status = measurementStatus(indicator, target, latest);
  const fmt = (v: number) => formatValue(v, indicator.decimals, indicator.unitLabel, lang);

  return (
    <div className="page page--indicator">
      <div className="board-header">
        <div>
          <p className="muted">{x.indicatorPage} · {unit.name}{indicator.type && <> · {t.indicatorType}: {t.indicatorTypes[indicator.type]}</>}</p>
          <h1 className="page__title">{indicator.name}</h1>
          <StatusBadge status={status} text={t.statusText(status)} />
        </div>
        {data.boardId && <Link href={`/boards/${encodeURIComponent(data.boardId)}`} className="button">{x.backToBoard}</Link>}
      </div>
      <LineOfSight chain={data.chain} />
      <IndicatorEffectChains indicatorId={indicator.id} unitId={unit.id} />

      {status === 'red' && latest && (
        <DeviationForm indicatorId={indicator.id} unitId={unit.id} periodStart={latest.periodStart} onSaved={onChanged} />
      )}

      <section className="panel" aria-labelledby={chartHeading}>
        <h2 id={chartHeading}>{x.runChart}</h2>
        <IndicatorSeries data={data} />
        <BaselinePicker data={data} onChanged={onChanged} />
      </section>

      {data.below.length > 0 && (
        <section className="panel">
          <h2>{x.unitsBelow}</h2>
          <ul className="below-list">
            {data.below.map((b) => (
              <li key={b.unitId}>
                <Link href={`/indicators/${encodeURIComponent(indicator.id)}?unit=${encodeURIComponent(b.unitId)}`}>{b.unitName}</Link>{' '}
                <StatusBadge status={b.status} text={t.statusText(b.status)} />
                {b.latest && <span className="muted"> {fmt(b.latest.value)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.rollup && data.rollup.length > 0 && <RollupTable data={data} fmt={fmt} />}

      <MeasurementTable indicator={indicator} unitId={unit.id} measurements={measurements} recordedByNames={data.recordedByNames} onSaved={onChanged} />

      <TargetPanel key={`${target?.validFrom}-${target?.target}-${target?.low}`} data={data} onChanged={onChanged} />

      {data.deviations.length > 0 && (
        <section className="panel">
          <h2>{x.deviations}</h2>
          <ul>
            {data.deviations.map((d) => (
              <li key={d.id}>
                <strong>{formatPeriod(indicator.frequency, d.periodStart, lang, t)}</strong>: {x.cause}: {d.cause} · {x.action}: {d.action}
              </li>
            ))}
          </ul>
        </section>
      )}

      <p>
        <a className="button" href={`/api/indicators/${encodeURIComponent(indicator.id)}/measurements.csv?unit=${encodeURIComponent(unit.id)}`} download>
          {x.exportCsv}
        </a>
      </p>
      <CsvImport unitId={unit.id} indicator={{ id: indicator.id, name: indicator.name }} onApplied={onChanged} />
    </div>
  );
}

function BaselinePicker({ data, onChanged }: { data: IndicatorPageResponse; onChanged: () => void }) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  return (
    <label className="baseline-picker">
      {x.baselineTo}{' '}
      <select
        value={data.baselineTo ?? ''}
        onChange={async (e) => {
          await cascadeApi.setBaseline(data.indicator.id, data.unit.id, e.target.value || null).catch(() => undefined);
          onChanged();
        }}
      >
        <option value="">{x.noBaseline}</option>
        {data.measurements.map((m) => (
          <option key={m.periodStart} value={m.periodStart}>{formatPeriod(data.indicator.frequency, m.periodStart, lang, t)}</option>
        ))}
      </select>
    </label>
  );
}

function RollupTable({ data, fmt }: { data: IndicatorPageResponse; fmt: (v: number) => string }) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  const rows = data.rollup!.slice(-6).reverse();
  const children = [...new Map(rows.flatMap((r) => r.children).map((c) => [c.unitId, c.unitName])).entries()];
  return (
    <section className="panel">
      <h2>{x.rollup}</h2>
      <div className="table-scroll" role="region" tabIndex={0} aria-label={x.rollup}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{x.period}</th>
              <th scope="col">{data.unit.name}</th>
              {children.map(([id, name]) => <th key={id} scope="col">{name}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.periodStart}>
                <th scope="row">{formatPeriod(data.indicator.frequency, r.periodStart, lang, t)}</th>
                <td>{r.value === null ? '–' : fmt(r.value)}</td>
                {children.map(([id]) => {
                  const c = r.children.find((k) => k.unitId === id);
                  return <td key={id}>{c?.value == null ? '–' : fmt(c.value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
