let last: string | null = null;
let listening = false;

/**
 * How the person last pressed something: 'touch', 'pen', 'mouse', or null before any press. A dialog opened by a
 * finger must not focus a text field, or the on-screen keyboard pops up over the board unasked.
 */
export function lastPointerKind(): string | null {
  if (!listening && typeof window !== 'undefined') {
    listening = true;
    window.addEventListener('pointerdown', (event) => (last = event.pointerType), { capture: true, passive: true });
    window.addEventListener('keydown', () => (last = null), { capture: true, passive: true });
  }
  return last;
}

/** Starts listening at load, so the first tap is known too. */
lastPointerKind();
