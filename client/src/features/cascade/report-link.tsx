import { Link } from 'wouter';
import { useBusinessCaseTexts } from './business-case-texts';

/** A small link to a unit's status report (the political level's view), where a leader looks: goals and board. */
export function ReportLink({ unitId }: { unitId: string | undefined }) {
  const b = useBusinessCaseTexts();
  if (!unitId) return null;
  return <Link className="report-link" href={`/reports/status?unit=${encodeURIComponent(unitId)}`}>{b.statusReport}</Link>;
}
