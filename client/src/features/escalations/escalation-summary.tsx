import type { Escalation } from '../../../../shared/schemas';
import { WarningIcon } from '../../components/icons';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { isOverdue } from './escalation-model';

/** One line for a card: where its escalation is now, or what came back, with the due date and an overdue flag. */
export function EscalationBadge({ escalation }: { escalation: Escalation }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const overdue = isOverdue(escalation, todayIso());
  const text =
    escalation.status === 'answered'
      ? m.answeredBy(escalation.holderBoardName, escalation.resolution ?? '')
      : escalation.status === 'returned'
        ? m.returnedBy(escalation.holderBoardName, escalation.resolution ?? '')
        : m.escalatedTo(escalation.holderBoardName);
  return (
    <p className={`escalation-badge escalation-badge--${escalation.status}${overdue ? ' escalation-badge--overdue' : ''}`}>
      {overdue && <WarningIcon />}
      <span>{text}</span>
      {escalation.status === 'open' && (
        <span className="escalation-badge__due"> · {m.escalationDue(formatDate(escalation.dueDate, lang))}{overdue && ` (${m.escalationOverdue})`}</span>
      )}
    </p>
  );
}

/** The whole trail: every step with the board, who and when. */
export function EscalationChain({ escalation }: { escalation: Escalation }) {
  const { lang, t } = useI18n();
  return (
    <ol className="escalation-chain" aria-label={t.meetings.chain}>
      {escalation.steps.map((step, i) => (
        <li key={i}>
          <span>{t.meetings.stepText(step.kind, step.boardName, step.toBoardName)}</span>
          {/* The reason it was raised with is shown above the trail; here only what later steps said. */}
          {step.text && !(i === 0 && step.kind === 'raised' && step.text === escalation.reason) && <q>{step.text}</q>}
          <span className="muted"> · {step.actorName ?? step.actor} · <time dateTime={step.at}>{formatDateTime(step.at, lang)}</time></span>
        </li>
      ))}
    </ol>
  );
}
