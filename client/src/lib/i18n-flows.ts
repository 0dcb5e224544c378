/** Texts of moves and undo, offline changes and escalation groups; part of `Messages` as `flows` in both languages. */
export interface FlowMessages {
  /** The toast after one's own change: what happened, and the button that undoes it. */
  changed: Record<'moved' | 'edited' | 'created' | 'archived', string>;
  undo: string;
  lastChange: string;
  undoTitle: string;
  undone: string;
  /** The "Flyt til …" menu: targets grouped under each column's name. */
  moveWithin: string;
  moveToColumn: (column: string) => string;
  moveToTopOf: (column: string) => string;
  moveToBottomOf: (column: string) => string;
  escalationsAnswered: string;
  acknowledge: string;
  acknowledgeHint: string;
  escalationDueDate: string;
  escalationDueHint: string;
  // meetings
  takeItem: string;
  skip: string;
  include: string;
  endTitle: string;
  endSummary: (done: number, skipped: number, decisions: number, actions: number) => string;
  endAttendees: (names: string) => string;
  noAttendees: string;
  endConfirm: string;
  keepGoing: string;
  actionOwnerMissing: string;
  actionTitleMissing: string;
  actionDueHint: (date: string) => string;
}

export const flowsDa: FlowMessages = {
  changed: { moved: 'Flyttet', edited: 'Gemt', created: 'Oprettet', archived: 'Arkiveret' },
  undo: 'Fortryd',
  lastChange: 'Din seneste ændring',
  undoTitle: 'Fortryd din seneste ændring på tavlen (Ctrl+Z)',
  undone: 'Fortrudt',
  moveWithin: 'I samme kolonne',
  moveToColumn: (column) => `Til ${column}`,
  moveToTopOf: (column) => `Øverst i ${column}`,
  moveToBottomOf: (column) => `Nederst i ${column}`,
  escalationsAnswered: 'Besvaret',
  acknowledge: 'Kvittér',
  acknowledgeHint: 'Kvittér for svaret: eskaleringen arkiveres',
  escalationDueDate: 'Svarfrist',
  escalationDueHint: 'Tom: modtagerens næste tavlemøde.',
  takeItem: 'Behandl punktet',
  skip: 'Spring over',
  include: 'Tag med',
  endTitle: 'Afslut mødet?',
  endSummary: (done, skipped, decisions, actions) =>
    `Referatet får ${done} behandlede punkter, ${skipped} sprunget over, ${decisions} beslutninger og ${actions} nye handlinger.`,
  endAttendees: (names) => `Fremmøde: ${names}.`,
  noAttendees: 'Fremmøde er ikke registreret.',
  endConfirm: 'Afslut og gem referat',
  keepGoing: 'Fortsæt mødet',
  actionOwnerMissing: 'Angiv en ansvarlig – en handling uden ansvarlig bliver ikke gjort.',
  actionTitleMissing: 'Skriv hvad der skal gøres.',
  actionDueHint: (date) => `Tom: frist ved næste møde (${date}).`,
};

export const flowsEn: FlowMessages = {
  changed: { moved: 'Moved', edited: 'Saved', created: 'Created', archived: 'Archived' },
  undo: 'Undo',
  lastChange: 'Your last change',
  undoTitle: 'Undo your last change on the board (Ctrl+Z)',
  undone: 'Undone',
  moveWithin: 'In this column',
  moveToColumn: (column) => `To ${column}`,
  moveToTopOf: (column) => `Top of ${column}`,
  moveToBottomOf: (column) => `Bottom of ${column}`,
  escalationsAnswered: 'Answered',
  acknowledge: 'Acknowledge',
  acknowledgeHint: 'Acknowledge the answer: the escalation is archived',
  escalationDueDate: 'Answer by',
  escalationDueHint: "Empty: the receiving board's next meeting.",
  takeItem: 'Discuss item',
  skip: 'Skip',
  include: 'Include',
  endTitle: 'End the meeting?',
  endSummary: (done, skipped, decisions, actions) =>
    `The minutes will have ${done} items discussed, ${skipped} skipped, ${decisions} decisions and ${actions} new actions.`,
  endAttendees: (names) => `Attendance: ${names}.`,
  noAttendees: 'No attendance recorded.',
  endConfirm: 'End and save the minutes',
  keepGoing: 'Continue the meeting',
  actionOwnerMissing: 'Name an owner – an action without an owner does not get done.',
  actionTitleMissing: 'Say what is to be done.',
  actionDueHint: (date) => `Empty: due at the next meeting (${date}).`,
};
