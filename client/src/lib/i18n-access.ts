import type { RoleName } from '../../../shared/auth';

/** Texts of sign-in, wall screens and the admin screens; part of `Messages` as `access` in both languages. */
export interface AccessMessages {
  signIn: string;
  signInTitle: string;
  signInIntro: string;
  username: string;
  password: string;
  signInFailed: string;
  tooManyAttempts: string;
  signInWithOidc: string;
  signOut: string;
  changeOwnPassword: string;
  signedInAs: (name: string) => string;
  demoLogins: string;
  admin: string;
  roles: Record<RoleName, string>;
  readOnlyBoard: string;
  // wall screens
  wallEnrolTitle: string;
  wallEnrolIntro: string;
  wallCode: string;
  wallEnrol: string;
  wallEnrolFailed: string;
  wallLostAccess: string;
  wallLostAccessHint: string;
  // admin screens
  adminTitle: string;
  tabUsers: string;
  tabUnits: string;
  tabDevices: string;
  tabAudit: string;
  displayName: string;
  email: string;
  newUser: string;
  create: string;
  save: string;
  disabled: string;
  disable: string;
  enable: string;
  unit: string;
  role: string;
  noRole: string;
  setRole: string;
  removeRole: string;
  layer: string;
  layers: string;
  newLayer: string;
  parentUnit: string;
  newUnit: string;
  rename: string;
  move: string;
  board: string;
  deviceName: string;
  deviceMode: string;
  modeRead: string;
  modeTouch: string;
  enrolDevice: string;
  enrolCodeShown: (code: string) => string;
  enrolLink: string;
  revoke: string;
  revoked: string;
  enrolled: string;
  notEnrolled: string;
  lastSeen: string;
  auditFor: string;
  auditByBoard: string;
  auditByUser: string;
  exportCsv: string;
  exportJson: string;
  when: string;
  who: string;
  what: string;
  noEntries: string;
  failed: (message: string) => string;
  tabBoards: string;
  tabIndicators: string;
  templates: string;
  newTemplate: string;
  templateColumns: string;
  templateColumnsHint: string;
  templateIndicators: string;
  newBoard: string;
  boardName: string;
  template: string;
  noTemplate: string;
  boardCreated: string;
  indicatorName: string;
  unitLabel: string;
  direction: string;
  frequency: string;
  frequencies: Record<'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly', string>;
  kindHard: string;
  kindSoft: string;
  decimals: string;
  minRespondents: string;
  newIndicator: string;
  targetsHint: string;
}

export const accessDa: AccessMessages = {
  signIn: 'Log ind',
  signInTitle: 'Log ind på Kaskade',
  signInIntro: 'Tavlerne viser enhedernes tal; log ind for at se og ændre dem.',
  username: 'Brugernavn',
  password: 'Adgangskode',
  signInFailed: 'Forkert brugernavn eller adgangskode.',
  tooManyAttempts: 'For mange forsøg. Vent et minut, og prøv igen.',
  signInWithOidc: 'Log ind med organisationens konto',
  signOut: 'Log ud',
  changeOwnPassword: 'Skift adgangskode',
  signedInAs: (name) => `Logget ind som ${name}`,
  demoLogins: 'Demo: log ind som admin, leder, nord, n2 eller laeser med adgangskoden kaskade-demo.',
  admin: 'Administration',
  roles: { viewer: 'læser', member: 'medlem', facilitator: 'mødeleder', admin: 'administrator' },
  readOnlyBoard: 'Du kan se tavlen, men ikke ændre den.',
  wallEnrolTitle: 'Tilmeld skærm',
  wallEnrolIntro: 'Skriv koden fra administrationen for at vise en tavle på denne skærm.',
  wallCode: 'Kode',
  wallEnrol: 'Tilmeld',
  wallEnrolFailed: 'Koden er ukendt, brugt eller udløbet.',
  wallLostAccess: 'Skærmen har ikke længere adgang til tavlen.',
  wallLostAccessHint: 'Bed en administrator om en ny kode.',
  adminTitle: 'Administration',
  tabUsers: 'Brugere og roller',
  tabUnits: 'Enheder og ledelseslag',
  tabDevices: 'Skærme',
  tabAudit: 'Hændelseslog',
  displayName: 'Navn',
  email: 'E-mail',
  newUser: 'Ny bruger',
  create: 'Opret',
  save: 'Gem',
  disabled: 'spærret',
  disable: 'Spær',
  enable: 'Genåbn',
  unit: 'Enhed',
  role: 'Rolle',
  noRole: 'Ingen roller',
  setRole: 'Giv rolle',
  removeRole: 'Fjern rolle',
  layer: 'Ledelseslag',
  layers: 'Ledelseslag',
  newLayer: 'Nyt ledelseslag',
  parentUnit: 'Overordnet enhed',
  newUnit: 'Ny enhed',
  rename: 'Omdøb',
  move: 'Flyt',
  board: 'Tavle',
  deviceName: 'Skærmens navn',
  deviceMode: 'Adgang',
  modeRead: 'kun visning',
  modeTouch: 'touch: flyt og ret kort',
  enrolDevice: 'Tilmeld skærm',
  enrolCodeShown: (code) => `Kode: ${code} (virker én gang i 15 minutter)`,
  enrolLink: 'Tilmeldingslink',
  revoke: 'Tilbagekald',
  revoked: 'tilbagekaldt',
  enrolled: 'tilmeldt',
  notEnrolled: 'venter på tilmelding',
  lastSeen: 'Sidst set',
  auditFor: 'Vis log for',
  auditByBoard: 'Tavle',
  auditByUser: 'Bruger',
  exportCsv: 'Eksportér CSV',
  exportJson: 'Eksportér JSON',
  when: 'Tidspunkt (UTC)',
  who: 'Hvem',
  what: 'Hvad',
  noEntries: 'Ingen hændelser.',
  failed: (message) => `Det lykkedes ikke: ${message}`,
  tabBoards: 'Tavler og skabeloner',
  tabIndicators: 'Indikatorer',
  templates: 'Tavleskabeloner',
  newTemplate: 'Ny skabelon',
  templateColumns: 'Kolonner',
  templateColumnsHint: 'Én kolonne pr. linje, fx Nye forslag, I gang, Afsluttet.',
  templateIndicators: 'Obligatoriske indikatorer',
  newBoard: 'Ny tavle',
  boardName: 'Tavlens navn',
  template: 'Skabelon',
  noTemplate: 'Ingen (Nye forslag · I gang · Afsluttet)',
  boardCreated: 'Tavlen er oprettet.',
  indicatorName: 'Indikatorens navn',
  unitLabel: 'Enhed for tallet (fx %, dage)',
  direction: 'Retning',
  frequency: 'Hyppighed',
  frequencies: { weekly: 'ugentlig', biweekly: 'hver 14. dag', monthly: 'månedlig', quarterly: 'kvartalsvis', yearly: 'årlig' },
  kindHard: 'hårde tal',
  kindSoft: 'bløde tal (besvarelser)',
  decimals: 'Decimaler',
  minRespondents: 'Mindste antal besvarelser',
  newIndicator: 'Ny indikator',
  targetsHint: 'Måltal sættes af mødelederen på indikatorens side.',
};

