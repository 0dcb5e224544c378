import { type Status, indicatorStatus } from '../../../../shared/domain/status';
import type { Indicator, Measurement, Target } from '../../../../shared/schemas';

/** The status of the latest measurement against the target, as tiles compute it. */
export function statusOfTarget(indicator: Indicator, target: Target | null, latest: Measurement | null): Status {
  return indicatorStatus({
    value: latest?.value,
    direction: indicator.direction,
    target: target?.target,
    low: target?.low,
    high: target?.high,
    tolerance: target?.tolerance ?? 0,
    decimals: indicator.decimals,
    respondents: latest?.respondents,
    minRespondents: indicator.minRespondents,
  });
}
