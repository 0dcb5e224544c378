import type { Meeting, MeetingRole } from '../schemas';
import { attendeeText } from './meeting';

/** Words the exports use; the caller passes its language's. */
export interface ExportWords {
  minutes: string;
  attendance: string;
  agenda: string;
  decisions: string;
  actionsCreated: string;
  actionsClosed: string;
  indicators: string;
  skipped: string;
  skippedItems: string;
  outcome: string;
  none: string;
  meetingRoles: Record<MeetingRole, string>;
}

/** The capacities people attend in, as the Danish UI says them (kept here so the server's exports say them too). */
export const DANISH_MEETING_ROLES: Record<MeetingRole, string> = {
  'psychiatry-management': 'psykiatriledelse',
  'clinic-management': 'klinikledelse',
  'ward-management': 'afsnitsledelse',
  'employee-representative': 'medarbejderrepræsentant',
  staff: 'medarbejder',
  quality: 'kvalitet og udvikling',
  secretary: 'referent',
  guest: 'gæst',
};

export const DANISH_EXPORT_WORDS: ExportWords = {
  minutes: 'Referat',
  attendance: 'Fremmøde',
  agenda: 'Dagsorden',
  decisions: 'Beslutninger',
  actionsCreated: 'Nye handlinger',
  actionsClosed: 'Afsluttede handlinger',
  indicators: 'Indikatorer',
  skipped: 'sprunget over',
  skippedItems: 'Sprunget over',
  outcome: 'Konklusion',
  none: 'Ingen',
  meetingRoles: DANISH_MEETING_ROLES,
};

const list = (lines: string[], none: string) => (lines.length > 0 ? lines.map((l) => `- ${l}`) : [`- ${none}`]);

/** An ended meeting's minutes as Markdown, for pasting into a mail or an intranet page. */
export function minutesToMarkdown(meeting: Meeting, boardName: string, w: ExportWords = DANISH_EXPORT_WORDS): string {
  const m = meeting.minutes;
  if (!m) return '';
  const out = [`# ${w.minutes}: ${boardName}`, '', `${meeting.startedAt.slice(0, 10)} · ${meeting.facilitator}`, ''];
  out.push(`## ${w.attendance}`, ...list(m.attendees.map((a) => attendeeText(a, (r) => w.meetingRoles[r])), w.none), '', `## ${w.agenda}`);
  m.items.forEach((item, i) => {
    out.push(`${i + 1}. ${item.title}${item.skipped ? ` (${w.skipped})` : ''}`);
    if (item.outcome) out.push(`   ${w.outcome}: ${item.outcome}`);
    for (const d of item.decisions) out.push(`   - ${d.text}`);
  });
  out.push('', `## ${w.skippedItems}`, ...list(m.items.filter((i) => i.skipped).map((i) => i.title), w.none));
  out.push('', `## ${w.decisions}`, ...list(m.decisions.map((d) => `${d.text} (${d.itemTitle})`), w.none));
  const action = (c: { title: string; ownerName: string; dueDate: string | null }) =>
    [c.title, c.ownerName, c.dueDate].filter(Boolean).join(' · ');
  out.push('', `## ${w.actionsCreated}`, ...list(m.actionsCreated.map(action), w.none));
  out.push('', `## ${w.actionsClosed}`, ...list(m.actionsClosed.map(action), w.none));
  out.push('', `## ${w.indicators}`, ...list(m.indicators.map((i) => `${i.name}: ${i.value ?? '–'} ${i.unitLabel} (${i.status})`), w.none));
  return `${out.join('\n')}\n`;
}

export const MINUTES_CSV_HEADER = ['position', 'kind', 'title', 'skipped', 'started', 'ended', 'outcome', 'decisions', 'actions'] as const;

/** The agenda of the minutes as table rows for a CSV file, one per item (with its outcome, decisions and actions). */
export function minutesTable(meeting: Meeting): (string | number | null)[][] {
  const m = meeting.minutes;
  if (!m) return [];
  const cards = new Map(m.actionsCreated.map((c) => [c.id, c]));
  return m.items.map((item, i) => [
    i + 1, item.kind, item.title, item.skipped ? 'yes' : 'no', item.startedAt, item.endedAt, item.outcome,
    item.decisions.map((d) => d.text).join(' | '),
    item.actionIds.map((id) => { const c = cards.get(id); return c ? `${c.title} (${c.ownerName}, ${c.dueDate ?? ''})` : id; }).join(' | '),
  ]);
}
