import './heat-map.css';
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'wouter';
import type { OverviewCell, OverviewIndicator } from '../../../../shared/overview';
import { StatusIcon } from '../../components/status-pill';
import { formatDate, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { type GridPos, gridKey } from './grid-keys';
import { useOverviewTexts } from './overview-texts';
import type { VisibleRow } from './use-heat-map';

interface HeatMapProps {
  indicators: readonly OverviewIndicator[];
  rows: readonly VisibleRow[];
  onToggle: (unitId: string) => void;
}

const cellKey = (p: GridPos) => `${p.row}:${p.col}`;

/**
 * The overview as a heat-map: units in tree order as rows (indented, foldable), indicators as columns grouped
 * mandatory first, each cell the status as colour and icon with the value on hover and focus; a cell opens that
 * unit's indicator page. A WAI-ARIA treegrid with one tab stop: the arrow keys move, → and ← fold.
 */
export function HeatMap({ indicators, rows, onToggle }: HeatMapProps) {
  const x = useOverviewTexts();
  const { lang, t } = useI18n();
  const hintId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  const [tip, setTip] = useState<{ text: string[]; left: number; top: number } | null>(null);
  const cols = indicators.length + 1;
  const at = { row: Math.min(active.row, rows.length - 1), col: Math.min(active.col, cols - 1) };
  const groups = groupSpans(indicators);
  const rowOf = new Map(rows.map((r, i) => [r.row.unitId, i]));

  const focusCell = (p: GridPos) => {
    // Give the cell tabIndex 0 first (it may be a link, or the cell itself when empty), then focus it.
    flushSync(() => setActive(p));
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(p)}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const action = gridKey(e.key, e.ctrlKey || e.metaKey, at, rows.length, cols, (r) => {
      const v = rows[r]!;
      return { expandable: v.row.hasChildren, expanded: v.expanded, parentRow: v.row.parentId ? (rowOf.get(v.row.parentId) ?? null) : null };
    });
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') focusCell(action.to);
    else onToggle(rows[action.row]!.row.unitId);
  };

  const cellText = (ind: OverviewIndicator, cell: OverviewCell, unit: string): string[] => {
    const value = cell.value !== null ? formatValue(cell.value, ind.decimals, ind.unitLabel, lang) : x.noValue;
    return [
      `${ind.name} – ${unit}`,
      `${t.status[cell.status]}: ${value}${cell.periodStart ? `, ${x.period(formatDate(cell.periodStart, lang))}` : ''}`,
      ...(cell.signal ? [x.signal] : []),
      ...(cell.rolledUp ? [x.rolledUp] : []),
    ];
  };
  const showTip = (text: string[]) => (e: FocusEvent<HTMLElement> | MouseEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const wrap = gridRef.current?.parentElement?.getBoundingClientRect();
    const scroll = gridRef.current?.parentElement;
    if (!wrap || !scroll) return;
    setTip({ text, left: box.left - wrap.left + scroll.scrollLeft + box.width / 2, top: box.top - wrap.top + scroll.scrollTop });
  };

  return (
    <div className="heat-map">
      <p id={hintId} className="heat-map__hint">{x.keysHint}</p>
      <div className="heat-map__scroll">
        <table ref={gridRef} role="treegrid" className="heat-map__grid" aria-label={x.gridLabel} aria-describedby={hintId} onKeyDown={onKeyDown}>
          <thead>
            <tr className="heat-map__groups">
              <td className="heat-map__corner" />
              {groups.map((g) => (
                <th key={g.group} scope="colgroup" colSpan={g.span} className={`heat-map__group heat-map__group--${g.group}`}>
                  {/* A group of one or two columns is too narrow for its full name. */}
                  {g.span < 3 ? <abbr title={x.groups[g.group]}>{x.groupsShort[g.group]}</abbr> : x.groups[g.group]}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" className="heat-map__unit-head">{x.unitColumn}</th>
              {indicators.map((ind) => (
                <th key={ind.id} scope="col" className={`heat-map__col heat-map__col--${ind.group}`}>
                  <span className="heat-map__col-name" title={ind.name}>{ind.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((v, r) => {
              const cells = new Map(v.row.cells.map((c) => [c.indicatorId, c]));
              const headPos = { row: r, col: 0 };
              const headTab = at.row === r && at.col === 0 ? 0 : -1;
              return (
                <tr
                  key={v.row.unitId}
                  aria-level={v.row.depth + 1}
                  aria-expanded={v.row.hasChildren ? v.expanded : undefined}
                  aria-busy={v.loading || undefined}
                  className={`heat-map__row heat-map__row--depth-${Math.min(v.row.depth, 5)}`}
                >
                  <th scope="row" className="heat-map__unit">
                    <div className="heat-map__unit-inner" style={{ paddingLeft: `${0.25 + v.row.depth * 1.1}rem` }}>
                    {v.row.hasChildren ? (
                      <button
                        type="button"
                        tabIndex={-1}
                        className="heat-map__toggle"
                        aria-label={v.expanded ? x.fold(v.row.name) : x.unfold(v.row.name)}
                        onClick={() => {
                          setActive(headPos);
                          onToggle(v.row.unitId);
                        }}
                      >
                        <span className={`heat-map__chevron${v.expanded ? ' heat-map__chevron--open' : ''}`} aria-hidden="true" />
                      </button>
                    ) : (
                      <span className="heat-map__toggle-space" aria-hidden="true" />
                    )}
                    <span className="heat-map__unit-text">
                      {v.row.boardId ? (
                        <Link
                          href={`/boards/${encodeURIComponent(v.row.boardId)}`}
                          className="heat-map__unit-link"
                          data-cell={cellKey(headPos)}
                          tabIndex={headTab}
                          onFocus={() => setActive(headPos)}
                        >
                          {v.row.name}
                        </Link>
                      ) : (
                        <span className="heat-map__unit-name" data-cell={cellKey(headPos)} tabIndex={headTab} onFocus={() => setActive(headPos)}>
                          {v.row.name}
                        </span>
                      )}
                      <span className="heat-map__layer">{v.row.layer.name}{v.loading && ` · ${x.loadingUnits}`}</span>
                    </span>
                    </div>
                  </th>
                  {indicators.map((ind, i) => {
                    const pos = { row: r, col: i + 1 };
                    const tab = at.row === r && at.col === i + 1 ? 0 : -1;
                    const cell = cells.get(ind.id);
                    if (!cell) {
                      return (
                        <td
                          key={ind.id}
                          role="gridcell"
                          className="heat-map__cell heat-map__cell--empty"
                          data-cell={cellKey(pos)}
                          tabIndex={tab}
                          aria-label={`${ind.name} – ${v.row.name}: ${x.notShown}`}
                          onFocus={() => setActive(pos)}
                        />
                      );
                    }
                    const text = cellText(ind, cell, v.row.name);
                    return (
                      <td key={ind.id} role="gridcell" className={`heat-map__cell heat-map__cell--${cell.status}`}>
                        <Link
                          href={`/indicators/${encodeURIComponent(ind.id)}?unit=${encodeURIComponent(v.row.unitId)}`}
                          className="heat-map__cell-link"
                          data-cell={cellKey(pos)}
                          tabIndex={tab}
                          aria-label={text.join(', ')}
                          onFocus={(e) => {
                            setActive(pos);
                            showTip(text)(e);
                          }}
                          onBlur={() => setTip(null)}
                          onMouseEnter={showTip(text)}
                          onMouseLeave={() => setTip(null)}
                        >
                          <StatusIcon status={cell.status} />
                          {cell.signal && <span className="heat-map__signal" aria-hidden="true" />}
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        {tip && (
          // The cell's own name already says all of this; the box is for the eye.
          <div className="heat-map__tip" aria-hidden="true" style={{ left: tip.left, top: tip.top }}>
            {tip.text.map((line, i) => (i === 0 ? <strong key={i}>{line}</strong> : <span key={i}>{line}</span>))}
          </div>
        )}
      </div>
    </div>
  );
}

/** The group header cells: consecutive columns of one group under one header. */
function groupSpans(indicators: readonly OverviewIndicator[]) {
  const spans: { group: OverviewIndicator['group']; span: number }[] = [];
  for (const ind of indicators) {
    const last = spans.at(-1);
    if (last && last.group === ind.group) last.span++;
    else spans.push({ group: ind.group, span: 1 });
  }
  return spans;
}
