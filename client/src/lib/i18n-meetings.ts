import type { Cadence, EscalationStep, MeetingRole } from '../../../shared/schemas';

/** Texts of meetings, minutes, escalations and history; part of `Messages` as `meetings` in both languages. */
export interface MeetingMessages {
  meeting: string;
  meetingOf: (board: string) => string;
  startMeeting: string;
  endMeeting: string;
  endMeetingConfirm: string;
  openMeeting: string;
  meetingRunning: string;
  nextMeeting: (date: string) => string;
  noNextMeeting: string;
  cadence: string;
  cadences: Record<Cadence, string>;
  nextMeetingDate: string;
  meetingLength: string;
  saveCadence: string;
  timeLeft: (time: string) => string;
  timeOver: (time: string) => string;
  meetingTimer: string;
  itemTimer: string;
  agenda: string;
  emptyAgenda: string;
  itemKinds: Record<'follow-up' | 'indicator' | 'business-case' | 'action' | 'escalation' | 'idea' | 'custom', string>;
  itemDetails: Record<string, string>;
  currentItem: string;
  openItem: (title: string) => string;
  nextItem: string;
  skipItem: (title: string) => string;
  unskipItem: (title: string) => string;
  skipped: string;
  moveUp: (title: string) => string;
  moveDown: (title: string) => string;
  addItem: string;
  newItemTitle: string;
  attendance: string;
  attendeePerson: string;
  attendeeSomeoneElse: string;
  attendeeName: string;
  attendeeRole: string;
  attendeeNoRole: string;
  addAttendee: string;
  removeAttendee: (name: string) => string;
  attendeeMissing: string;
  noAttendance: string;
  meetingRoles: Record<MeetingRole, string>;
  outcome: string;
  decisions: string;
  newDecision: string;
  addDecision: string;
  actions: string;
  newAction: string;
  addAction: string;
  actionColumn: string;
  noItemOpen: string;
  minutes: string;
  minutesOf: (date: string) => string;
  pastMeetings: string;
  noPastMeetings: string;
  facilitator: (name: string) => string;
  /** For someone following a meeting they cannot run (not a facilitator of the board). */
  followingOnly: string;
  actionsCreated: string;
  actionsClosed: string;
  indicatorsThen: string;
  none: string;
  print: string;
  exportAs: (format: string) => string;
  boardAsItWas: string;
  boardAtStart: string;
  boardAtEnd: string;
  boardAtMoment: string;
  indicatorsOnBoard: string;
  changesDuring: string;
  noChanges: string;
  skippedItems: string;
  backToBoard: string;
  backToMeeting: string;
  // escalations
  escalations: string;
  escalationsReceived: string;
  escalationsSent: string;
  noEscalations: string;
  escalate: string;
  escalateCard: (title: string) => string;
  escalateFurther: string;
  reason: string;
  answer: string;
  answerTitle: (title: string) => string;
  decision: string;
  sendBack: string;
  sendBackTitle: (title: string) => string;
  escalatedTo: (board: string) => string;
  escalatedFrom: (board: string) => string;
  answeredBy: (board: string, text: string) => string;
  returnedBy: (board: string, text: string) => string;
  escalationDue: (date: string) => string;
  escalationOverdue: string;
  chain: string;
  stepText: (kind: EscalationStep['kind'], from: string, to: string | null) => string;
  context: string;
  // history and undo
  history: string;
  historyOf: (title: string) => string;
  noHistory: string;
  undo: string;
  historyLine: {
    created: string;
    moved: (from: string, to: string) => string;
    edited: (fields: string) => string;
    archived: string;
    restored: string;
    escalation: (kind: EscalationStep['kind'], board: string) => string;
    other: (type: string) => string;
    meetingStarted: string;
    meetingEnded: string;
    measurement: (indicator: string) => string;
    column: (name: string) => string;
    businessCase: (title: string | null) => string;
  };
  boardHistory: string;
  undoArchive: (title: string) => string;
  fieldNames: Record<'type' | 'title' | 'description' | 'ownerName' | 'dueDate', string>;
}


