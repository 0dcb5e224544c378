import type { Command, CommandName } from '../../../shared/protocol';
import type { CommandRunner } from '../decision';
import { runCardArchive, runCardCreate, runCardMove, runCardUpdate } from './card-commands';
import { runColumnCreate, runColumnMove, runColumnRename } from './column-commands';
import { runMeasurementRecord } from './measurement-commands';

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
};
