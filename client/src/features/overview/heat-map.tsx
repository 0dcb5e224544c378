import { Link } from 'wouter';
import './heat-map.css';
import type { OverviewUnit } from '../../../../shared/cascade';
import type { Status } from '../../../../shared/domain/status';
import { useI18n } from '../../lib/i18n-context';
import { useOverviewTexts } from './overview-texts';

const ORDER: Status[] = ['red', 'amber', 'green', 'none'];

/** A unit's indicator statuses at a glance: counts per colour (with words), mandatory ones, links to the red ones. */
export function HeatMap({ entry, mandatoryNames }: { entry: OverviewUnit; mandatoryNames: ReadonlyMap<string, string> }) {
  const x = useOverviewTexts();
  const { t } = useI18n();
  const link = (indicatorId: string) =>
    `/indicators/${encodeURIComponent(indicatorId)}?unit=${encodeURIComponent(entry.unit.id)}`;
  return (
    <div className="heat-map">
      <ul className="heat-map__counts" aria-label={x.heatmapLabel(entry.unit.name)}>
        {ORDER.map((s) => (
          <li key={s} className={`heat-map__count heat-map__count--${s}${entry.counts[s] === 0 ? ' heat-map__count--zero' : ''}`}>
            {entry.counts[s]} {x.count[s]}
          </li>
        ))}
      </ul>
      {entry.mandatory.length > 0 && (
        <ul className="heat-map__mandatory" aria-label={x.mandatoryIndicators}>
          {entry.mandatory.map((m) => (
            <li key={m.indicatorId} className={`heat-map__chip heat-map__chip--${m.status}`}>
              {mandatoryNames.get(m.indicatorId) ?? m.indicatorId}: {t.status[m.status]}
            </li>
          ))}
        </ul>
      )}
      {entry.boardId && (
        <a className="heat-map__csv" href={`/api/units/${encodeURIComponent(entry.unit.id)}/status.csv`} download aria-label={x.statusCsv(entry.unit.name)}>
          CSV
        </a>
      )}
      {entry.red.length > 0 && (
        <p className="heat-map__red">
          <span className="visually-hidden">{x.redIndicators}: </span>
          {entry.red.map((r, i) => (
            <span key={r.indicatorId}>
              {i > 0 && ', '}
              <Link href={link(r.indicatorId)} className="heat-map__red-link">{r.name}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