export const meetingsDa: MeetingMessages = {
  meeting: 'Møde',
  meetingOf: (board) => `Møde: ${board}`,
  startMeeting: 'Start møde',
  endMeeting: 'Afslut møde',
  endMeetingConfirm: 'Afslut mødet og gem referatet?',
  openMeeting: 'Åbn mødet',
  meetingRunning: 'Møde i gang',
  nextMeeting: (date) => `Næste møde: ${date}`,
  noNextMeeting: 'Intet næste møde sat',
  cadence: 'Mødehyppighed',
  cadences: { weekly: 'ugentlig', biweekly: 'hver 14. dag', monthly: 'månedlig', quarterly: 'kvartalsvis', yearly: 'årlig' },
  nextMeetingDate: 'Næste møde',
  meetingLength: 'Mødelængde (minutter)',
  saveCadence: 'Gem mødehyppighed',
  timeLeft: (time) => `${time} tilbage`,
  timeOver: (time) => `${time} over tid`,
  meetingTimer: 'Mødetid',
  itemTimer: 'Tid på punktet',
  agenda: 'Dagsorden',
  emptyAgenda: 'Dagsordenen er tom. Tilføj et punkt.',
  itemKinds: {
    'follow-up': 'Opfølgning',
    indicator: 'Indikator',
    'business-case': 'Business case – fremdrift mod baseline',
    action: 'Handling',
    escalation: 'Eskalering',
    idea: 'Nyt forslag',
    custom: 'Punkt',
  },
  itemDetails: {
    red: 'rød uden signal – almindelig variation: hvad i systemet skal ændres?', amber: 'gul uden signal', signal: 'signal i seriediagram – find årsag',
    'red-signal': 'rød med signal – find årsag og handling', 'amber-signal': 'gul med signal – find årsag', overdue: 'overskredet', due: 'frist før næste møde',
    received: 'modtaget', answered: 'besvaret', returned: 'sendt retur',
  },
  currentItem: 'Aktuelt punkt',
  openItem: (title) => `Behandl punktet: ${title}`,
  nextItem: 'Næste punkt',
  skipItem: (title) => `Spring over: ${title}`,
  unskipItem: (title) => `Tag med: ${title}`,
  skipped: 'sprunget over',
  moveUp: (title) => `Flyt op: ${title}`,
  moveDown: (title) => `Flyt ned: ${title}`,
  addItem: 'Tilføj punkt',
  newItemTitle: 'Nyt punkt',
  attendance: 'Fremmøde',
  attendeePerson: 'Person',
  attendeeSomeoneElse: 'En anden (skriv navnet)',
  attendeeName: 'Navn',
  attendeeRole: 'Rolle i mødet',
  attendeeNoRole: 'Ingen rolle angivet',
  addAttendee: 'Tilføj til fremmødet',
  removeAttendee: (name) => `Fjern ${name} fra fremmødet`,
  attendeeMissing: 'Vælg en person, eller skriv et navn.',
  noAttendance: 'Ingen registreret endnu.',
  meetingRoles: {
    'psychiatry-management': 'Psykiatriledelse',
    'clinic-management': 'Klinikledelse',
    'ward-management': 'Afsnitsledelse',
    'employee-representative': 'Medarbejderrepræsentant',
    staff: 'Medarbejder',
    quality: 'Kvalitet og udvikling',
    secretary: 'Referent',
    guest: 'Gæst',
  },
  outcome: 'Konklusion',
  decisions: 'Beslutninger',
  newDecision: 'Ny beslutning',
  addDecision: 'Tilføj beslutning',
  actions: 'Handlinger',
  newAction: 'Ny handling',
  addAction: 'Tilføj handling',
  actionColumn: 'Kolonne',
  noItemOpen: 'Vælg et punkt på dagsordenen for at starte.',
  minutes: 'Referat',
  minutesOf: (date) => `Referat ${date}`,
  pastMeetings: 'Tidligere møder',
  noPastMeetings: 'Ingen tidligere møder.',
  facilitator: (name) => `Mødeleder: ${name}`,
  followingOnly: 'Du følger mødet. Mødelederen styrer dagsorden, beslutninger og referat.',
  actionsCreated: 'Nye handlinger',
  actionsClosed: 'Afsluttede handlinger',
  indicatorsThen: 'Indikatorer ved mødet',
  none: 'Ingen',
  print: 'Udskriv',
  exportAs: (format) => `Hent som ${format}`,
  boardAsItWas: 'Tavlen som den var ved mødet',
  boardAtStart: 'Ved mødets start',
  boardAtEnd: 'Ved mødets slut',
  boardAtMoment: 'Tidspunkt',
  indicatorsOnBoard: 'Indikatorer',
  changesDuring: 'Ændringer under mødet',
  noChanges: 'Ingen ændringer på tavlen under mødet.',
  skippedItems: 'Sprunget over',
  backToBoard: 'Til tavlen',
  backToMeeting: 'Til mødet',
  escalations: 'Eskaleringer',
  escalationsReceived: 'Modtaget',
  escalationsSent: 'Sendt op',
  noEscalations: 'Ingen eskaleringer.',
  escalate: 'Eskalér',
  escalateCard: (title) => `Eskalér: ${title}`,
  escalateFurther: 'Eskalér videre',
  reason: 'Begrundelse',
  answer: 'Besvar',
  answerTitle: (title) => `Besvar: ${title}`,
  decision: 'Beslutning',
  sendBack: 'Send retur',
  sendBackTitle: (title) => `Send retur: ${title}`,
  escalatedTo: (board) => `Eskaleret til ${board}`,
  escalatedFrom: (board) => `Fra ${board}`,
  answeredBy: (board, text) => `Besvaret af ${board}: ${text}`,
  returnedBy: (board, text) => `Sendt retur af ${board}: ${text}`,
  escalationDue: (date) => `Frist: ${date}`,
  escalationOverdue: 'overskredet',
  chain: 'Forløb',
  stepText: (kind, from, to) =>
    ({ raised: `${from} eskalerede til ${to}`, forwarded: `${from} eskalerede videre til ${to}`, answered: `${from} besvarede`, returned: `${from} sendte retur`, acknowledged: `${from} kvitterede for svaret` })[kind],
  context: 'Indikatorer hos afsender',
  history: 'Historik',
  historyOf: (title) => `Historik: ${title}`,
  noHistory: 'Ingen ændringer registreret endnu.',
  undo: 'Fortryd min seneste ændring',
  historyLine: {
    created: 'oprettede kortet',
    moved: (from, to) => `flyttede kortet fra ${from} til ${to}`,
    edited: (fields) => `ændrede ${fields}`,
    archived: 'arkiverede kortet',
    restored: 'hentede kortet tilbage',
    escalation: (kind, board) =>
      ({ raised: `eskalerede til ${board}`, forwarded: `eskalerede videre til ${board}`, answered: `besvarede (${board})`, returned: `sendte retur (${board})`, acknowledged: `kvitterede for svaret (${board})` })[kind],
    other: (type) => type,
    meetingStarted: 'startede mødet',
    meetingEnded: 'afsluttede mødet og gemte referatet',
    measurement: (indicator) => `registrerede en måling: ${indicator}`,
    column: (name) => `ændrede kolonnen ${name}`,
    businessCase: (title) => (title ? `business casen »${title}« blev opdateret` : 'en afsluttet business case forlod tavlen'),
  },
  boardHistory: 'Tavlens historik',
  undoArchive: (title) => `Fortryd arkivering: ${title}`,
  fieldNames: { type: 'type', title: 'titel', description: 'beskrivelse', ownerName: 'ansvarlig', dueDate: 'frist' },
};

