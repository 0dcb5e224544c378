import { memo, useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { MoreIcon } from '../../components/icons';
import { Menu, type MenuItem } from '../../components/menu';
import { Hyphenated } from '../../components/hyphenated';
import { StatusPill, statusWord } from '../../components/status-pill';
import { useAppStore } from '../../app/store/store-context';
import { useI18n } from '../../lib/i18n-context';
import { useBoardMode, useCanChangeBoard } from '../board';
import { MeasurementDialog } from './measurement-dialog';
import { Sparkline } from './sparkline';
import { describeTile } from './tile-model';
import { useIndicator } from './use-indicators';
import { useTileTexts } from './tile-texts';

/** "Måltal: ≥ 90 %" shown as "mål ≥ 90 %" so it fits beside the status; the full words are read aloud. */
function TargetText({ text }: { text: string }) {
  const x = useTileTexts();
  const at = text.indexOf(': ');
  if (at < 0) return <span className="tile__target">{text}</span>;
  return (
    <span className="tile__target">
      <span aria-hidden="true">{x.targetShort} {text.slice(at + 2)}</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}

/**
 * "24 dage" with the unit in smaller type after the number (formatValue joins them with a no-break space): the
 * number is what is read from the back of the room, and a long unit no longer squeezes the trend line away.
 */
function ValueText({ text }: { text: string }) {
  const at = text.indexOf('\u00a0');
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="tile__unit">{text.slice(at)}</span>
    </>
  );
}

/**
 * One indicator, readable from the back of a meeting room: name, latest value, status as icon + word, target and
 * trend. Recording a value lives in the tile's menu (one quiet "⋯" instead of a button on every tile), shown only
 * to those who may record; a wall screen shows no links away from its board.
 */
export const IndicatorTile = memo(function IndicatorTile({ indicatorId }: { indicatorId: string }) {
  const indicator = useIndicator(indicatorId);
  const { lang, t } = useI18n();
  const canWrite = useCanChangeBoard();
  const wall = useBoardMode() === 'wall';
  const [recording, setRecording] = useState(false);
  const [, navigate] = useLocation();
  const nameId = useId();
  const unitId = useAppStore((s) => s.view?.board.unit.id);
  const x = useTileTexts();
  const model = useMemo(() => (indicator ? describeTile(indicator, lang, t) : null), [indicator, lang, t]);
  if (!indicator || !model) return null;

  const href = unitId && !wall ? `/indicators/${encodeURIComponent(indicator.id)}?unit=${encodeURIComponent(unitId)}` : null;
  const items: MenuItem[] = [
    ...(canWrite ? [{ id: 'record', label: t.recordMeasurement, onSelect: () => setRecording(true) }] : []),
    ...(href ? [{ id: 'chart', label: x.openRunChart, onSelect: () => navigate(href) }] : []),
  ];

  return (
    <article className={`tile tile--${model.status}`} aria-labelledby={nameId}>
      <div className="tile__head">
        {canWrite && items.length > 0 && (
          <Menu label={x.tileActions(indicator.name)} triggerContent={<MoreIcon />} items={items} align="end" className="tile__menu" />
        )}
        <h3 id={nameId} className="tile__name">
          {href ? (
            <Link href={href} className="tile__link">
              <Hyphenated text={indicator.name} />
            </Link>
          ) : (
            <Hyphenated text={indicator.name} />
          )}
        </h3>
      </div>
      <div className="tile__figure">
        <p className={`tile__value${model.tooFewAnswers ? ' tile__value--muted' : ''}`}>
          <span className="visually-hidden">{t.latestValue}: </span>
          <ValueText text={model.valueText} />
        </p>
        <span className="tile__trend">
          <Sparkline values={model.trend} label={model.trendText} reference={indicator.direction === 'range' ? null : indicator.target?.target} />
        </span>
      </div>
      <p className="tile__status">
        <StatusPill status={model.status} text={model.statusText} short={statusWord(t.status[model.status])} />
        <TargetText text={model.targetText} />
      </p>
      <div className="tile__meta">
        {model.periodText && <span>{model.periodText}</span>}
        {model.respondentsText && <span>{model.respondentsText}</span>}
        {indicator.type && <span className="tile__type"><span className="visually-hidden">{t.indicatorType}: </span>{t.indicatorTypes[indicator.type]}</span>}
        {model.reading === 'special-cause' && href && (
          <Link href={`${href}#afvigelse`} className="tile__deviation">
            <span aria-hidden="true">{model.status === 'red' ? x.deviationShort : x.signalShort} →</span>
            <span className="visually-hidden">{model.status === 'red' ? x.deviationAsk : x.signalAsk}</span>
          </Link>
        )}
      </div>
      {model.reading === 'common-cause' && model.status === 'red' && <p className="visually-hidden">{x.commonCause(model.missSide)}</p>}
      {recording && <MeasurementDialog indicator={indicator} onClose={() => setRecording(false)} />}
    </article>
  );
});
