import { useMemo } from 'react';
import type { IndicatorPageResponse } from '../../../../shared/cascade';
import type { Measurement } from '../../../../shared/schemas';
import { analyseSeries } from '../../../../shared/domain/indicator-signal';
import { formatPeriod, formatValue } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { RunChart, type RunChartPoint } from './run-chart';
import { SignalSummary } from './signal-summary';
import { useCascadeTexts } from './texts';

/**
 * An indicator's run chart and its signal in words, from the one analysis (analyseSeries) over the whole reportable
 * series: the indicator page and the meeting's current item show the same chart and the same verdict.
 */
export function IndicatorSeries({ data }: { data: Pick<IndicatorPageResponse, 'indicator' | 'target' | 'measurements' | 'baselineTo'> }) {
  const { lang, t } = useI18n();
  const x = useCascadeTexts();
  const { indicator, target, measurements } = data;
  const { points, baselineCount, analysis } = useMemo(
    () => analyseSeries({ measurements, minRespondents: indicator.minRespondents, baselineTo: data.baselineTo }),
    [measurements, indicator.minRespondents, data.baselineTo],
  );
  const fmt = (v: number) => formatValue(v, indicator.decimals, indicator.unitLabel, lang);
  // A median can fall between two whole values: show it with a decimal more rather than rounded onto a value.
  const fmtReference = (v: number) =>
    formatValue(v, Number.isInteger(v * 10 ** indicator.decimals) ? indicator.decimals : indicator.decimals + 1, indicator.unitLabel, lang);
  return (
    <>
      <RunChart
        points={points.map((m) => ({
          label: formatPeriod(indicator.frequency, m.periodStart, lang, t),
          value: m.value,
          text: fmt(m.value),
          n: pointBase(m),
        }))}
        formatValue={fmtReference}
        analysis={analysis}
        target={indicator.direction === 'range' ? null : (target?.target ?? null)}
        baselineEnd={baselineCount !== null ? baselineCount - 1 : null}
        label={x.runChartLabel(indicator.name)}
        legend={{ median: baselineCount ? x.baselineMedian : x.median, target: x.target, signal: x.signal }}
      />
      <SignalSummary analysis={analysis} />
    </>
  );
}

/** What a point rests on: a soft indicator's respondents, or a rate's denominator. */
function pointBase(m: Measurement): RunChartPoint['n'] {
  if (m.respondents !== null) return { kind: 'respondents', value: m.respondents };
  if (m.denominator !== null) return { kind: 'denominator', value: m.denominator };
  return null;
}
