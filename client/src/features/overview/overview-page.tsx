import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { EmptyState } from '../../components/empty-state';
import { PageLayout } from '../../components/page-layout';
import { StatusIcon } from '../../components/status-pill';
import { useI18n } from '../../lib/i18n-context';
import { HeatMap } from './heat-map';
import { useOverviewTexts } from './overview-texts';
import { type OverviewPageLoader, type OverviewSubscribe, useHeatMap } from './use-heat-map';

/**
 * `/`: the heat-map of every unit the person may read and its indicators, refreshed live. Someone who may read
 * exactly one board (a ward member) is taken straight to it. Loader and live feed are injectable for tests.
 */
export function OverviewPage({ load, subscribe }: { load?: OverviewPageLoader; subscribe?: OverviewSubscribe } = {}) {
  const { t } = useI18n();
  const x = useOverviewTexts();
  const { state, toggle } = useHeatMap(load, subscribe);
  const [, navigate] = useLocation();
  const onlyBoard = state.status === 'ready' ? state.onlyBoardId : null;

  useEffect(() => {
    document.title = `${t.overview} – ${t.appName}`;
  }, [t]);
  useEffect(() => {
    if (onlyBoard) navigate(`/boards/${encodeURIComponent(onlyBoard)}`, { replace: true });
  }, [onlyBoard, navigate]);

  return (
    <PageLayout title={t.overview} subtitle={x.intro} className="page--overview" actions={<Legend />}>
      {state.status === 'loading' && <p aria-live="polite">{t.loading}</p>}
      {state.status === 'error' && (
        <div className="notice" role="alert">
          <p>{t.loadFailed}</p>
        </div>
      )}
      {state.status === 'ready' &&
        !onlyBoard &&
        (state.rows.length === 0 ? (
          <EmptyState title={x.noUnits}>{x.noUnitsHint}</EmptyState>
        ) : (
          <HeatMap indicators={state.indicators} rows={state.rows} onToggle={toggle} />
        ))}
    </PageLayout>
  );
}

/** What the colours and icons mean: colour is never the only signal. */
function Legend() {
  const { t } = useI18n();
  const x = useOverviewTexts();
  return (
    <ul className="heat-map-legend" aria-label={x.legend}>
      {(['red', 'amber', 'green', 'none'] as const).map((s) => (
        <li key={s}>
          <span className={`heat-map-legend__swatch heat-map__cell--${s}`}>
            <StatusIcon status={s} />
          </span>
          {t.status[s]}
        </li>
      ))}
      <li>
        <span className="heat-map-legend__swatch heat-map__cell--none">
          <span className="heat-map__signal" />
        </span>
        {x.signal}
      </li>
    </ul>
  );
}
