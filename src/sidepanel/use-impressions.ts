import { useEffect, useRef } from 'preact/hooks';

/** A card counts as seen when at least half of it is on screen (docs/architecture.md "Impression"). */
export const SEEN_RATIO = 0.5;

/**
 * Watches the cards and calls `onSeen(id)` each time one becomes at least half visible. The
 * caller dedupes per conversation; the worker dedupes again. Returns a ref callback per card.
 */
export function useImpressions(onSeen: (id: string) => void): (id: string, element: Element | null) => void {
  const callback = useRef(onSeen);
  callback.current = onSeen;
  const observer = useRef<IntersectionObserver | null>(null);
  const ids = useRef(new WeakMap<Element, string>());
  const elements = useRef(new Map<string, Element>());

  if (observer.current === null && typeof IntersectionObserver === 'function') {
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || entry.intersectionRatio < SEEN_RATIO) continue;
          const id = ids.current.get(entry.target);
          if (id !== undefined) callback.current(id);
        }
      },
      { threshold: [SEEN_RATIO] },
    );
  }

  useEffect(() => () => observer.current?.disconnect(), []);

  return (id, element) => {
    const previous = elements.current.get(id);
    if (previous === element) return;
    if (previous) observer.current?.unobserve(previous);
    elements.current.delete(id);
    if (!element) return;
    elements.current.set(id, element);
    ids.current.set(element, id);
    observer.current?.observe(element);
  };
}
