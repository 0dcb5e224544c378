import './cascade.css';
import { useId } from 'react';
import { Link } from 'wouter';
import { useLoad } from '../../lib/use-load';
import { cascadeApi } from './cascade-api';
import { IndicatorSeries } from './indicator-series';
import { useCascadeTexts } from './texts';

interface IndicatorChartPanelProps {
  indicatorId: string;
  unitId: string;
  /** Offer the way on to the indicator's page (not on a wall screen, which stays on its board). */
  linkToPage?: boolean;
}

/** An indicator's run chart and signal at a unit, loaded on its own: the meeting shows it beside the item. */
export default function IndicatorChartPanel({ indicatorId, unitId, linkToPage = true }: IndicatorChartPanelProps) {
  const x = useCascadeTexts();
  const heading = useId();
  const { state } = useLoad(() => cascadeApi.indicator(indicatorId, unitId), [indicatorId, unitId]);
  return (
    <section className="indicator-chart-panel" aria-labelledby={heading}>
      <h3 id={heading}>{x.runChart}</h3>
      {state.status === 'loading' && <p aria-live="polite">{x.loading}</p>}
      {state.status === 'error' && <p role="alert">{x.loadFailed}</p>}
      {state.status === 'ready' && (
        <>
          <IndicatorSeries data={state.data} />
          {linkToPage && (
            <Link className="no-print" href={`/indicators/${encodeURIComponent(indicatorId)}?unit=${encodeURIComponent(unitId)}`}>
              {x.openIndicatorPage}
            </Link>
          )}
        </>
      )}
    </section>
  );
}
