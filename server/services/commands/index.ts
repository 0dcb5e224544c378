import type { Command, CommandName } from '../../../shared/protocol';
import type { Capability } from '../access-policy';
import type { CommandRunner } from '../decision';
import { runCardRestore, runCardUndo } from './card-undo-commands';
import { runCardArchive, runCardCreate, runCardMove, runCardUpdate } from './card-commands';
import { runColumnCreate, runColumnMove, runColumnRename } from './column-commands';
import { runEscalationAcknowledge, runEscalationAnswer, runEscalationForward, runEscalationRaise, runEscalationReturn } from './escalation-commands';
import { runMeasurementRecord } from './measurement-commands';
import { runCadence, runMeetingChange, runMeetingEnd, runMeetingStart } from './meeting-commands';

/** The rules for every command of the protocol; adding a command to shared/protocol.ts requires one here. */
export const COMMAND_RUNNERS: { [N in CommandName]: CommandRunner<Command<N>> } = {
  'card:create': runCardCreate,
  'card:update': runCardUpdate,
  'card:move': runCardMove,
  'card:archive': runCardArchive,
  'column:create': runColumnCreate,
  'column:rename': runColumnRename,
  'column:move': runColumnMove,
  'measurement:record': runMeasurementRecord,
  'card:restore': runCardRestore,
  'card:undo': runCardUndo,
  'board:cadence': runCadence,
  'escalation:raise': runEscalationRaise,
  'escalation:answer': runEscalationAnswer,
  'escalation:return': runEscalationReturn,
  'escalation:forward': runEscalationForward,
  'escalation:acknowledge': runEscalationAcknowledge,
  'meeting:start': runMeetingStart,
  'meeting:change': runMeetingChange,
  'meeting:end': runMeetingEnd,
};

/** What a command needs beyond 'write': running meetings and answering escalations is the facilitator's. */
const FACILITATOR_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'board:cadence',
  'escalation:answer',
  'escalation:return',
  'escalation:forward',
  'escalation:acknowledge',
  'meeting:start',
  'meeting:change',
  'meeting:end',
]);
export const capabilityFor = (name: CommandName): Capability => (FACILITATOR_COMMANDS.has(name) ? 'facilitate' : 'write');
