import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/constants';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useAppStore } from '../../app/store/store-context';
import { newId } from '../../lib/ids';
import { useT } from '../../lib/i18n-context';

/**
 * "Eskalér": a card goes to the board above with a reason and the date an answer is wanted by; left empty, the
 * server sets the receiving board's next meeting (which this board does not know).
 */
export function EscalateDialog({ cardId, cardTitle, onClose }: { cardId: string; cardTitle: string; onClose: () => void }) {
  const t = useT();
  const issue = useAppStore((s) => s.issue);
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) return setError(t.required);
    issue('escalation:raise', { escalationId: newId(), cardId, reason: reason.trim(), ...(dueDate && { dueDate }) });
    onClose();
  }

  return (
    <Dialog title={t.meetings.escalateCard(cardTitle)} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t.meetings.reason} error={error}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={3} maxLength={LIMITS.note} value={reason} aria-describedby={describedBy} aria-invalid={invalid}
              onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <Field label={t.flows.escalationDueDate} hint={t.flows.escalationDueHint}>
          {({ id, describedBy }) => (
            <input id={id} type="date" value={dueDate} aria-describedby={describedBy} onChange={(e) => setDueDate(e.target.value)} />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary">{t.meetings.escalate}</button>
          <button type="button" className="button" onClick={onClose}>{t.cancel}</button>
        </div>
      </form>
    </Dialog>
  );
}
