import { addDays } from '../../shared/domain/cadence';
import type { Db } from '../db/open-database';

/**
 * Every demo board gets a meeting cadence: the leadership boards meet monthly, clinics every 14 days, wards
 * weekly, each with its next meeting a few days ahead, so escalations get a due date and the board shows
 * "næste møde". Rows only, no events: like the rest of the seed it is the boards' starting state.
 */
export function writeDemoCadences(db: Db, today: Date): void {
  const day = today.toISOString().slice(0, 10);
  const boards = db
    .prepare<[], { id: string; rank: number }>(
      'SELECT b.id, l.rank FROM boards b JOIN org_units u ON u.id = b.unit_id JOIN layers l ON l.id = u.layer_id',
    )
    .all();
  const insert = db.prepare(
    'INSERT INTO board_cadences (board_id, cadence, next_meeting_date, meeting_minutes) VALUES (?, ?, ?, ?)',
  );
  for (const b of boards) {
    const [cadence, inDays, minutes] = b.rank <= 1 ? ['monthly', 9, 30] : b.rank === 2 ? ['biweekly', 4, 20] : ['weekly', 2, 15];
    insert.run(b.id, cadence, addDays(day, inDays as number), minutes);
  }
}
