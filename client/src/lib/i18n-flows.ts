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
};
