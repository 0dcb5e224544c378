import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_REPOSITORIES } from './index';

// A group commit holding its log rows back writes them before any call to LOG_REPOSITORIES (command-batch.ts): a
// repository that read the log without being listed would miss the batch's earlier commands (an undo of a move made
// in the same batch would not find the move).
const FILE_OF: Record<(typeof LOG_REPOSITORIES)[number], string> = {
  events: 'events-repository.ts',
  meetings: 'meetings-repository.ts',
  orgAdmin: 'org-admin-repository.ts',
};
const TOUCHES_LOG = /(selectFrom|insertInto|innerJoin|leftJoin|updateTable|deleteFrom)\(\s*'(events|operations)[ ']|\b(FROM|JOIN|INTO) (events|operations)\b/;

describe('the repositories of the event log', () => {
  it('are every repository whose statements touch the events or operations tables', () => {
    const dir = import.meta.dirname;
    const touching = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .filter((f) => TOUCHES_LOG.test(readFileSync(join(dir, f), 'utf8')));
    expect(touching.sort()).toEqual(Object.values(FILE_OF).sort());
    expect([...LOG_REPOSITORIES].sort()).toEqual(Object.keys(FILE_OF).sort());
  });
});
