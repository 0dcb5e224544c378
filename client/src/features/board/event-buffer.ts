import type { BoardEvent } from '../../../../shared/protocol';

/**
 * Holds events until they can be applied in seq order. Events at or below the applied seq are dropped; a
 * hole before a held event means something was missed and the board must re-join to catch up.
 */
export class EventBuffer {
  private held = new Map<number, BoardEvent>();

  add(events: readonly BoardEvent[], lastSeq: number): void {
    for (const event of events) if (event.seq > lastSeq) this.held.set(event.seq, event);
  }

  /** Removes and returns the events that follow `lastSeq` without a hole. */
  drain(lastSeq: number): BoardEvent[] {
    const ready: BoardEvent[] = [];
    for (const seq of [...this.held.keys()]) if (seq <= lastSeq) this.held.delete(seq);
    let next = lastSeq + 1;
    for (let event = this.held.get(next); event; event = this.held.get(next)) {
      ready.push(event);
      this.held.delete(next);
      next += 1;
    }
    return ready;
  }

  hasGap(): boolean {
    return this.held.size > 0;
  }

  clear(): void {
    this.held.clear();
  }
}
