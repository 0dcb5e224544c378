import type { AuditEntry, RoleName } from '../../../shared/auth';
import type { BoardEvent } from '../../../shared/protocol';
import type { Lang } from './i18n';

/**
 * Events of the log as sentences, no ids: the admin's event log and the meeting minutes' "changes during the
 * meeting" read the same events the same way.
 */

/** Names the sentences use instead of ids; whatever is unknown is described without a name. */
export interface AuditNames {
  user(id: string): string | undefined;
  unit(id: string): string | undefined;
  board(id: string): string | undefined;
  indicator(id: string): string | undefined;
  role(role: RoleName): string;
  /** A column's name, for where a card was moved from and to (the board's own log knows its columns). */
  column?(id: string): string | undefined;
}

/** What a sentence is made from: an entry of the admin's log, or a board event with its actor's name. */
export type SentenceEntry = Pick<AuditEntry, 'type' | 'subject' | 'boardId' | 'actorName' | 'payload'>;

/** A board event as an entry to say; without the board's name, for a list that is about one board. */
export const boardEventEntry = (event: BoardEvent, actorName: string): SentenceEntry => ({
  type: event.body.type, subject: event.opId, boardId: null, actorName, payload: event.body,
});

type Payload = Record<string, unknown>;
const record = (v: unknown): Payload => (v && typeof v === 'object' ? (v as Payload) : {});
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What an entry is about, read from its payload (events carry the thing they changed) and the names known. */
function facts(e: SentenceEntry, names: AuditNames) {
  const p = record(e.payload);
  const thing = record(p.card ?? p.column ?? p.escalation ?? p.measurement ?? p.meeting ?? p.businessCase);
  const subjectUser = e.subject.startsWith('user:') ? e.subject.slice(5) : undefined;
  const unitId = text(p.unitId);
  return {
    title: text(thing.title) ?? text(thing.cardTitle) ?? text(thing.name) ?? text(p.name) ?? text(p.title) ?? text(p.displayName) ?? text(record(p.after).name),
    before: text(record(p.before).name),
    person: (subjectUser && names.user(subjectUser)) ?? text(p.displayName),
    unit: unitId ? names.unit(unitId) : undefined,
    role: text(p.role) as RoleName | undefined,
    indicator: names.indicator(text(thing.indicatorId) ?? e.subject),
    board: e.boardId ? names.board(e.boardId) : undefined,
    passwordChanged: p.passwordChanged === true,
    from: names.column?.(text(record(p.from).columnId) ?? ''),
    to: names.column?.(text(thing.columnId) ?? ''),
  };
}
type Facts = ReturnType<typeof facts>;
type Phrases = Record<string, (f: Facts, names: AuditNames) => string>;

const q = (name: string | undefined, lang: Lang) => (name ? (lang === 'da' ? ` »${name}«` : ` “${name}”`) : '');

/** " fra »Nye forslag« til »I gang«" when both columns are known; within one column, nothing. */
const fromTo = (f: Facts, lang: Lang) =>
  f.from && f.to && f.from !== f.to ? (lang === 'da' ? ` fra${q(f.from, lang)} til${q(f.to, lang)}` : ` from${q(f.from, lang)} to${q(f.to, lang)}`) : '';

