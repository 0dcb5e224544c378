import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import type { RunChartAnalysis } from '../../../../shared/domain/anhoej';
import { chartGeometry, crossingPositions } from './run-chart-geometry';
import { useCascadeTexts } from './texts';
import { useElementWidth } from './use-element-width';

export interface RunChartPoint {
  label: string;
  value: number;
  /** The value as shown (formatted, with unit), for the point's tooltip. */
  text: string;
  /** The point's base, when known: respondents of a soft indicator, or the denominator of a rate. */
  n?: { kind: 'respondents' | 'denominator'; value: number } | null;
}

interface RunChartProps {
  points: readonly RunChartPoint[];
  analysis: RunChartAnalysis;
  target: number | null;
  /** Index of the last baseline point when the median is frozen. */
  baselineEnd: number | null;
  label: string;
  legend: { median: string; target: string; signal: string };
  /** Formats a reference value (median, target, axis tick) as the indicator shows values. */
  formatValue?: (v: number) => string;
}

/** Taller on wide screens, never so flat on a phone that the points run together. */
const heightFor = (width: number) => Math.round(Math.min(380, Math.max(240, width * 0.3)));

const plain = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : String(Math.round(v * 10) / 10)).replace('.', ',');

/**
 * A run chart in SVG drawn at its real width: values in time order, y ticks at round numbers, period labels as
 * many as fit, the median (frozen on the baseline when set) and the target labelled, and the points that make a
 * signal marked — the points of a too-long run, and the median crossings when there are too few of them. Every
 * point has a tooltip (period, value, n), reached by pointer or, once the chart has focus, by the arrow keys.
 */
