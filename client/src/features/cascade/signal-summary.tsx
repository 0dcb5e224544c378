import type { RunChartAnalysis } from '../../../../shared/domain/anhoej';
import { useCascadeTexts } from './texts';

/** The Anhøj rules' verdict in words, so the signal never depends on reading the chart. */
export function SignalSummary({ analysis }: { analysis: RunChartAnalysis }) {
  const x = useCascadeTexts();
  if (!analysis.applied) return <p className="signal-summary">{x.tooShort(analysis.n)}</p>;
  return (
    <div className="signal-summary" role="group" aria-label={x.signal}>
      {analysis.shift && <p className="signal-summary__signal"><strong>{x.shiftSignal}</strong></p>}
      {analysis.tooFewCrossings && <p className="signal-summary__signal"><strong>{x.crossingSignal}</strong></p>}
      {!analysis.signal && <p>{x.noSignal}</p>}
      <p className="muted">
        {x.longestRun(analysis.longestRun, analysis.maxRun)} · {x.crossings(analysis.crossings, analysis.minCrossings)}
      </p>
    </div>
  );
}
