import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { useCanWrite } from '../board';
import { focusCardGrip } from './focus-card';

const SHOWN_MS = 8_000;

/** Keys typed into a field are the field's own (its text undo), not the board's. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Ctrl+Z (⌘Z on a Mac) undoes one's last change on the board, unless a text field or a dialog has the keys. */
function useUndoShortcut(enabled: boolean) {
  const undo = useAppStore((s) => s.undoLastChange);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return;
      if (typingIn(event.target) || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      undo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, undo]);
}

/**
 * "Flyttet · Fortryd": a short message after each of one's own card changes, with the button that undoes it. After
 * an undo it says "Fortrudt" without a button, so pressing again where "Fortryd" was cannot redo the change.
 */
export function UndoToast() {
  const t = useT();
  const canWrite = useCanWrite();
  const last = useAppStore((s) => s.lastChange);
  const undo = useAppStore((s) => s.undoLastChange);
  const [hiddenId, setHiddenId] = useState<string | null>(null);
  useUndoShortcut(canWrite);
  useEffect(() => {
    if (!last) return;
    const timer = setTimeout(() => setHiddenId(last.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [last]);
  const shown = last && last.id !== hiddenId ? last : null;
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label={t.flows.lastChange}>
      {shown && (
        <div className="toast">
          {shown.kind === 'undone' ? (
            <span>{t.flows.undone}</span>
          ) : (
            <>
              <span>{t.flows.changed[shown.kind]}</span>
              <span aria-hidden="true"> · </span>
              <button type="button" className="button button--quiet toast__action" title={t.flows.undoTitle}
                onClick={() => {
                  undo(shown.cardId);
                  focusCardGrip(shown.cardId);
                }}>
                {t.flows.undo}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
