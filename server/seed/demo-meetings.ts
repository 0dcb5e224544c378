import { buildAgenda } from '../../shared/domain/agenda';
import { addDays } from '../../shared/domain/cadence';
import { buildMinutes } from '../../shared/domain/meeting';
import type { Escalation, Meeting } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';

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
    insert.run(b.id, cadence, addDays(day, inDays), minutes);
  }
}

/** The indicator the demo meeting's decision is about (bæltefiksering). */
export const DEMO_DECISION_INDICATOR = 'baelte-andel';
const DEMO_ESCALATED_CARD = 'Mangler pladser ved aftenindlæggelser – eskalér?';

/**
 * A little history for the demo to show: the clinic Nord board held its last meeting ten days ago (its minutes
 * open the next agenda), and ward N1 has escalated its evening-beds problem to the clinic, which has yet to answer.
 * Rows as the events would have left them; like the rest of the seed, no events are written.
 */
export async function writeDemoMeetingHistory(repos: Repositories, today: Date): Promise<void> {
  const day = today.toISOString().slice(0, 10);
  const clinic = await repos.boards.get('board-k-nord');
  const ward = await repos.boards.get('board-n1');
  if (!clinic || !ward) return;
  const board = {
    cards: await repos.cards.liveOnBoard(clinic.id),
    columns: await repos.columns.onBoard(clinic.id),
    indicators: await repos.indicators.forBoard(clinic.id, clinic.unit.id, day),
  };

  const startedAt = `${addDays(day, -10)}T07:30:00.000Z`;
  const endedAt = `${addDays(day, -10)}T07:48:00.000Z`;
  const minute = (n: number) => new Date(Date.parse(startedAt) + n * 60_000).toISOString();
  const agenda = buildAgenda({ boardId: clinic.id, today: addDays(day, -10), nextMeetingDate: addDays(day, 4), escalations: [], lastMeeting: null, ...board });
  // The restraint decision belongs under the restraint indicator's item, wherever the agenda put it.
  const restraint = agenda.findIndex((item) => item.refId === DEMO_DECISION_INDICATOR);
  const items = agenda.map((item, i) =>
    i === restraint
      ? { ...item, startedAt: minute(1 + i * 4), endedAt: minute(4 + i * 4), outcome: 'Fikseringerne samler sig i weekender med overbelægning på N1.',
          decisions: [{ id: 'demo-decision-1', text: 'Bæltefikseringer over 24 timer gennemgås på hvert møde til og med januar' }] }
      : i < 3 ? { ...item, startedAt: minute(1 + i * 4), endedAt: minute(4 + i * 4) } : item,
  );
  const meeting: Meeting = {
    id: 'demo-meeting-k-nord-1', boardId: clinic.id, status: 'running', facilitator: 'Klinikchef', startedAt, endedAt: null,
    plannedMinutes: 20, itemMinutes: 3, currentItemId: null, attendees: [
      { name: 'Klinikchef', role: 'clinic-management' }, { name: 'Ledende overlæge', role: 'clinic-management' },
      { name: 'Afdelingssygeplejerske', role: 'ward-management' }, { name: 'Tillidsrepræsentant', role: 'employee-representative' },
      'Kvalitetskoordinator',
    ],
    items, minutes: null,
  };
  const minutes = buildMinutes(meeting, board, endedAt);
  await repos.meetings.saveMeeting({ ...meeting, status: 'ended', endedAt, items: minutes.items, minutes });

  const card = (await repos.cards.liveOnBoard(ward.id)).find((c) => c.title === DEMO_ESCALATED_CARD);
  if (!card) return;
  const raisedAt = `${addDays(day, -3)}T13:10:00.000Z`;
  const reason = 'Vi har ikke personale til at åbne flere senge om aftenen. Kan klinikken flytte ressourcer fra dagvagten?';
  const escalation: Escalation = {
    id: 'demo-escalation-n1-1', cardId: card.id, cardTitle: card.title, originBoardId: ward.id, originBoardName: ward.name,
    holderBoardId: clinic.id, holderBoardName: clinic.name, status: 'open', reason,
    dueDate: (await repos.meetings.cadence(clinic.id))?.nextMeetingDate ?? addDays(day, 14), resolution: null, context: [],
    boardIds: [ward.id, clinic.id],
    steps: [{ kind: 'raised', boardId: ward.id, boardName: ward.name, toBoardId: clinic.id, toBoardName: clinic.name,
      actor: 'demo', actorName: 'Afsnitsleder N1', at: raisedAt, text: reason }],
    createdAt: raisedAt, updatedAt: raisedAt,
  };
  await repos.meetings.saveEscalation(escalation);
}