const DA: Phrases = {
  'card.created': (f) => `oprettede kortet${q(f.title, 'da')}`,
  'card.updated': (f) => `ændrede kortet${q(f.title, 'da')}`,
  'card.moved': (f) => `${f.title ? `flyttede kortet${q(f.title, 'da')}` : 'flyttede et kort'}${fromTo(f, 'da')}`,
  'card.archived': (f) => `arkiverede kortet${q(f.title, 'da')}`,
  'card.restored': (f) => `hentede kortet${q(f.title, 'da')} tilbage fra arkivet`,
  'column.created': (f) => `oprettede kolonnen${q(f.title, 'da')}`,
  'column.renamed': (f) => `omdøbte kolonnen${q(f.before, 'da')} til${q(f.title, 'da')}`,
  'column.moved': (f) => `flyttede kolonnen${q(f.title, 'da')}`,
  'measurement.recorded': (f) => `registrerede en måling${f.indicator ? ` for ${f.indicator}` : ''}`,
  'board.cadence': () => 'ændrede tavlens mødehyppighed',
  'escalation.raised': (f) => `eskalerede${q(f.title, 'da')}`,
  'escalation.forwarded': (f) => `sendte eskaleringen${q(f.title, 'da')} videre`,
  'escalation.answered': (f) => `besvarede eskaleringen${q(f.title, 'da')}`,
  'escalation.returned': (f) => `sendte eskaleringen${q(f.title, 'da')} retur`,
  'meeting.started': () => 'startede mødet',
  'meeting.changed': () => 'ændrede mødet',
  'meeting.ended': () => 'afsluttede mødet',
  'business-case.changed': (f) => (f.title ? `opdaterede business casen${q(f.title, 'da')} på tavlen` : 'tog en afsluttet business case af tavlen'),
  'initiative.created': (f) => `oprettede indsatsen${q(f.title, 'da')} med business case`,
  'initiative.updated': (f) => `ændrede indsatsen${q(f.title, 'da')}`,
  'initiative.closed': () => 'afsluttede en indsats med en konklusion',
  'effect-chain.saved': () => 'gemte en effektkæde',
  'user.created': (f) => `oprettede brugeren${q(f.person, 'da')}`,
  'user.updated': (f) => (f.passwordChanged ? `nulstillede adgangskoden for${q(f.person, 'da')}` : `ændrede brugeren${q(f.person, 'da')}`),
  'user.password-changed': () => 'skiftede sin adgangskode',
  'role.set': (f, n) => `gav${q(f.person, 'da')} rollen ${f.role ? n.role(f.role) : ''}${f.unit ? ` på ${f.unit}` : ''}`,
  'role.removed': (f) => `fjernede en rolle fra${q(f.person, 'da')}${f.unit ? ` på ${f.unit}` : ''}`,
  'unit.created': (f) => `oprettede enheden${q(f.title, 'da')}`,
  'unit.updated': (f) => `ændrede enheden${q(f.title, 'da')}`,
  'layer.created': (f) => `oprettede ledelseslaget${q(f.title, 'da')}`,
  'layer.renamed': (f) => `omdøbte et ledelseslag til${q(f.title, 'da')}`,
  'board.created': (f) => `oprettede tavlen${q(f.title, 'da')}`,
  'template.created': (f) => `oprettede tavleskabelonen${q(f.title, 'da')}`,
  'template.updated': (f) => `ændrede tavleskabelonen${q(f.title, 'da')}`,
  'template.deleted': (f) => `slettede tavleskabelonen${q(f.title, 'da')}`,
  'indicator.created': (f) => `oprettede indikatoren${q(f.title, 'da')}`,
  'indicator.updated': (f) => `ændrede indikatoren${q(f.title ?? f.indicator, 'da')}`,
  'indicator.deleted': (f) => `slettede indikatoren${q(f.title, 'da')}`,
  'device.created': (f) => `oprettede skærmen${q(f.title, 'da')}`,
  'device.enrolled': () => 'blev tilmeldt som skærm',
  'device.code': () => 'lavede en ny tilmeldingskode til en skærm',
  'device.revoked': () => 'tilbagekaldte en skærm',
  'token.created': (f) => `oprettede API-nøglen${q(f.title, 'da')}`,
  'token.revoked': () => 'tilbagekaldte en API-nøgle',
};

