import './business-case.css';
import type { StatusReport } from '../../../../shared/maalstyring';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { BusinessCaseList } from './business-case-list';
import { useBusinessCaseTexts } from './business-case-texts';
import { EffectChainView } from './effect-chain-view';
import { useReportTexts } from './report-texts';

/**
 * The report's matters: business cases with their progress against baseline, effect chains with each step's status,
 * open escalations, the period's decisions.
 */
export function ReportMatters({ report }: { report: StatusReport }) {
  const r = useReportTexts();
  const b = useBusinessCaseTexts();
  const { lang } = useI18n();
  const day = (iso: string) => formatDate(iso, lang);
  return (
    <>
      <section className="panel" aria-labelledby="report-initiatives">
        <h2 id="report-initiatives">{r.initiatives}</h2>
        {report.businessCases.length === 0 && <p>{r.noInitiatives}</p>}
        <BusinessCaseList cases={report.businessCases} />
      </section>
      <section className="panel" aria-labelledby="report-chains">
        <h2 id="report-chains">{b.effectChains}</h2>
        {report.effectChains.length === 0 && <p>{b.noEffectChains}</p>}
        {report.effectChains.map((c) => <EffectChainView key={c.goalId} chain={c} />)}
      </section>
      <section className="panel" aria-labelledby="report-escalations">
        <h2 id="report-escalations">{r.escalations}</h2>
        {report.escalations.length === 0 && <p>{r.noEscalations}</p>}
        <ul>
          {report.escalations.map((e) => (
            <li key={e.id}><strong>{e.cardTitle}</strong> ({e.originBoardName} → {e.holderBoardName}) · {r.due}: {day(e.dueDate)}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="report-decisions">
        <h2 id="report-decisions">{r.decisions}</h2>
        {report.decisions.length === 0 && <p>{r.noDecisions}</p>}
        <ul>
          {report.decisions.map((d, i) => (
            <li key={`${d.meetingDate}-${i}`}>{day(d.meetingDate)} · {d.itemTitle}: {d.text}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
