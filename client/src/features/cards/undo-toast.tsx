import { useEffect, useRef } from 'react';
import { useToast } from '../../components/toast';
import { useAppStore } from '../../app/store/store-context';
import { useT } from '../../lib/i18n-context';
import { useCanWrite } from '../board';
import { focusCardGrip } from './focus-card';

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
 * "Flyttet · Fortryd": a toast after each of one's own card changes, with the action that undoes it. After an undo
 * it says "Fortrudt" without an action, so pressing again where "Fortryd" was cannot redo the change.
 */
export function UndoToast() {
  const t = useT();
  const canWrite = useCanWrite();
  const last = useAppStore((s) => s.lastChange);
  const undo = useAppStore((s) => s.undoLastChange);
  const toast = useToast();
  const shown = useRef<string | null>(null);
  useUndoShortcut(canWrite);
  useEffect(() => {
    if (!last || shown.current === last.id) return;
    shown.current = last.id;
    if (last.kind === 'undone') {
      toast({ message: t.flows.undone, durationMs: 4000 });
      return;
    }
    toast({
      message: t.flows.changed[last.kind],
      action: {
        label: t.flows.undo,
        altText: t.flows.undoTitle,
        onSelect: () => {
          undo(last.cardId);
          focusCardGrip(last.cardId);
        },
      },
    });
  }, [last, toast, undo, t]);
  return null;
}
