import { useEffect, useRef, useState } from 'react';

/**
 * A text field's draft that follows the shared value (another screen's edit arrives live) except while this
 * screen's person is typing in it.
 */
export function useSyncedDraft<E extends HTMLElement>(value: string) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<E>(null);
  useEffect(() => {
    if (document.activeElement !== ref.current) setDraft(value);
  }, [value]);
  return [draft, setDraft, ref] as const;
}
