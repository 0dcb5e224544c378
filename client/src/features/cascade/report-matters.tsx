import type { StatusReport } from '../../../../shared/maalstyring';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { useReportTexts } from './report-texts';

/** The report's open matters: initiatives with their expected effect, open escalations, the period's decisions. */
export function ReportMatters({ report }: { report: StatusReport }) {
  const r = useReportTexts();
  const { lang } = useI18n();
  const date = (iso: string) => formatDate(iso.slice(0, 10), lang);
  return (
    <>
      <section className="panel" aria-labelledby="report-initiatives">
        <h2 id="report-initiatives">{r.initiatives}</h2>
        {report.businessCases.length === 0 && <p>{r.noInitiatives}</p>}
        <ul>
          {report.businessCases.map((b) => (
            <li key={b.initiativeId}>
              <strong>{b.title}</strong>
              {b.expectedChange && <> · {r.expected}: {b.expectedChange}</>}
              {b.endDate && <> · {r.ends}: {date(b.endDate)}</>}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="report-escalations">
        <h2 id="report-escalations">{r.escalations}</h2>
        {report.escalations.length === 0 && <p>{r.noEscalations}</p>}
        <ul>
          {report.escalations.map((e) => (
            <li key={e.id}><strong>{e.cardTitle}</strong> ({e.originBoardName} → {e.holderBoardName}) · {r.due}: {date(e.dueDate)}</li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="report-decisions">
        <h2 id="report-decisions">{r.decisions}</h2>
        {report.decisions.length === 0 && <p>{r.noDecisions}</p>}
        <ul>
          {report.decisions.map((d, i) => (
            <li key={`${d.meetingDate}-${i}`}>{date(d.meetingDate)} · {d.itemTitle}: {d.text}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
