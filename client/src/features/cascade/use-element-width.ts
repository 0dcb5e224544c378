import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The rendered width of an element, kept current as it resizes, so an SVG can be drawn at its real pixel size
 * (text stays 12 px on a phone and on a projector instead of scaling with a viewBox). `fallback` until measured,
 * and where ResizeObserver is missing (jsdom).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
