/**
 * Protocol constants both sides use at run time, kept free of zod: the client reads them on every page, and
 * importing them from the schema modules would put zod on every page too. The schema modules build on these.
 */

/**
 * Bumped when a change to the socket messages (shared/protocol.ts) would break an older client; checked at join.
 * 2: peers' events arrive as `board:events` batches (one message per group commit) instead of one `board:event` each.
 * 3: a live `card.moved` carries only the card's id, column, order key and updatedAt.
 * 4: a meeting's attendees may be picked people with their role (`{ name, userId?, role? }`), not only names.
 */
export const PROTOCOL_VERSION = 4;

/** Text lengths and counts a command may carry; the client's inputs use them as their `maxLength`. */
export const LIMITS = {
  title: 200,
  description: 4000,
  ownerName: 120,
  columnName: 60,
  note: 2000,
  columnsPerBoard: 12,
} as const;

export const CARD_TYPES = ['action', 'idea', 'problem', 'decision'] as const;

export const DIRECTIONS = ['higher', 'lower', 'range'] as const;

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'] as const;

/** Drift (operations), resultat (what the work delivers) or effekt (what it means for the citizen or patient). */
export const INDICATOR_TYPES = ['drift', 'resultat', 'effekt'] as const;

/** How often a board meets; the next meeting date follows from it (see shared/domain/cadence.ts). */
export const CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'] as const;

export const ROLE_NAMES = ['viewer', 'member', 'facilitator', 'admin'] as const;

/**
 * In what capacity someone attends a board meeting (not an access role): the leadership layers that meet, the staff
 * side and others. Worded in the UI as klinikledelse, afsnitsledelse, medarbejderrepræsentant, ….
 */
export const MEETING_ROLES = [
  'psychiatry-management', 'clinic-management', 'ward-management', 'employee-representative', 'staff', 'quality', 'secretary', 'guest',
] as const;

/** Sent by every cookie-authenticated state-changing request (CSRF); the server refuses such a request without it. */
export const CSRF_HEADER = 'x-kaskade-csrf';