export const accessEn: AccessMessages = {
  signIn: 'Sign in',
  signInTitle: 'Sign in to Kaskade',
  signInIntro: "Boards show the units' figures; sign in to see and change them.",
  username: 'Username',
  password: 'Password',
  signInFailed: 'Wrong username or password.',
  tooManyAttempts: 'Too many attempts. Wait a minute and try again.',
  signInWithOidc: "Sign in with your organisation's account",
  signOut: 'Sign out',
  changeOwnPassword: 'Change password',
  signedInAs: (name) => `Signed in as ${name}`,
  demoLogins: 'Demo: sign in as admin, leder, nord, n2 or laeser with the password kaskade-demo.',
  admin: 'Administration',
  roles: { viewer: 'viewer', member: 'member', facilitator: 'facilitator', admin: 'administrator' },
  readOnlyBoard: 'You can see this board but not change it.',
  wallEnrolTitle: 'Enrol screen',
  wallEnrolIntro: 'Enter the code from the administration to show a board on this screen.',
  wallCode: 'Code',
  wallEnrol: 'Enrol',
  wallEnrolFailed: 'The code is unknown, used or expired.',
  wallLostAccess: 'This screen no longer has access to the board.',
  wallLostAccessHint: 'Ask an administrator for a new code.',
  adminTitle: 'Administration',
  tabUsers: 'Users and roles',
  tabUnits: 'Units and layers',
  tabDevices: 'Wall screens',
  tabAudit: 'Event log',
  displayName: 'Name',
  email: 'E-mail',
  newUser: 'New user',
  create: 'Create',
  save: 'Save',
  disabled: 'disabled',
  disable: 'Disable',
  enable: 'Enable',
  unit: 'Unit',
  role: 'Role',
  noRole: 'No roles',
  setRole: 'Give role',
  removeRole: 'Remove role',
  layer: 'Leadership layer',
  layers: 'Leadership layers',
  newLayer: 'New layer',
  parentUnit: 'Parent unit',
  newUnit: 'New unit',
  rename: 'Rename',
  move: 'Move',
  board: 'Board',
  deviceName: "Screen's name",
  deviceMode: 'Access',
  modeRead: 'view only',
  modeTouch: 'touch: move and edit cards',
  enrolDevice: 'Enrol screen',
  enrolCodeShown: (code) => `Code: ${code} (works once, for 15 minutes)`,
  enrolLink: 'Enrolment link',
  revoke: 'Revoke',
  revoked: 'revoked',
  enrolled: 'enrolled',
  notEnrolled: 'waiting for enrolment',
  lastSeen: 'Last seen',
  auditFor: 'Show the log for',
  auditByBoard: 'Board',
  auditByUser: 'User',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  when: 'Time (UTC)',
  who: 'Who',
  what: 'What',
  noEntries: 'No events.',
  failed: (message) => `That did not work: ${message}`,
  tabBoards: 'Boards and templates',
  tabIndicators: 'Indicators',
  templates: 'Board templates',
  newTemplate: 'New template',
  templateColumns: 'Columns',
  templateColumnsHint: 'One column per line, e.g. New ideas, In progress, Done.',
  templateIndicators: 'Mandatory indicators',
  newBoard: 'New board',
  boardName: "Board's name",
  template: 'Template',
  noTemplate: 'None (Nye forslag · I gang · Afsluttet)',
  boardCreated: 'The board was created.',
  indicatorName: "Indicator's name",
  unitLabel: 'Unit of the figure (e.g. %, days)',
  direction: 'Direction',
  frequency: 'Frequency',
  frequencies: { weekly: 'weekly', biweekly: 'every 14 days', monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' },
  kindHard: 'hard figures',
  kindSoft: 'soft figures (answers)',
  decimals: 'Decimals',
  minRespondents: 'Minimum number of answers',
  newIndicator: 'New indicator',
  targetsHint: 'Targets are set by the facilitator on the indicator page.',
};
