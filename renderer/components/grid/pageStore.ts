import { isCancelled } from '../../../src/contract/index.js';
import type { DecodedPage } from './decodePage';
import { LruCache } from './lruCache';

export const PAGE_ROWS = 1000;
/** About 24,000 rows held in memory: many screens either way of where the user is, bounded whatever the wave size. */
const CACHED_PAGES = 24;

export type PageFetcher = (pageIndex: number, signal: AbortSignal) => Promise<DecodedPage>;

/**
 * Pages of a wave's rows, fetched on demand. The grid says which pages it wants after each scroll; pages no
 * longer wanted are cancelled in flight, so dragging the scrollbar across a million rows does not queue work
 * in the backend for every page it passed.
 */
export class PageStore {
  private readonly cache = new LruCache<number, DecodedPage>(CACHED_PAGES);
  private readonly inflight = new Map<number, AbortController>();
  private readonly failures = new Map<number, unknown>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly fetchPage: PageFetcher) {}

  /** For useSyncExternalStore: a number that changes whenever a page arrives or fails. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly getVersion = (): number => this.version;

  /** The text of one cell, or undefined while its page is loading. */
  cell(row: number, column: number): string | undefined {
    const page = this.cache.peek(Math.floor(row / PAGE_ROWS));
    return page?.cells[column]?.[row % PAGE_ROWS];
  }

  isLoaded(row: number): boolean {
    return this.cache.has(Math.floor(row / PAGE_ROWS));
  }

  /** The first failure to show the user, if any page could not be loaded. */
  get error(): unknown {
    return this.failures.values().next().value;
  }

  /** Cancels requests for pages outside rows [first, last]; called at once on scrolling, before `want` settles. */
  release(first: number, last: number): void {
    const [from, to] = pageRange(first, last);
    for (const [page, controller] of this.inflight) {
      if (page < from || page > to) {
        controller.abort();
        this.inflight.delete(page);
      }
    }
  }

  /** Wants exactly the pages covering rows [first, last]: loads what is missing, cancels what is no longer wanted. */
  want(first: number, last: number): void {
    this.release(first, last);
    const [from, to] = pageRange(first, last);
    for (let page = from; page <= to; page++) {
      if (this.cache.get(page) || this.inflight.has(page) || this.failures.has(page)) continue;
      this.load(page);
    }
  }

  /** Forgets failures so the next `want` tries those pages again. */
  retry(): void {
    this.failures.clear();
    this.changed();
  }

  /** Cancels every request in flight (the grid is going away); a later `want` starts again. */
  cancelAll(): void {
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }

  private load(page: number): void {
    const controller = new AbortController();
    this.inflight.set(page, controller);
    this.fetchPage(page, controller.signal).then(
      (data) => {
        if (this.inflight.get(page) !== controller) return;
        this.inflight.delete(page);
        this.cache.set(page, data);
        this.changed();
      },
      (error: unknown) => {
        if (this.inflight.get(page) === controller) this.inflight.delete(page);
        if (controller.signal.aborted || isCancelled(error)) return;
        this.failures.set(page, error);
        this.changed();
      },
    );
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

function pageRange(first: number, last: number): [number, number] {
  return [Math.floor(Math.max(0, first) / PAGE_ROWS), Math.floor(Math.max(0, last) / PAGE_ROWS)];
}
