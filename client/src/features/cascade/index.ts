// What other parts of the client use of the cascade feature. Its pages are loaded lazily by the router, and the
// board's business-case panel likewise (`board-business-cases`), so the board's bundle carries neither.
import { lazy } from 'react';

export { ReportLink } from './report-link';

// An indicator's run chart and signal (the indicator page's own, from the one analysis), for the meeting's current
// item; loaded when first shown, so neither the board's nor the meeting's bundle carries the chart.
export const IndicatorChartPanel = lazy(() => import('./indicator-chart-panel'));
