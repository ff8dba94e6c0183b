/**
 * Browsers cap an element's height (Chromium about 33.5 million px, Firefox about 17.9 million), so a million rows
 * cannot each have their own pixels. Above MAX_BODY_HEIGHT the scrollable body is capped and a scroll position is
 * mapped proportionally onto the full ("virtual") height: the top still shows row 1 and the bottom the last row.
 */
export const MAX_BODY_HEIGHT = 15_000_000;

export interface ScrollScale {
  /** Height to give the scrollable body, in real pixels. */
  bodyHeight: number;
  /** Virtual pixels per real pixel of scrolling; 1 when nothing is scaled. */
  ratio: number;
  toVirtual(physical: number): number;
  toPhysical(virtual: number): number;
}

/**
 * @param totalHeight rows × row height
 * @param viewportHeight the height the rows can be seen in (scroller height less the sticky header)
 */
export function scrollScale(totalHeight: number, viewportHeight: number, maxBody = MAX_BODY_HEIGHT): ScrollScale {
  const viewport = Math.max(0, viewportHeight);
  if (totalHeight <= maxBody || viewport >= maxBody) {
    return { bodyHeight: totalHeight, ratio: 1, toVirtual: (p) => p, toPhysical: (v) => v };
  }
  // Map the real scroll range [0, maxBody - viewport] onto the virtual range [0, totalHeight - viewport].
  const ratio = (totalHeight - viewport) / (maxBody - viewport);
  return {
    bodyHeight: maxBody,
    ratio,
    toVirtual: (p) => p * ratio,
    toPhysical: (v) => v / ratio,
  };
}

/**
 * The real scroll position that shows rows [top, bottom) (virtual px) in full, or null if they are in view already.
 * Rounds towards the row, so a scaled scroll position (one real pixel = several virtual ones) never leaves it clipped.
 */
export function scrollTopToReveal(
  scale: ScrollScale,
  currentPhysical: number,
  top: number,
  bottom: number,
  viewportHeight: number,
): number | null {
  const offset = scale.toVirtual(currentPhysical);
  if (top < offset) return Math.floor(scale.toPhysical(top));
  if (bottom > offset + viewportHeight) return Math.ceil(scale.toPhysical(bottom - viewportHeight));
  return null;
}