export const meetingsEn: MeetingMessages = {
  meeting: 'Meeting',
  meetingOf: (board) => `Meeting: ${board}`,
  startMeeting: 'Start meeting',
  endMeeting: 'End meeting',
  endMeetingConfirm: 'End the meeting and save the minutes?',
  openMeeting: 'Open the meeting',
  meetingRunning: 'Meeting in progress',
  nextMeeting: (date) => `Next meeting: ${date}`,
  noNextMeeting: 'No next meeting set',
  cadence: 'Meeting frequency',
  cadences: { weekly: 'weekly', biweekly: 'every 14 days', monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' },
  nextMeetingDate: 'Next meeting',
  meetingLength: 'Meeting length (minutes)',
  saveCadence: 'Save meeting frequency',
  timeLeft: (time) => `${time} left`,
  timeOver: (time) => `${time} over time`,
  meetingTimer: 'Meeting time',
  itemTimer: 'Time on item',
  agenda: 'Agenda',
  emptyAgenda: 'The agenda is empty. Add an item.',
  itemKinds: {
    'follow-up': 'Follow-up', indicator: 'Indicator', 'business-case': 'Business case – progress against baseline', action: 'Action', escalation: 'Escalation', idea: 'New idea', custom: 'Item',
  },
  itemDetails: {
    red: 'red without a signal – common-cause variation: what in the system must change?', amber: 'amber without a signal', signal: 'run chart signal – find the cause',
    'red-signal': 'red with a signal – find cause and action', 'amber-signal': 'amber with a signal – find the cause', overdue: 'overdue', due: 'due before next meeting',
    received: 'received', answered: 'answered', returned: 'returned',
  },
  currentItem: 'Current item',
  openItem: (title) => `Discuss item: ${title}`,
  nextItem: 'Next item',
  skipItem: (title) => `Skip: ${title}`,
  unskipItem: (title) => `Include: ${title}`,
  skipped: 'skipped',
  moveUp: (title) => `Move up: ${title}`,
  moveDown: (title) => `Move down: ${title}`,
  addItem: 'Add item',
  newItemTitle: 'New item',
  attendance: 'Attendance',
  attendeePerson: 'Person',
  attendeeSomeoneElse: 'Someone else (type the name)',
  attendeeName: 'Name',
  attendeeRole: 'Role at the meeting',
  attendeeNoRole: 'No role given',
  addAttendee: 'Add to attendance',
  removeAttendee: (name) => `Remove ${name} from the attendance`,
  attendeeMissing: 'Pick a person, or type a name.',
  noAttendance: 'No one recorded yet.',
  meetingRoles: {
    'psychiatry-management': 'Psychiatry management',
    'clinic-management': 'Clinic management',
    'ward-management': 'Ward management',
    'employee-representative': 'Employee representative',
    staff: 'Staff',
    quality: 'Quality and development',
    secretary: 'Minute taker',
    guest: 'Guest',
  },
  outcome: 'Conclusion',
  decisions: 'Decisions',
  newDecision: 'New decision',
  addDecision: 'Add decision',
  actions: 'Actions',
  newAction: 'New action',
  addAction: 'Add action',
  actionColumn: 'Column',
  noItemOpen: 'Pick an agenda item to begin.',
  minutes: 'Minutes',
  minutesOf: (date) => `Minutes ${date}`,
  pastMeetings: 'Past meetings',
  noPastMeetings: 'No past meetings.',
  facilitator: (name) => `Facilitator: ${name}`,
  followingOnly: 'You are following the meeting. The facilitator runs the agenda, decisions and minutes.',
  actionsCreated: 'New actions',
  actionsClosed: 'Closed actions',
  indicatorsThen: 'Indicators at the meeting',
  none: 'None',
  print: 'Print',
  exportAs: (format) => `Download as ${format}`,
  boardAsItWas: 'The board as it was at the meeting',
  boardAtStart: 'When the meeting started',
  boardAtEnd: 'When the meeting ended',
  boardAtMoment: 'Moment',
  indicatorsOnBoard: 'Indicators',
  changesDuring: 'Changes during the meeting',
  noChanges: 'No changes on the board during the meeting.',
  skippedItems: 'Skipped',
  backToBoard: 'To the board',
  backToMeeting: 'To the meeting',
  escalations: 'Escalations',
  escalationsReceived: 'Received',
  escalationsSent: 'Sent up',
  noEscalations: 'No escalations.',
  escalate: 'Escalate',
  escalateCard: (title) => `Escalate: ${title}`,
  escalateFurther: 'Escalate further',
  reason: 'Reason',
  answer: 'Answer',
  answerTitle: (title) => `Answer: ${title}`,
  decision: 'Decision',
  sendBack: 'Return',
  sendBackTitle: (title) => `Return: ${title}`,
  escalatedTo: (board) => `Escalated to ${board}`,
  escalatedFrom: (board) => `From ${board}`,
  answeredBy: (board, text) => `Answered by ${board}: ${text}`,
  returnedBy: (board, text) => `Returned by ${board}: ${text}`,
  escalationDue: (date) => `Due: ${date}`,
  escalationOverdue: 'overdue',
  chain: 'Trail',
  stepText: (kind, from, to) =>
    ({ raised: `${from} escalated to ${to}`, forwarded: `${from} escalated further to ${to}`, answered: `${from} answered`, returned: `${from} returned it`, acknowledged: `${from} acknowledged the answer` })[kind],
  context: "Sender's indicators",
  history: 'History',
  historyOf: (title) => `History: ${title}`,
  noHistory: 'No changes recorded yet.',
  undo: 'Undo my last change',
  historyLine: {
    created: 'created the card',
    moved: (from, to) => `moved the card from ${from} to ${to}`,
    edited: (fields) => `changed ${fields}`,
    archived: 'archived the card',
    restored: 'brought the card back',
    escalation: (kind, board) =>
      ({ raised: `escalated to ${board}`, forwarded: `escalated further to ${board}`, answered: `answered (${board})`, returned: `returned it (${board})`, acknowledged: `acknowledged the answer (${board})` })[kind],
    other: (type) => type,
    meetingStarted: 'started the meeting',
    meetingEnded: 'ended the meeting and saved the minutes',
    measurement: (indicator) => `recorded a measurement: ${indicator}`,
    column: (name) => `changed the column ${name}`,
    businessCase: (title) => (title ? `the business case “${title}” was updated` : 'a closed business case left the board'),
  },
  boardHistory: "The board's history",
  undoArchive: (title) => `Undo archiving: ${title}`,
  fieldNames: { type: 'type', title: 'title', description: 'description', ownerName: 'owner', dueDate: 'due date' },
};

