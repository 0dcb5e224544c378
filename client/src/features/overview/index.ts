/** What other features use of the overview: its few words (the header's link to the goals). */
export { useOverviewTexts } from './overview-texts';