export function RunChart({ points, analysis, target, baselineEnd, label, legend, formatValue = plain }: RunChartProps) {
  const x = useCascadeTexts();
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef, 720);
  const [active, setActive] = useState<number | null>(null);
  const tooltipId = useId();
  const hintId = useId();

  const geometry = useMemo(
    () =>
      chartGeometry({
        width,
        height: heightFor(width),
        values: points.map((p) => p.value),
        refs: [analysis.median, target],
        labelChars: Math.max(0, ...points.map((p) => p.label.length)),
        tickChars: 6,
      }),
    [width, points, analysis.median, target],
  );
  if (points.length < 2) return null;

  const g = geometry;
  const shift = new Set(analysis.shiftPoints);
  const crossings = analysis.tooFewCrossings ? crossingPositions(analysis) : [];
  const right = g.width - g.margin.right;
  const bottom = g.height - g.margin.bottom;
  const line = points.map((p, i) => `${g.x(i).toFixed(1)},${g.y(p.value).toFixed(1)}`).join(' ');
  const refLabels = referenceLabels((v) => g.y(v), analysis.median, target);
  const current = active !== null ? points[active] : undefined;

  const move = (i: number) => setActive(Math.max(0, Math.min(points.length - 1, i)));
  const onKey = (e: KeyboardEvent) => {
    const at = active ?? points.length - 1;
    const keys: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, ArrowDown: at - 1, ArrowUp: at + 1, Home: 0, End: points.length - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]!);
    } else if (e.key === 'Escape') setActive(null);
  };
  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    move(g.indexAt(((e.clientX - box.left) * g.width) / box.width));
  };

  return (
    <figure className="run-chart">
      <div
        ref={plotRef}
        className="run-chart__plot"
        role="group"
        tabIndex={0}
        aria-label={x.chartPoints(label)}
        aria-describedby={current ? tooltipId : hintId}
        onFocus={() => active === null && setActive(points.length - 1)}
        onBlur={() => setActive(null)}
        onKeyDown={onKey}
      >
        <svg
          viewBox={`0 0 ${g.width} ${g.height}`}
          role="img"
          aria-label={label}
          className="run-chart__svg"
          onPointerMove={onPointer}
          onPointerDown={onPointer}
          onPointerLeave={() => document.activeElement !== plotRef.current && setActive(null)}
        >
          {g.yTicks.map((v) => (
            <g key={v}>
              <line className="run-chart__grid" x1={g.margin.left} x2={right} y1={g.y(v)} y2={g.y(v)} />
              <text className="run-chart__tick" x={g.margin.left - 8} y={g.y(v) + 4} textAnchor="end">{plain(v)}</text>
            </g>
          ))}
          <line className="run-chart__axis" x1={g.margin.left} x2={right} y1={bottom} y2={bottom} />
          {points.map((p, i) => (
            <line key={i} className="run-chart__axis" x1={g.x(i)} x2={g.x(i)} y1={bottom} y2={bottom + (g.labelled.includes(i) ? 6 : 3)} />
          ))}
          {g.labelled.map((i) => (
            <text key={i} className="run-chart__tick" x={g.x(i)} y={bottom + 20} textAnchor={g.anchorOf(g.x(i), points[i]!.label.length)}>
              {points[i]!.label}
            </text>
          ))}
          {baselineEnd !== null && baselineEnd < points.length - 1 && (
            <g>
              <line className="run-chart__baseline" x1={g.x(baselineEnd + 0.5)} x2={g.x(baselineEnd + 0.5)} y1={g.margin.top} y2={bottom} />
              <text className="run-chart__ref-label" x={g.x(baselineEnd + 0.5) - 4} y={g.margin.top + 10} textAnchor="end">{x.baseline}</text>
            </g>
          )}
          {target !== null && <line className="run-chart__target" x1={g.margin.left} x2={right} y1={g.y(target)} y2={g.y(target)} />}
          {analysis.median !== null && (
            <line className="run-chart__median" x1={g.margin.left} x2={right} y1={g.y(analysis.median)} y2={g.y(analysis.median)} />
          )}
          <polyline className="run-chart__line" points={line} />
          {crossings.map((at) => (
            <path
              key={at}
              className="run-chart__crossing"
              d={crossMark(g.x(at), g.y(analysis.median ?? 0))}
            />
          ))}
          {current && active !== null && (
            <g className="run-chart__focus" aria-hidden="true">
              <line x1={g.x(active)} x2={g.x(active)} y1={g.margin.top} y2={bottom} />
              <circle cx={g.x(active)} cy={g.y(current.value)} r={10} />
            </g>
          )}
          {points.map((p, i) => (
            <circle
              key={i}
              className={shift.has(i) ? 'run-chart__point run-chart__point--signal' : 'run-chart__point'}
              data-signal={shift.has(i) ? 'run' : undefined}
              cx={g.x(i)}
              cy={g.y(p.value)}
              r={shift.has(i) ? 6 : 4}
            />
          ))}
          {target !== null && refLabels.target !== null && (
            <text className="run-chart__ref-label run-chart__ref-label--target" x={right - 4} y={refLabels.target} textAnchor="end">
              {legend.target} {formatValue(target)}
            </text>
          )}
          {analysis.median !== null && refLabels.median !== null && (
            <text className="run-chart__ref-label" x={right - 4} y={refLabels.median} textAnchor="end">
              {legend.median} {formatValue(analysis.median)}
            </text>
          )}
        </svg>
        {current && active !== null && (
          <div
            id={tooltipId}
            role="tooltip"
            className="run-chart__tooltip"
            style={{
              left: `${(g.x(active) / g.width) * 100}%`,
              top: `${(g.y(current.value) / g.height) * 100}%`,
              translate: `${active < points.length / 4 ? '-10%' : active > (points.length * 3) / 4 ? '-90%' : '-50%'} calc(-100% - 14px)`,
            }}
          >
            {/* The spaces keep the words apart for a screen reader; the grid lays the parts out on lines. */}
            <strong>{current.label}</strong> <span>{current.text}</span>{' '}
            {current.n && <span>{current.n.kind === 'respondents' ? x.respondentsN(current.n.value) : x.denominatorN(current.n.value)}</span>}{' '}
            {shift.has(active) && <span className="run-chart__tooltip-signal">{x.pointInLongRun}</span>}
          </div>
        )}
        <p id={hintId} className="visually-hidden">{x.chartKeysHint}</p>
      </div>
      <figcaption className="run-chart__legend">
        <span className="run-chart__key run-chart__key--median">{legend.median}</span>
        {target !== null && <span className="run-chart__key run-chart__key--target">{legend.target}</span>}
        {shift.size > 0 && <span className="run-chart__key run-chart__key--signal">{x.longRunKey}</span>}
        {crossings.length > 0 && <span className="run-chart__key run-chart__key--crossing">{x.crossingsKey}</span>}
      </figcaption>
    </figure>
  );
}

/** An × centred on a crossing of the median. */
function crossMark(cx: number, cy: number): string {
  const s = 5;
  return `M${cx - s},${cy - s}L${cx + s},${cy + s}M${cx - s},${cy + s}L${cx + s},${cy - s}`;
}

/**
 * Baselines of the median's and the target's labels: just above each line, and when the two lines are close the
 * lower one's label goes below its line, so the labels never overlap.
 */
function referenceLabels(y: (v: number) => number, median: number | null, target: number | null) {
  const m = median === null ? null : y(median) - 5;
  const t = target === null ? null : y(target) - 5;
  if (m === null || t === null || Math.abs(m - t) >= 15) return { median: m, target: t };
  return m >= t ? { median: m + 20, target: t } : { median: m, target: t + 20 };
}
