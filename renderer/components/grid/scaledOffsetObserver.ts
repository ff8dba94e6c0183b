import type { Virtualizer } from '@tanstack/react-virtual';
import type { ScrollScale } from './scrollScale';

/** When no `scrollend` event arrives (older engines), scrolling counts as finished after this pause. */
const SCROLL_END_MS = 150;

/**
 * react-virtual option pair that makes the row virtualizer work in virtual pixels (see scrollScale.ts): it is told
 * the mapped offset on every scroll, and its own scroll requests are mapped back to real pixels.
 * `onScroll` runs first on each event, so the grid can move its rows in the same frame as the scrollbar.
 */
export function scaledOffsetOptions(scaleOf: (element: HTMLElement) => ScrollScale, onScroll: () => void) {
  return {
    observeElementOffset(instance: Virtualizer<HTMLDivElement, Element>, notify: (offset: number, isScrolling: boolean) => void) {
      const element = instance.scrollElement;
      if (!element) return undefined;
      let endTimer: ReturnType<typeof setTimeout> | undefined;
      const report = (isScrolling: boolean) => {
        onScroll();
        notify(scaleOf(element).toVirtual(element.scrollTop), isScrolling);
      };
      const onScrollEvent = () => {
        clearTimeout(endTimer);
        endTimer = setTimeout(() => report(false), SCROLL_END_MS);
        report(true);
      };
      element.addEventListener('scroll', onScrollEvent, { passive: true });
      return () => {
        clearTimeout(endTimer);
        element.removeEventListener('scroll', onScrollEvent);
      };
    },
    scrollToFn(offset: number, options: { behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) {
      const element = instance.scrollElement;
      if (!element) return;
      element.scrollTo({ top: scaleOf(element).toPhysical(offset), behavior: options.behavior });
    },
  };
}
