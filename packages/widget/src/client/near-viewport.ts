/** How near the viewport an element counts as near: within a screen's worth of it. */
const NEAR_PX = 400;

/**
 * Calls `start` once `element` is within NEAR_PX of the viewport, and returns how to stop watching
 * (which also cancels a start not yet made). Already there, it starts in a microtask (so that a
 * page setting attributes right after adding the element is heard), not after the next frame,
 * when an observer first answers.
 */
export function whenNearViewport(element: Element, start: () => void): () => void {
  if (isNear(element)) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) start();
    });
    return () => {
      cancelled = true;
    };
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    },
    { rootMargin: `${NEAR_PX}px` },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

function isNear(element: Element): boolean {
  // Not rendered (display: none, or a browser without checkVisibility), or in a frame (whose own
  // viewport is not the page's): the observer decides.
  if (window.top !== window || !element.checkVisibility?.()) return false;
  const box = element.getBoundingClientRect();
  return (
    box.top < innerHeight + NEAR_PX && box.bottom > -NEAR_PX && box.left < innerWidth + NEAR_PX && box.right > -NEAR_PX
  );
}
