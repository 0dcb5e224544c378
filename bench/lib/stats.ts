/** Percentile by nearest rank over a copy (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
export const median = (values: number[]): number => percentile(values, 50);

export interface Entry {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: string;
  pass: boolean;
  note?: string;
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** An entry whose figure is `value` against `baseline`; `pass` from the ratio (and any absolute check). */
export function entry(
  name: string,
  value: number,
  baseline: number,
  unit: string,
  target: { maxRatio?: number; minRatio?: number; maxValue?: number },
  note?: string,
): Entry {
  const ratio = value / baseline;
  const checks: string[] = [];
  let pass = Number.isFinite(ratio);
  if (target.maxRatio !== undefined) {
    checks.push(`ratio ≤ ${target.maxRatio}`);
    pass &&= ratio <= target.maxRatio;
  }
  if (target.minRatio !== undefined) {
    checks.push(`ratio ≥ ${target.minRatio}`);
    pass &&= ratio >= target.minRatio;
  }
  if (target.maxValue !== undefined) {
    checks.push(`value ≤ ${target.maxValue} ${unit}`);
    pass &&= value <= target.maxValue;
  }
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(ratio), target: checks.join(', '), pass, ...(note && { note }) };
}

/** Runs A and B alternately (A B A B …) `reps` times; returns each side's measurements in order. */
export async function interleave<T>(reps: number, a: () => Promise<T>, b: () => Promise<T>): Promise<{ a: T[]; b: T[] }> {
  const out = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < reps; i++) {
    out.a.push(await a());
    out.b.push(await b());
  }
  return out;
}
