// What other parts of the client use of the cascade feature. Its pages are loaded lazily by the router, and the
// board's business-case panel likewise (`board-business-cases`), so the board's bundle carries neither.
export { ReportLink } from './report-link';
