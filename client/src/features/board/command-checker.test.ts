import { createAppStore } from '../../app/store/app-store';
import { createFakeTransport } from '../../test/fake-transport';
import { makeSnapshot } from '../../test/fixtures';
import { checkCommand } from './command-check';
import { type CommandCheck, lazyCommandChecker } from './command-checker';

/** A board whose command check loads only when the test says so (as the chunk arrives over the network). */
function boardWithSlowCheck() {
  const loads: { resolve: (check: CommandCheck) => void; reject: (error: Error) => void }[] = [];
  const importCheck = () => new Promise<CommandCheck>((resolve, reject) => loads.push({ resolve, reject }));
  const fake = createFakeTransport({ onJoin: () => ({ ok: true, seq: 10, data: { kind: 'snapshot', snapshot: makeSnapshot(), epoch: 'e1' } }) });
  const store = createAppStore({ transport: fake.transport, commandChecker: lazyCommandChecker(importCheck) });
  store.getState().openBoard('b1');
  return { fake, store, loads };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the first command, before the command check has loaded', () => {
  it('shows at once and goes out once the check has passed it', async () => {
    const { fake, store, loads } = boardWithSlowCheck();
    store.getState().moveCard('k1', 'c3', 0);
    expect(store.getState().view!.cards.k1?.columnId).toBe('c3');
    expect(fake.callsOf('card:move')).toHaveLength(0);

    loads[0]!.resolve(checkCommand);
    await settled();
    expect(fake.callsOf('card:move')).toHaveLength(1);
    store.getState().archiveCard('k2');
    expect(fake.callsOf('card:archive')).toHaveLength(1); // later commands are checked and sent at once
    expect(loads).toHaveLength(1);
  });

  it('is rolled back with a notice when the check refuses it, and never sent', async () => {
    const { fake, store, loads } = boardWithSlowCheck();
    store.getState().createColumn('   ');
    loads[0]!.resolve(checkCommand);
    await settled();
    expect(fake.callsOf('column:create')).toHaveLength(0);
    expect(store.getState().pending).toHaveLength(0);
    expect(Object.keys(store.getState().view!.columns)).toEqual(['c1', 'c2', 'c3']);
    expect(store.getState().notices[0]?.error.code).toBe('VALIDATION_FAILED');
  });

  it('goes out unchecked if the check cannot be loaded (the server checks it), and the next command tries again', async () => {
    const { fake, store, loads } = boardWithSlowCheck();
    store.getState().moveCard('k1', 'c3', 0);
    loads[0]!.reject(new Error('offline'));
    await settled();
    expect(fake.callsOf('card:move')).toHaveLength(1);

    store.getState().archiveCard('k2');
    expect(loads).toHaveLength(2);
  });
});
