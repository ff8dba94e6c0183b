import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { decodePage } from './decodePage';
import { PAGE_ROWS, PageStore } from './pageStore';

/** Waiting this long after scrolling stops before asking for pages avoids a request for every page flicked past. */
const SETTLE_MS = 30;
/** Rows to load beyond each edge of the screen, so ordinary scrolling rarely shows placeholders. */
const READ_AHEAD_ROWS = PAGE_ROWS / 2;

/**
 * The page store for one wave's grid, asked for the rows around [firstVisible, lastVisible].
 * Returns the store (for cell text) and re-renders the caller whenever a page arrives.
 */
export function useRowPages(
  waveId: number,
  columnNames: readonly string[],
  totalRows: number,
  firstVisible: number,
  lastVisible: number,
): PageStore {
  const api = useApi();
  const { t } = useTranslation();
  const yes = t('grid.yes');
  const no = t('grid.no');
  const columnsKey = columnNames.join('\u0000');

  const store = useMemo(
    () =>
      new PageStore(async (page, signal) => {
        const reply = await api.call('waves.page', { waveId, offset: page * PAGE_ROWS, limit: PAGE_ROWS }, { signal });
        return decodePage(reply.arrow, columnNames, { yes, no });
      }),
    // columnNames is compared by value through columnsKey; a new array with the same names keeps the cache.
    [api, waveId, columnsKey, yes, no],
  );
  useEffect(() => () => store.cancelAll(), [store]);

  useSyncExternalStore(store.subscribe, store.getVersion);

  useEffect(() => {
    if (totalRows === 0) return;
    const first = firstVisible - READ_AHEAD_ROWS;
    const last = Math.min(totalRows - 1, lastVisible + READ_AHEAD_ROWS);
    // Stop work for pages already scrolled past straight away; start new work once scrolling pauses.
    store.release(first, last);
    const timer = setTimeout(() => store.want(first, last), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [store, firstVisible, lastVisible, totalRows, store.error]);

  return store;
}
