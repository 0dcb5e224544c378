/**
 * Puts focus on a card's grip once it has been drawn where it now is (after a move it is a new element in its new
 * column), so a keyboard user carries on from the card rather than from the top of the page.
 */
export function focusCardGrip(cardId: string): void {
  const find = () => document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"] .card__handle`);
  requestAnimationFrame(() => {
    const grip = find();
    if (grip) grip.focus();
    // A move that waits for the next render (the optimistic view) draws the card a frame later.
    else requestAnimationFrame(() => find()?.focus());
  });
}
