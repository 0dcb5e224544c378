import { memo, useId, useMemo, useState } from 'react';
import { useI18n } from '../../lib/i18n-context';
import { MeasurementDialog } from './measurement-dialog';
import { Sparkline } from './sparkline';
import { StatusBadge } from './status-badge';
import { describeTile } from './tile-model';
import { useIndicator } from './use-indicators';

/** One indicator: latest value, target, status, trend, and a way to record a new value. */
export const IndicatorTile = memo(function IndicatorTile({ indicatorId }: { indicatorId: string }) {
  const indicator = useIndicator(indicatorId);
  const { lang, t } = useI18n();
  const [recording, setRecording] = useState(false);
  const nameId = useId();
  const model = useMemo(() => (indicator ? describeTile(indicator, lang, t) : null), [indicator, lang, t]);
  if (!indicator || !model) return null;

  return (
    <article className={`tile tile--${model.status}`} aria-labelledby={nameId}>
      <h3 id={nameId} className="tile__name">
        {indicator.name}
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
      </p>
      <p className="tile__target">{model.targetText}</p>
      <button type="button" className="button button--small tile__record" onClick={() => setRecording(true)}>
        {t.recordMeasurement}
      </button>
      {recording && <MeasurementDialog indicator={indicator} onClose={() => setRecording(false)} />}
    </article>
  );
});
