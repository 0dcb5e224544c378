import { useEffect, useState } from 'react';

type Listener = (near: boolean) => void;

/** How far outside the viewport an element still counts as near: a scroll step's worth, so it is ready in time. */
const MARGIN = '300px 0px';

// One observer for every element watched: hundreds of cards cost one IntersectionObserver, not hundreds.
let observer: IntersectionObserver | null = null;
const listeners = new Map<Element, Listener>();

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * Whether `element` is on screen or close to it. Where the browser cannot tell (no IntersectionObserver, as in
 * jsdom) everything counts as near. `keep` is asked before an element is let go: while it answers true (the
 * element holds the focus, or is being dragged) the element stays near even after it has scrolled away.
 */
export function useNearViewport(element: Element | null, keep: (element: Element) => boolean): boolean {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState(!supported);
  useEffect(() => {
    if (!element || !supported) return;
    const io = sharedObserver();
    listeners.set(element, (isNear) => setNear(isNear || keep(element)));
    io.observe(element);
    return () => {
      io.unobserve(element);
      listeners.delete(element);
    };
  }, [element, supported, keep]);
  return near;
}
