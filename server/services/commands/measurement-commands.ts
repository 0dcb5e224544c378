import type { Command } from '../../../shared/protocol';
import type { Indicator, Measurement } from '../../../shared/schemas';
import { isPeriodStart } from '../../../shared/domain/periods';
import { type CommandContext, type CommandRunner, type Decision, accept, reject } from '../decision';

export interface MeasurementState {
  indicator?: Indicator;
  onBoard: boolean;
  unitId: string;
  previous?: Measurement;
  /** Every board showing this indicator for this unit; each records the event. */
  boardIds: string[];
}

/** Records a period's value, or corrects it: the previous value stays in the event log. */
export function decideMeasurementRecord(
  cmd: Command<'measurement:record'>,
  state: MeasurementState,
  ctx: CommandContext,
): Decision {
  const { indicator } = state;
  if (!indicator || !state.onBoard) return reject('NOT_FOUND', 'The indicator is not on this board.');
  if (!isPeriodStart(indicator.frequency, cmd.periodStart)) {
    return reject('VALIDATION_FAILED', 'The period does not start on that date.', [
      { path: 'periodStart', message: `must be the first day of a ${indicator.frequency} period` },
    ]);
  }
  if (cmd.periodStart > ctx.today) {
    return reject('VALIDATION_FAILED', 'The period has not started yet.', [
      { path: 'periodStart', message: 'must not be in the future' },
    ]);
  }
  if (indicator.kind === 'hard' && cmd.respondents !== null) {
    return reject('VALIDATION_FAILED', 'Only soft indicators have respondents.', [
      { path: 'respondents', message: 'must be empty for a hard indicator' },
    ]);
  }
  const measurement: Measurement = {
    indicatorId: indicator.id,
    unitId: state.unitId,
    periodStart: cmd.periodStart,
    value: cmd.value,
    numerator: cmd.numerator,
    denominator: cmd.denominator,
    respondents: cmd.respondents,
    note: cmd.note,
    recordedAt: ctx.now,
    recordedBy: ctx.actor,
  };
  const boardIds = state.boardIds.includes(cmd.boardId) ? state.boardIds : [cmd.boardId, ...state.boardIds];
  return accept({
    body: { type: 'measurement.recorded', measurement, previous: state.previous ?? null },
    boardIds,
  });
}

export const runMeasurementRecord: CommandRunner<Command<'measurement:record'>> = async (cmd, repos, ctx) => {
  const unitId = (await repos.boards.unitId(cmd.boardId)) ?? '';
  const indicator = await repos.indicators.get(cmd.indicatorId);
  return decideMeasurementRecord(
    cmd,
    {
      indicator,
      onBoard: indicator !== undefined && (await repos.indicators.isOnBoard(cmd.boardId, indicator.id)),
      unitId,
      previous: await repos.indicators.measurement(cmd.indicatorId, unitId, cmd.periodStart),
      boardIds: await repos.indicators.boardsShowing(cmd.indicatorId, unitId),
    },
    ctx,
  );
};
