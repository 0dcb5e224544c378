import { memo, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useAppStore } from '../../app/store/store-context';
import { useI18n } from '../../lib/i18n-context';
import { useCanWrite } from '../board';
import { MeasurementDialog } from './measurement-dialog';
import { Sparkline } from './sparkline';
import { StatusBadge } from './status-badge';
import { describeTile } from './tile-model';
import { useIndicator } from './use-indicators';
import { useGoalChain } from './goal-chains';
import { useTileTexts } from './tile-texts';

/** One indicator: latest value, target, status, trend, and a way to record a new value. */
export const IndicatorTile = memo(function IndicatorTile({ indicatorId }: { indicatorId: string }) {
  const indicator = useIndicator(indicatorId);
  const { lang, t } = useI18n();
  const canWrite = useCanWrite();
  const [recording, setRecording] = useState(false);
  const nameId = useId();
  const unitId = useAppStore((s) => s.view?.board.unit.id);
  const chain = useGoalChain(indicatorId);
  const x = useTileTexts();
  const model = useMemo(() => (indicator ? describeTile(indicator, lang, t) : null), [indicator, lang, t]);
  if (!indicator || !model) return null;

  return (
    <article className={`tile tile--${model.status}`} aria-labelledby={nameId}>
      <h3 id={nameId} className="tile__name">
        {unitId ? (
          <Link href={`/indicators/${encodeURIComponent(indicator.id)}?unit=${encodeURIComponent(unitId)}`} className="tile__link">
            {indicator.name}
          </Link>
        ) : (
          indicator.name
        )}
      </h3>
      <StatusBadge status={model.status} text={model.statusText} />
      <div className="tile__figure">
        <p className={`tile__value${model.tooFewAnswers ? ' tile__value--muted' : ''}`}>
          <span className="visually-hidden">{t.latestValue}: </span>
          {model.valueText}
        </p>
        <Sparkline
          values={model.trend}
          label={model.trendText}
          reference={indicator.direction === 'range' ? null : indicator.target?.target}
        />
      </div>
      <p className="tile__meta">
        {model.periodText && <span>{model.periodText}</span>}
        {model.respondentsText && <span>{model.respondentsText}</span>}
        {indicator.type && <span className="tile__type"><span className="visually-hidden">{t.indicatorType}: </span>{t.indicatorTypes[indicator.type]}</span>}
      </p>
      <p className="tile__target">{model.targetText}</p>
      {chain && chain.length > 0 && (
        // Line of sight: how this number serves the goals above, up to the top goal.
        <p className="tile__chain" title={chain.map((g) => g.title).join(' › ')}>
          {x.contributesTo}: {chain.map((g) => g.title).join(' › ')}
        </p>
      )}
      {model.reading === 'special-cause' && unitId && (
        <Link href={`/indicators/${encodeURIComponent(indicator.id)}?unit=${encodeURIComponent(unitId)}#afvigelse`} className="tile__deviation">
          {model.status === 'red' ? x.deviationAsk : x.signalAsk}
        </Link>
      )}
      {model.reading === 'common-cause' && model.status === 'red' && <p className="tile__reading">{x.commonCause(model.missSide)}</p>}
      {canWrite && (
        <button type="button" className="button button--small tile__record" onClick={() => setRecording(true)}>
          {t.recordMeasurement}
        </button>
      )}
      {recording && <MeasurementDialog indicator={indicator} onClose={() => setRecording(false)} />}
    </article>
  );
});
