/** What a key press in the review panel asks for. */
export type ReviewAction =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'add' }
  | { kind: 'next' }
  | { kind: 'toggle'; index: number };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element with focus (tag and, for an input, its type): typing in a field or list never triggers a shortcut. */
  targetTag: string;
  targetType?: string;
}

/**
 * The review shortcuts: A accept, R reject, T add a theme, N next, 1–9 tick or untick the theme with that number.
 * They act only while focus is inside the review panel (WCAG 2.1.4: a single-key shortcut is active only when its
 * component has focus), never with Ctrl, Alt or Cmd held, and never while typing, so they do not take over a screen
 * reader's or the browser's own keys elsewhere on the page.
 */
export function reviewAction(press: KeyPress): ReviewAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const tag = press.targetTag.toUpperCase();
  // A theme's checkbox is an input too, but nobody types into it.
  if (tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && press.targetType !== 'checkbox')) return null;
  const key = press.key.toLowerCase();
  if (key === 'a') return { kind: 'accept' };
  if (key === 'r') return { kind: 'reject' };
  if (key === 't') return { kind: 'add' };
  if (key === 'n') return { kind: 'next' };
  if (/^[1-9]$/.test(key)) return { kind: 'toggle', index: Number(key) - 1 };
  return null;
}
