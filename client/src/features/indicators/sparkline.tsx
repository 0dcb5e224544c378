interface SparklineProps {
  values: readonly number[];
  label: string;
  /** A reference line (the target), drawn dashed when inside the plotted range. */
  reference?: number | null | undefined;
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/** A small line of recent values: enough to see a trend at a glance. Needs at least two points. */
export function Sparkline({ values, label, reference }: SparklineProps) {
  if (values.length < 2) return null;
  const all = reference == null ? values : [...values, reference];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (values.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.length - 1;
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="none">
      {reference != null && (
        <line className="sparkline__target" x1={PAD} x2={WIDTH - PAD} y1={y(reference)} y2={y(reference)} />
      )}
      <polyline className="sparkline__line" points={points} />
      <circle className="sparkline__dot" cx={x(last)} cy={y(values[last]!)} r={2.5} />
    </svg>
  );
}
