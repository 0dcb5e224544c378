import type { RunChartAnalysis } from '../../../../shared/domain/anhoej';

export interface RunChartPoint {
  label: string;
  value: number;
  /** The value as shown (formatted, with unit), for the point's tooltip. */
  text: string;
}

interface RunChartProps {
  points: readonly RunChartPoint[];
  analysis: RunChartAnalysis;
  target: number | null;
  /** Index of the last baseline point when the median is frozen. */
  baselineEnd: number | null;
  label: string;
  legend: { median: string; target: string; signal: string };
}

const W = 720;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 36, left: 48 };

/**
 * A run chart drawn by hand in SVG (no chart library in the bundle): the values in time order, the median (frozen
 * on the baseline when set), the target, and the points of a too-long run marked as a signal.
 */
export function RunChart({ points, analysis, target, baselineEnd, label, legend }: RunChartProps) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const refs = [analysis.median, target].filter((v): v is number => v !== null);
  const lo = Math.min(...values, ...refs);
  const hi = Math.max(...values, ...refs);
  const span = hi - lo || 1;
  const min = lo - span * 0.08;
  const max = hi + span * 0.08;
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (v: number) => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / (max - min);
  const signal = new Set(analysis.shiftPoints);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1)).replace('.', ',');

  return (
    <figure className="run-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="run-chart__svg">
        <line className="run-chart__axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} />
        <line className="run-chart__axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        <text className="run-chart__tick" x={PAD.left - 6} y={y(hi) + 4} textAnchor="end">{fmt(hi)}</text>
        <text className="run-chart__tick" x={PAD.left - 6} y={y(lo) + 4} textAnchor="end">{fmt(lo)}</text>
        <text className="run-chart__tick" x={PAD.left} y={H - 12}>{points[0]!.label}</text>
        <text className="run-chart__tick" x={W - PAD.right} y={H - 12} textAnchor="end">{points.at(-1)!.label}</text>
        {baselineEnd !== null && baselineEnd < points.length - 1 && (
          <line className="run-chart__baseline" x1={x(baselineEnd + 0.5)} x2={x(baselineEnd + 0.5)} y1={PAD.top} y2={H - PAD.bottom} />
        )}
        {target !== null && (
          <line className="run-chart__target" x1={PAD.left} x2={W - PAD.right} y1={y(target)} y2={y(target)}>
            <title>{legend.target}</title>
          </line>
        )}
        {analysis.median !== null && (
          <line className="run-chart__median" x1={PAD.left} x2={W - PAD.right} y1={y(analysis.median)} y2={y(analysis.median)}>
            <title>{legend.median}</title>
          </line>
        )}
        <polyline className="run-chart__line" points={line} />
        {points.map((p, i) => (
          <circle
            key={i}
            className={signal.has(i) ? 'run-chart__point run-chart__point--signal' : 'run-chart__point'}
            cx={x(i)}
            cy={y(p.value)}
            r={signal.has(i) ? 5 : 3.5}
          >
            <title>{`${p.label}: ${p.text}${signal.has(i) ? ` – ${legend.signal}` : ''}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="run-chart__legend">
        <span className="run-chart__key run-chart__key--median">{legend.median}</span>
        {target !== null && <span className="run-chart__key run-chart__key--target">{legend.target}</span>}
        {signal.size > 0 && <span className="run-chart__key run-chart__key--signal">{legend.signal}</span>}
      </figcaption>
    </figure>
  );
}
