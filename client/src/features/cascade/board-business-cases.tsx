import './business-case.css';
import { useId } from 'react';
import type { BusinessCase } from '../../../../shared/maalstyring';
import { useAppStore } from '../../app/store/store-context';
import { useLoad } from '../../lib/use-load';
import { BusinessCaseList } from './business-case-list';
import { useBusinessCaseTexts } from './business-case-texts';
import { cascadeApi } from './cascade-api';

const NO_CHANGES: Readonly<Record<string, BusinessCase | null>> = {};

/**
 * The board's list with the changes its live events brought since (the latest change of each case wins): a case
 * changed replaces it in place, a new one joins at the end, null takes it off.
 */
export function withLiveChanges(loaded: readonly BusinessCase[], changes: Readonly<Record<string, BusinessCase | null>>): BusinessCase[] {
  const known = new Set(loaded.map((c) => c.initiativeId));
  const kept = loaded.flatMap((c) => {
    if (!(c.initiativeId in changes)) return [c];
    const now = changes[c.initiativeId];
    return now ? [now] : [];
  });
  const added = Object.values(changes).filter((c): c is BusinessCase => c !== null && !known.has(c.initiativeId));
  return [...kept, ...added];
}

/**
 * The open business cases moving this board's indicators, with progress against baseline: on the board until each
 * is closed with a conclusion (and on the board's meeting agenda likewise). Loaded over REST when the board's
 * snapshot arrives, then kept current by the board's `business-case.changed` events, so a case created, edited or
 * closed elsewhere, or moved by a new measurement, shows without a reload. Nothing is shown when there are none.
 */
export function BoardBusinessCases({ boardId }: { boardId: string }) {
  const b = useBusinessCaseTexts();
  const headingId = useId();
  const changes = useAppStore((s) => s.server?.businessCases ?? NO_CHANGES);
  // A fresh snapshot starts the changes anew, so the list is read again with it.
  const snapshotSeq = useAppStore((s) => s.server?.snapshotSeq);
  const { state } = useLoad(() => cascadeApi.businessCases({ board: boardId }), [boardId, snapshotSeq]);
  if (state.status !== 'ready') return null;
  const cases = withLiveChanges(state.data, changes);
  if (cases.length === 0) return null;
  return (
    <section className="panel board-business-cases" aria-labelledby={headingId}>
      <h2 id={headingId}>{b.businessCases}</h2>
      <BusinessCaseList cases={cases} />
    </section>
  );
}
export default BoardBusinessCases;
