import type { ErrorCode } from '../../../shared/protocol';
import type { CardType, Direction } from '../../../shared/schemas';
import type { Status } from '../../../shared/domain/status';
import type { AccessMessages } from './i18n-access';
import type { FlowMessages } from './i18n-flows';
import type { MeetingMessages } from './i18n-meetings';

export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Every text the UI shows. Both languages implement the whole interface, so neither can fall behind. */
export interface Messages {
  appName: string;
  skipToContent: string;
  overview: string;
  overviewIntro: string;
  loading: string;
  loadFailed: string;
  retry: string;
  noBoards: string;
  notFoundTitle: string;
  boardNotFound: string;
  backToOverview: string;
  otherLanguageName: string;
  switchLanguage: string;
  indicators: string;
  noIndicators: string;
  cards: string;
  status: Record<Status, string>;
  statusText: (status: Status) => string;
  latestValue: string;
  noData: string;
  tooFewAnswers: string;
  respondentsCount: (n: number) => string;
  target: (text: string) => string;
  noTarget: string;
  direction: Record<Direction, string>;
  /** Drift, resultat or effekt indicator (the method's three types, beside hard and soft). */
  indicatorType: string;
  indicatorTypes: Record<'drift' | 'resultat' | 'effekt', string>;
  periodWeeks: (from: number, to: number, year: number) => string;
  periodQuarter: (quarter: number, year: number) => string;
  trend: (values: string) => string;
  recordMeasurement: string;
  recordMeasurementFor: (indicator: string) => string;
  value: string;
  valueHint: string;
  period: string;
  respondents: string;
  note: string;
  save: string;
  cancel: string;
  close: string;
  required: string;
  notANumber: string;
  notAWholeNumber: string;
  invalidDate: string;
  newCard: string;
  newCardIn: (column: string) => string;
  editCard: string;
  cardTitle: string;
  cardType: string;
  cardTypes: Record<CardType, string>;
  description: string;
  owner: string;
  ownerText: (name: string) => string;
  due: string;
  dueText: (date: string) => string;
  overdue: string;
  archive: string;
  moveTo: string;
  moveToTop: string;
  moveToBottom: string;
  dragCard: string;
  emptyColumn: string;
  cardCount: (n: number) => string;
  newColumn: string;
  columnName: string;
  renameColumn: string;
  add: string;
  offline: string;
  pendingChanges: (n: number) => string;
  connection: { online: string; connecting: string; offline: string; saving: string; waitingForServer: string };
  changeRefused: (reason: string) => string;
  errorReasons: Record<ErrorCode, string>;
  dismiss: string;
  yourName: string;
  nameButton: (name: string) => string;
  noName: string;
  nameHint: string;
  dnd: {
    roleDescription: string;
    instructions: string;
    pickedUp: (card: string) => string;
    over: (card: string, column: string, position: number) => string;
    dropped: (card: string, column: string, position: number) => string;
    cancelled: (card: string) => string;
  };
  /** Sign-in, wall screens and administration (i18n-access.ts). */
  access: AccessMessages;
  /** Meetings, minutes, escalations and history (i18n-meetings.ts). */
  meetings: MeetingMessages;
  /** Moves and undo, offline changes, escalation groups (i18n-flows.ts). */
  flows: FlowMessages;
}

export { da } from './i18n-da';
export { en } from './i18n-en';
