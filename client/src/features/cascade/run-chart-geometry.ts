import { nice, ticks } from 'd3-array';
import type { RunChartAnalysis } from '../../../../shared/domain/anhoej';

/** The plot's margins in px: room for the y-axis labels at the left and the period labels below. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  margin: Margins;
  /** The y-axis domain, widened to round numbers. */
  domain: [number, number];
  yTicks: number[];
  /** Indexes of the points whose period is written under the axis (the latest always is). */
  labelled: number[];
  /** Distance between two points along the x-axis. */
  step: number;
  x(i: number): number;
  y(v: number): number;
  /** The point nearest to a horizontal position in the plot (for the pointer). */
  indexAt(px: number): number;
  /** How to anchor a label of `chars` characters centred at `px`, so it stays inside the chart. */
  anchorOf(px: number, chars: number): 'start' | 'middle' | 'end';
}

interface GeometryInput {
  width: number;
  height: number;
  values: readonly number[];
  /** Reference lines the domain must include (median, target). */
  refs: readonly (number | null)[];
  /** The longest period label and the longest tick label, in characters (to fit labels without overlap). */
  labelChars: number;
  tickChars: number;
}

// Average glyph width of the chart's 12 px labels; a little generous, so labels never touch.
const CHAR_PX = 7;

/**
 * Where everything goes, for a chart `width` px wide: nice y ticks (d3-array), one slot per point, and as many
 * period labels as fit side by side, counted back from the latest point.
 */
export function chartGeometry({ width, height, values, refs, labelChars, tickChars }: GeometryInput): ChartGeometry {
  const all = [...values, ...refs.filter((r): r is number => r !== null)];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const tickCount = Math.max(3, Math.round(height / 60));
  const domain = nice(lo, hi, tickCount);
  const yTicks = ticks(domain[0], domain[1], tickCount);
  const margin: Margins = { top: 14, right: 12, bottom: 40, left: Math.max(36, tickChars * CHAR_PX + 14) };
  const plotW = Math.max(width - margin.left - margin.right, 40);
  const plotH = height - margin.top - margin.bottom;
  const n = values.length;
  const step = plotW / Math.max(n, 1);
  const x = (i: number) => margin.left + step * (i + 0.5);
  const y = (v: number) => margin.top + ((domain[1] - v) * plotH) / (domain[1] - domain[0]);
  const indexAt = (px: number) => Math.min(n - 1, Math.max(0, Math.floor((px - margin.left) / step)));
  const anchorOf = (px: number, chars: number) => {
    const half = (chars * CHAR_PX) / 2;
    return px - half < 0 ? 'start' : px + half > width ? 'end' : 'middle';
  };
  // Every k-th label from the latest back; one that would still touch its neighbour (the end ones are shifted
  // inwards to stay inside the chart) is left out.
  const labelW = labelChars * CHAR_PX;
  const every = Math.max(1, Math.ceil(((labelW + 12) * n) / plotW));
  const extent = (i: number): [number, number] => {
    const anchor = anchorOf(x(i), labelChars);
    const from = anchor === 'start' ? x(i) : anchor === 'end' ? x(i) - labelW : x(i) - labelW / 2;
    return [from, from + labelW];
  };
  const labelled: number[] = [];
  for (let i = n - 1; i >= 0; i -= every) {
    const next = labelled[0];
    if (next === undefined || extent(i)[1] + 8 <= extent(next)[0]) labelled.unshift(i);
  }
  return { width, height, margin, domain, yTicks, labelled, step, x, y, indexAt, anchorOf };
}

/**
 * Where the series crosses the median: between the last point of one run and the first of the next. Too few of
 * them is one of the two Anhøj signals, so the chart marks them when that signal fires.
 */
export function crossingPositions(analysis: RunChartAnalysis): number[] {
  const at: number[] = [];
  for (let r = 1; r < analysis.runs.length; r++) {
    const before = analysis.runs[r - 1]!.points.at(-1)!;
    const after = analysis.runs[r]!.points[0]!;
    at.push((before + after) / 2);
  }
  return at;
}
