import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { CardDialog } from './card-dialog';
import { focusCardGrip } from './focus-card';

export type EditorTarget = { mode: 'create'; columnId: string } | { mode: 'edit'; cardId: string };

const EditorContext = createContext<((target: EditorTarget) => void) | null>(null);

/**
 * One card dialog for the whole board, opened from any card or column. It lives outside the sortable cards
 * so pointer events inside the dialog can never start a drag.
 */
export function CardEditorProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const open = useMemo(() => (next: EditorTarget) => setTarget(next), []);
  return (
    <EditorContext.Provider value={open}>
      {children}
      {target && (
        <CardDialog
          target={target}
          onClose={() => {
            setTarget(null);
            // Back to the card's grip (it may have moved meanwhile), not to <body> or the title that opened it.
            if (target.mode === 'edit') focusCardGrip(target.cardId);
          }}
        />
      )}
    </EditorContext.Provider>
  );
}

export function useOpenCardEditor(): (target: EditorTarget) => void {
  const open = useContext(EditorContext);
  if (!open) throw new Error('useOpenCardEditor must be used inside <CardEditorProvider>');
  return open;
}
