import { type Reading, readIndicator } from '../../../../shared/domain/indicator-signal';
import { hasTooFewRespondents, measurementStatus, type Status } from '../../../../shared/domain/status';
import type { BoardIndicator, Target } from '../../../../shared/schemas';
import { formatNumber, formatPeriod, formatValue } from '../../lib/format';
import type { Lang, Messages } from '../../lib/i18n';

/** Everything a tile shows, worded and formatted; a pure function of the indicator and the language. */
export interface TileModel {
  status: Status;
  statusText: string;
  /** The latest value with its unit, "for få svar", or "Ingen data". */
  valueText: string;
  tooFewAnswers: boolean;
  periodText: string | null;
  targetText: string;
  respondentsText: string | null;
  /** Values for the sparkline (reportable ones only, oldest first) and how to read them aloud. */
  trend: number[];
  trendText: string;
  /** Learning before control: a signal asks for a cause, red without one for a system-level discussion. */
  reading: Reading;
  /** Which way a common-cause level misses the target. */
  missSide: 'low' | 'high' | 'outside';
}

function targetText(indicator: BoardIndicator, target: Target | null, lang: Lang, t: Messages): string {
  const value = (n: number) => formatValue(n, indicator.decimals, indicator.unitLabel, lang);
  if (!target) return t.noTarget;
  if (indicator.direction === 'range') {
    if (target.low == null || target.high == null) return t.noTarget;
    return t.target(`${formatNumber(target.low, indicator.decimals, lang)}–${value(target.high)}`);
  }
  if (target.target == null) return t.noTarget;
  return t.target(`${indicator.direction === 'higher' ? '≥' : '≤'} ${value(target.target)}`);
}

export function describeTile(indicator: BoardIndicator, lang: Lang, t: Messages): TileModel {
  const latest = indicator.recent.at(-1) ?? null;
  const target = indicator.target;
  const minRespondents = indicator.minRespondents;
  const status = measurementStatus(indicator, target, latest);
  const tooFew = latest !== null && hasTooFewRespondents({ respondents: latest.respondents, minRespondents });
  const reportable = indicator.recent.filter((m) => !hasTooFewRespondents({ respondents: m.respondents, minRespondents }));
  const trend = reportable.map((m) => m.value);
  const valueText = !latest
    ? t.noData
    : tooFew
      ? t.tooFewAnswers
      : formatValue(latest.value, indicator.decimals, indicator.unitLabel, lang);
  return {
    status,
    statusText: t.statusText(status),
    valueText,
    tooFewAnswers: tooFew,
    periodText: latest ? formatPeriod(indicator.frequency, latest.periodStart, lang, t) : null,
    targetText: targetText(indicator, target, lang, t),
    respondentsText: latest?.respondents != null ? t.respondentsCount(latest.respondents) : null,
    trend,
    trendText: t.trend(trend.map((v) => formatNumber(v, indicator.decimals, lang)).join('; ')),
    reading: readIndicator(status, indicator.signal?.signal ?? false),
    missSide: indicator.direction === 'higher' ? 'low' : indicator.direction === 'lower' ? 'high' : 'outside',
  };
}
