import { COMMANDS } from '../../shared/protocol';

/** A class of socket events that share one allowance per socket. */
export type EventClass = 'join' | 'command' | 'watch' | 'other';

export interface Rate {
  /** Events a socket may send at once. */
  burst: number;
  /** How fast the allowance refills. */
  perSecond: number;
}

export type EventRates = Record<EventClass, Rate>;

/**
 * Per socket and class. A board page joins once per (re)connect and a person changes boards by hand; a meeting's
 * facilitator may send bursts of commands. Nobody legitimate comes near these; a script looping on `board:join`
 * does at once.
 */
export const DEFAULT_EVENT_RATES: EventRates = {
  join: { burst: 30, perSecond: 10 },
  command: { burst: 300, perSecond: 100 },
  watch: { burst: 5, perSecond: 1 },
  other: { burst: 30, perSecond: 10 },
};

/**
 * Refusals a socket may collect before it is disconnected, refilled at `perSecond`: a client that keeps sending
 * after RATE_LIMITED answers is not going to slow down, and every refusal still costs the server a frame.
 */
export const DEFAULT_ABUSE_ALLOWANCE: Rate = { burst: 100, perSecond: 5 };

const COMMAND_NAMES = new Set<string>(Object.keys(COMMANDS));

export function eventClassOf(event: string): EventClass {
  if (COMMAND_NAMES.has(event)) return 'command';
  if (event === 'board:join' || event === 'board:leave') return 'join';
  if (event === 'overview:watch' || event === 'overview:unwatch') return 'watch';
  return 'other';
}

export interface Bucket {
  tokens: number;
  at: number;
}

/** Takes one token from `bucket` (refilled since its last use); false when none is left. */
export function take(bucket: Bucket, rate: Rate, now: number): boolean {
  bucket.tokens = Math.min(rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/** One socket's buckets: one per event class, and its allowance of refusals. */
export interface SocketBudget {
  buckets: Partial<Record<EventClass, Bucket>>;
  refusals: Bucket;
}

export function newBudget(abuse: Rate, now: number): SocketBudget {
  return { buckets: {}, refusals: { tokens: abuse.burst, at: now } };
}

export type RateVerdict = 'ok' | 'limited' | 'abusive';

/** Whether a socket may send one more event of `cls` now; `abusive` once its refusals are used up too. */
export function admit(budget: SocketBudget, cls: EventClass, rates: EventRates, abuse: Rate, now: number): RateVerdict {
  const rate = rates[cls];
  const bucket = (budget.buckets[cls] ??= { tokens: rate.burst, at: now });
  if (take(bucket, rate, now)) return 'ok';
  return take(budget.refusals, abuse, now) ? 'limited' : 'abusive';
}
