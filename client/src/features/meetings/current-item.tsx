import { Suspense, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { sortByKey } from '../../../../shared/domain/ordering';
import type { AgendaItem, Meeting } from '../../../../shared/schemas';
import { Field } from '../../components/field';
import { useAppStore } from '../../app/store/store-context';
import { addDays } from '../../../../shared/domain/cadence';
import { formatDate, todayIso } from '../../lib/format';
import { useI18n } from '../../lib/i18n-context';
import { IndicatorChartPanel } from '../cascade';
import { useBoardMode } from '../board';
import { Timer } from './timer';
import type { MeetingActions } from './use-meeting-actions';
import { useSyncedDraft } from './use-synced-draft';

/**
 * The item being discussed: its timer, outcome, decisions and new actions, captured inline. Without `actions`
 * (someone who follows the meeting but may not run it) it shows what has been captured so far.
 */
export function CurrentItem({ meeting, item, actions }: { meeting: Meeting; item: AgendaItem; actions?: MeetingActions | undefined }) {
  const { lang, t } = useI18n();
  const m = t.meetings;
  const cards = useAppStore((s) => s.view?.cards);
  const columns = useAppStore(useShallow((s) => sortByKey(Object.values(s.view?.columns ?? {}))));
  const [outcome, setOutcome, outcomeRef] = useSyncedDraft<HTMLTextAreaElement>(item.outcome);
  const [decision, setDecision] = useState('');
  const [action, setAction] = useState({ title: '', ownerName: '', dueDate: '', columnId: '' });
  const [actionError, setActionError] = useState<{ field: 'title' | 'owner'; message: string } | null>(null);
  // An action without a date is due at the next meeting (or in 14 days), where it is followed up.
  const defaultDue = useAppStore((s) => s.view?.cadence?.nextMeetingDate ?? null) ?? addDays(todayIso(), 14);
  const unitId = useAppStore((s) => s.view?.board.unit.id);
  const wall = useBoardMode() === 'wall';

  function addDecision(event: FormEvent) {
    event.preventDefault();
    if (!decision.trim() || !actions) return;
    actions.decision(item.id, decision.trim());
    setDecision('');
  }
  function addAction(event: FormEvent) {
    event.preventDefault();
    const columnId = action.columnId || columns[0]?.id;
    if (!actions || !columnId) return;
    // Never dropped silently: a missing title or owner is said at the field; a missing date takes the default.
    if (!action.title.trim()) return setActionError({ field: 'title', message: t.flows.actionTitleMissing });
    if (!action.ownerName.trim()) return setActionError({ field: 'owner', message: t.flows.actionOwnerMissing });
    setActionError(null);
    actions.action(item.id, { columnId, title: action.title.trim(), ownerName: action.ownerName.trim(), dueDate: action.dueDate || defaultDue });
    setAction({ title: '', ownerName: '', dueDate: '', columnId: action.columnId });
  }

  return (
    <section className="current-item" aria-label={m.currentItem}>
      <p className="agenda__kind">{m.itemKinds[item.kind]}{item.detail && ` · ${m.itemDetails[item.detail] ?? item.detail}`}</p>
      <h2 className="current-item__title">{item.title}</h2>
      {item.startedAt && <Timer label={m.itemTimer} startedAt={item.startedAt} minutes={meeting.itemMinutes} large />}
      {/* An indicator is discussed over its run chart and signal, the same analysis as on its page and tile. */}
      {item.kind === 'indicator' && item.refId && unitId && (
        <Suspense fallback={<p>{t.loading}</p>}>
          <IndicatorChartPanel indicatorId={item.refId} unitId={unitId} linkToPage={!wall} />
        </Suspense>
      )}
      {actions ? (
        <Field label={m.outcome}>
          {({ id }) => (
            <textarea ref={outcomeRef} id={id} rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)}
              onBlur={() => outcome !== item.outcome && actions.outcome(item.id, outcome)} />
          )}
        </Field>
      ) : (
        item.outcome && <p>{m.outcome}: {item.outcome}</p>
      )}
      <h3>{m.decisions}</h3>
      <ul aria-label={m.decisions}>{item.decisions.map((d) => <li key={d.id}>{d.text}</li>)}</ul>
      {actions && <form className="form form--inline no-print" onSubmit={addDecision}>
        <Field label={m.newDecision}>{({ id }) => <input id={id} type="text" value={decision} onChange={(e) => setDecision(e.target.value)} />}</Field>
        <button type="submit" className="button">{m.addDecision}</button>
      </form>}
      <h3>{m.actions}</h3>
      <ul aria-label={m.actions}>
        {item.actionIds.map((id) => {
          const card = cards?.[id];
          return card ? <li key={id}>{card.title} · {t.ownerText(card.ownerName)} · {card.dueDate && t.dueText(formatDate(card.dueDate, lang))}</li> : null;
        })}
      </ul>
      {actions && <form className="form form--inline no-print" onSubmit={addAction} aria-label={m.newAction}>
        <Field label={t.cardTitle} error={actionError?.field === 'title' ? actionError.message : null}>
          {({ id, describedBy, invalid }) => <input id={id} type="text" value={action.title} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setAction({ ...action, title: e.target.value })} />}
        </Field>
        <Field label={t.owner} error={actionError?.field === 'owner' ? actionError.message : null}>
          {({ id, describedBy, invalid }) => <input id={id} type="text" value={action.ownerName} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => setAction({ ...action, ownerName: e.target.value })} />}
        </Field>
        <Field label={t.due} hint={t.flows.actionDueHint(formatDate(defaultDue, lang))}>
          {({ id, describedBy }) => <input id={id} type="date" value={action.dueDate} aria-describedby={describedBy} onChange={(e) => setAction({ ...action, dueDate: e.target.value })} />}
        </Field>
        <Field label={m.actionColumn}>
          {({ id }) => (
            <select id={id} value={action.columnId || columns[0]?.id || ''} onChange={(e) => setAction({ ...action, columnId: e.target.value })}>
              {columns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          )}
        </Field>
        <button type="submit" className="button">{m.addAction}</button>
      </form>}
    </section>
  );
}
