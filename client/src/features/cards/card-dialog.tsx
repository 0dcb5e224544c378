import { Suspense, lazy, useEffect, useState, type FormEvent } from 'react';
import { CARD_TYPES, LIMITS } from '../../../../shared/constants';
import type { CardType } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import type { CardFields } from './cards-slice';
import type { EditorTarget } from './card-editor-context';
import { EscalateDialog } from '../escalations';
import { useCanWrite } from '../board';
import { lastPointerKind } from '../../lib/pointer-kind';

// Loaded when first opened, so the board page's bundle does not carry it.
const CardHistory = lazy(() => import('../history/card-history').then((m) => ({ default: m.CardHistory })));

const EMPTY: CardFields = { type: 'action', title: '', description: '', ownerName: '', dueDate: null };

/**
 * Create or edit a card: title, type, description, owner (ansvarlig) and due date (frist). Someone who may only
 * look at the board sees the same fields, disabled, and the card's history.
 */
export function CardDialog({ target, onClose }: { target: EditorTarget; onClose: () => void }) {
  const t = useT();
  const store = useAppStoreApi();
  const createCard = useAppStore((s) => s.createCard);
  const updateCard = useAppStore((s) => s.updateCard);
  const archiveCard = useAppStore((s) => s.archiveCard);
  const cardId = target.mode === 'edit' ? target.cardId : null;
  const exists = useAppStore((s) => (cardId ? Boolean(s.view?.cards[cardId]) : true));
  const [fields, setFields] = useState<CardFields>(() => {
    const card = cardId ? store.getState().view?.cards[cardId] : undefined;
    return card ? { type: card.type, title: card.title, description: card.description, ownerName: card.ownerName, dueDate: card.dueDate } : EMPTY;
  });
  const [titleError, setTitleError] = useState<string | null>(null);
  // Opened by a finger (a wall screen): focus the close button, not the title field, so no keyboard pops up.
  const [byTouch] = useState(() => lastPointerKind() === 'touch');
  // Escalating and the history replace the form rather than stacking a second modal on it.
  const [aside, setAside] = useState<'escalate' | 'history' | null>(null);
  const canWrite = useCanWrite();
  const boardId = useAppStore((s) => s.view?.board.id ?? '');
  // Only a board with a unit above can escalate, and a card only once at a time.
  const canEscalate = useAppStore((s) =>
    Boolean(s.view?.board.unit.parentId) &&
    !Object.values(s.view?.escalations ?? {}).some((e) => e.cardId === cardId && e.status === 'open'),
  );

  useEffect(() => {
    if (!exists) onClose(); // archived elsewhere while open
  }, [exists, onClose]);

  const set = <K extends keyof CardFields>(key: K, value: CardFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!fields.title.trim()) {
      setTitleError(t.required);
      return;
    }
    if (target.mode === 'create') createCard(target.columnId, fields);
    else updateCard(target.cardId, { ...fields, title: fields.title.trim(), ownerName: fields.ownerName.trim() });
    onClose();
  }

  if (cardId && aside === 'escalate') {
    return <EscalateDialog cardId={cardId} cardTitle={fields.title} onClose={onClose} />;
  }
  if (cardId && aside === 'history') {
    return (
      <Suspense fallback={null}>
        <CardHistory boardId={boardId} cardId={cardId} title={fields.title} onClose={onClose} />
      </Suspense>
    );
  }

  return (
    <Dialog title={target.mode === 'create' ? t.newCard : t.editCard} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="form__fields" disabled={!canWrite}>
        <Field label={t.cardTitle} error={titleError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="text" required maxLength={LIMITS.title} value={fields.title} aria-describedby={describedBy}
              aria-invalid={invalid} onChange={(e) => set('title', e.target.value)} />
          )}
        </Field>
        <Field label={t.cardType}>
          {({ id }) => (
            <select id={id} value={fields.type} onChange={(e) => set('type', e.target.value as CardType)}>
              {CARD_TYPES.map((type) => (
                <option key={type} value={type}>{t.cardTypes[type]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.description}>
          {({ id }) => (
            <textarea id={id} rows={3} maxLength={LIMITS.description} value={fields.description}
              onChange={(e) => set('description', e.target.value)} />
          )}
        </Field>
        <div className="form__row">
          <Field label={t.owner}>
            {({ id }) => (
              <input id={id} type="text" maxLength={LIMITS.ownerName} autoComplete="name" value={fields.ownerName}
                onChange={(e) => set('ownerName', e.target.value)} />
            )}
          </Field>
          <Field label={t.due}>
            {({ id }) => (
              <input id={id} type="date" value={fields.dueDate ?? ''} onChange={(e) => set('dueDate', e.target.value || null)} />
            )}
          </Field>
        </div>
        </fieldset>
        <div className="form__actions">
          {canWrite && <button type="submit" className="button button--primary">{t.save}</button>}
          <button type="button" className="button" data-autofocus={byTouch || undefined} onClick={onClose}>{canWrite ? t.cancel : t.close}</button>
          {target.mode === 'edit' && (
            <>
              {canWrite && canEscalate && <button type="button" className="button" onClick={() => setAside('escalate')}>{t.meetings.escalate}</button>}
              <button type="button" className="button" onClick={() => setAside('history')}>{t.meetings.history}</button>
            </>
          )}
          {canWrite && target.mode === 'edit' && (
            <button type="button" className="button button--danger form__end" onClick={() => { archiveCard(target.cardId); onClose(); }}>
              {t.archive}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
