// The overview feature's public face: what other features may use of it.
export { useOverviewTexts } from './overview-texts';