const EN: Phrases = {
  'card.created': (f) => `created the card${q(f.title, 'en')}`,
  'card.updated': (f) => `changed the card${q(f.title, 'en')}`,
  'card.moved': (f) => `${f.title ? `moved the card${q(f.title, 'en')}` : 'moved a card'}${fromTo(f, 'en')}`,
  'card.archived': (f) => `archived the card${q(f.title, 'en')}`,
  'card.restored': (f) => `brought the card${q(f.title, 'en')} back from the archive`,
  'column.created': (f) => `created the column${q(f.title, 'en')}`,
  'column.renamed': (f) => `renamed the column${q(f.before, 'en')} to${q(f.title, 'en')}`,
  'column.moved': (f) => `moved the column${q(f.title, 'en')}`,
  'measurement.recorded': (f) => `recorded a measurement${f.indicator ? ` for ${f.indicator}` : ''}`,
  'board.cadence': () => "changed the board's meeting frequency",
  'escalation.raised': (f) => `escalated${q(f.title, 'en')}`,
  'escalation.forwarded': (f) => `passed the escalation${q(f.title, 'en')} on`,
  'escalation.answered': (f) => `answered the escalation${q(f.title, 'en')}`,
  'escalation.returned': (f) => `returned the escalation${q(f.title, 'en')}`,
  'meeting.started': () => 'started the meeting',
  'meeting.changed': () => 'changed the meeting',
  'meeting.ended': () => 'ended the meeting',
  'business-case.changed': (f) => (f.title ? `updated the business case${q(f.title, 'en')} on the board` : 'took a closed business case off the board'),
  'initiative.created': (f) => `created the initiative${q(f.title, 'en')} with a business case`,
  'initiative.updated': (f) => `changed the initiative${q(f.title, 'en')}`,
  'initiative.closed': () => 'closed an initiative with a conclusion',
  'effect-chain.saved': () => 'saved an effect chain',
  'user.created': (f) => `created the user${q(f.person, 'en')}`,
  'user.updated': (f) => (f.passwordChanged ? `reset the password of${q(f.person, 'en')}` : `changed the user${q(f.person, 'en')}`),
  'user.password-changed': () => 'changed their password',
  'role.set': (f, n) => `gave${q(f.person, 'en')} the role ${f.role ? n.role(f.role) : ''}${f.unit ? ` at ${f.unit}` : ''}`,
  'role.removed': (f) => `removed a role from${q(f.person, 'en')}${f.unit ? ` at ${f.unit}` : ''}`,
  'unit.created': (f) => `created the unit${q(f.title, 'en')}`,
  'unit.updated': (f) => `changed the unit${q(f.title, 'en')}`,
  'layer.created': (f) => `created the layer${q(f.title, 'en')}`,
  'layer.renamed': (f) => `renamed a layer to${q(f.title, 'en')}`,
  'board.created': (f) => `created the board${q(f.title, 'en')}`,
  'template.created': (f) => `created the board template${q(f.title, 'en')}`,
  'template.updated': (f) => `changed the board template${q(f.title, 'en')}`,
  'template.deleted': (f) => `deleted the board template${q(f.title, 'en')}`,
  'indicator.created': (f) => `created the indicator${q(f.title, 'en')}`,
  'indicator.updated': (f) => `changed the indicator${q(f.title ?? f.indicator, 'en')}`,
  'indicator.deleted': (f) => `deleted the indicator${q(f.title, 'en')}`,
  'device.created': (f) => `created the screen${q(f.title, 'en')}`,
  'device.enrolled': () => 'was enrolled as a screen',
  'device.code': () => 'made a new enrolment code for a screen',
  'device.revoked': () => 'revoked a screen',
  'token.created': (f) => `created the API token${q(f.title, 'en')}`,
  'token.revoked': () => 'revoked an API token',
};

/** "Anne Jensen flyttede kortet »Huddle« (Afsnit N2)." — one entry of the log as a sentence, no ids. */
export function auditSentence(entry: SentenceEntry, names: AuditNames, lang: Lang): string {
  const f = facts(entry, names);
  const phrase = (lang === 'da' ? DA : EN)[entry.type]?.(f, names) ?? (lang === 'da' ? `gjorde noget (${entry.type})` : `did something (${entry.type})`);
  const where = f.board ? ` (${f.board})` : '';
  return `${entry.actorName} ${phrase}${where}.`;
}
