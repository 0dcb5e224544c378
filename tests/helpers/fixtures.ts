import type { Db } from '../../server/db/open-database';

/** A small organisation for integration tests: a clinic with one board and a ward with its own board. */
export const FIXTURE = {
  clinicBoard: 'board-clinic',
  wardBoard: 'board-ward',
  columns: { todo: 'col-todo', doing: 'col-doing', done: 'col-done' },
  wardColumn: 'col-ward-todo',
  cards: { huddle: 'card-huddle', sms: 'card-sms' },
  indicators: { restraint: 'ind-restraint', survey: 'ind-survey' },
} as const;

export function createFixtureOrganisation(db: Db): void {
  const now = '2026-11-01T08:00:00.000Z';
  db.transaction(() => {
    db.prepare("INSERT INTO layers (id, rank, name, kind) VALUES ('l2', 2, 'Klinik', 'taktisk'), ('l3', 3, 'Afsnit', 'operationel')").run();
    db.prepare("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('clinic', NULL, 'l2', 'Klinik Nord'), ('ward', 'clinic', 'l3', 'Afsnit N2')").run();
    const board = db.prepare('INSERT INTO boards (id, unit_id, name, created_at) VALUES (?, ?, ?, ?)');
    board.run(FIXTURE.clinicBoard, 'clinic', 'Klinik Nord – tavlemøde', now);
    board.run(FIXTURE.wardBoard, 'ward', 'Afsnit N2 – tavlemøde', now);
    const column = db.prepare('INSERT INTO columns (id, board_id, name, order_key) VALUES (?, ?, ?, ?)');
    column.run(FIXTURE.columns.todo, FIXTURE.clinicBoard, 'Nye forslag', 'a0');
    column.run(FIXTURE.columns.doing, FIXTURE.clinicBoard, 'I gang', 'a1');
    column.run(FIXTURE.columns.done, FIXTURE.clinicBoard, 'Afsluttet', 'a2');
    column.run(FIXTURE.wardColumn, FIXTURE.wardBoard, 'Nye forslag', 'a0');
    const card = db.prepare(`INSERT INTO cards (id, board_id, column_id, order_key, type, title, owner_name, due_date,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    card.run(FIXTURE.cards.huddle, FIXTURE.clinicBoard, FIXTURE.columns.todo, 'a0', 'action', 'Tvangsforebyggende huddle', 'Afsnitsleder', '2026-12-12', now, now);
    card.run(FIXTURE.cards.sms, FIXTURE.clinicBoard, FIXTURE.columns.todo, 'a1', 'idea', 'SMS-påmindelse', 'Sekretær', null, now, now);
    const indicator = db.prepare(`INSERT INTO indicators (id, unit_id, name, unit_label, direction, frequency, kind,
      decimals, min_respondents) VALUES (?, 'clinic', ?, ?, ?, 'monthly', ?, ?, ?)`);
    indicator.run(FIXTURE.indicators.restraint, 'Andel bæltefikseret', '%', 'lower', 'hard', 1, null);
    indicator.run(FIXTURE.indicators.survey, 'LUP: godt samlet indtryk', '%', 'higher', 'soft', 0, 5);
    const show = db.prepare('INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, ?)');
    show.run(FIXTURE.clinicBoard, FIXTURE.indicators.restraint, 'a0');
    show.run(FIXTURE.clinicBoard, FIXTURE.indicators.survey, 'a1');
    show.run(FIXTURE.wardBoard, FIXTURE.indicators.restraint, 'a0');
    const target = db.prepare(`INSERT INTO targets (indicator_id, unit_id, valid_from, target, tolerance) VALUES (?, 'clinic', '2024-01-01', ?, ?)`);
    target.run(FIXTURE.indicators.restraint, 4, 1);
    target.run(FIXTURE.indicators.survey, 85, 5);
    const measurement = db.prepare(`INSERT INTO measurements (indicator_id, unit_id, period_start, value, respondents,
      recorded_at, recorded_by) VALUES (?, 'clinic', ?, ?, ?, ?, 'Demo')`);
    ['2026-07-01', '2026-08-01', '2026-09-01'].forEach((p, i) => measurement.run(FIXTURE.indicators.restraint, p, 3.5 + i, null, now));
    measurement.run(FIXTURE.indicators.survey, '2026-07-01', 88, 24, now);
  })();
}
