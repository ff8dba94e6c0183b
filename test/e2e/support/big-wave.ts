import { tableToIPC, tableFromArrays } from 'apache-arrow';
import type { Page } from 'playwright-core';

/** Respondent ids that say which row they are, so the test can check every row shows its own data. */
export function bigWaveId(row: number): string {
  return `R-${String(row + 1).padStart(7, '0')}`;
}

/**
 * Serves the fake shell's large wave: each page is built here in Node as real Arrow IPC bytes (the format the
 * backend sends), after a short pause like a database query, so scrolling past pages can cancel them.
 */
export async function exposeBigWave(page: Page, queryMs = 40): Promise<{ idle(): Promise<void> }> {
  let inflight = 0;
  await page.exposeFunction('heardBigWavePage', async (offset: number, limit: number) => {
    inflight++;
    await new Promise((resolve) => setTimeout(resolve, queryMs));
    inflight--;
    const ids: string[] = [];
    const comments: Array<string | null> = [];
    for (let row = offset; row < offset + limit; row++) {
      ids.push(bigWaveId(row));
      comments.push(row % 3 === 0 ? null : `Comment from respondent ${row + 1}`);
    }
    const bytes = tableToIPC(tableFromArrays({ respondent_id: ids, comment: comments as string[] }), 'stream');
    return Buffer.from(bytes).toString('base64');
  });
  return {
    /** Resolves once no page is being made, so the browser can close without a reply left in flight. */
    async idle() {
      while (inflight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
