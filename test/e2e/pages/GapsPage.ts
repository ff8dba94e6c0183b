import type { Locator, Page } from 'playwright-core';

/** One headline card as the page shows it. */
export interface ShownCard {
  pair: string;
  headline: string;
  interval: string;
  importance: string;
  importanceBase: string;
  satisfaction: string;
  satisfactionBase: string;
  status: string | null;
  statusWords: string;
}

/** The Gaps page (#/gaps): the choice of wave, the headline cards, the quadrant chart, the breakdown and the pairs. */
export class GapsPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/gaps`);
    await this.heading.waitFor();
    await this.cardsReady();
  }

  /** The cards are there and no longer being worked out. */
  async cardsReady(): Promise<void> {
    await this.page.locator('.gap-card').first().waitFor();
    await this.page.getByText('Working out the gaps…').waitFor({ state: 'detached' });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Gaps' });
  }

  get survey(): Locator {
    return this.page.getByLabel('Survey', { exact: true }).first();
  }

  get wave(): Locator {
    return this.page.getByLabel('Wave', { exact: true }).first();
  }

  get weight(): Locator {
    return this.page.getByLabel('Weight', { exact: true }).first();
  }

  get method(): Locator {
    return this.page.getByLabel('How the gap is measured', { exact: true });
  }

  async cards(): Promise<ShownCard[]> {
    return this.page.locator('.gap-card').evaluateAll((cards) =>
      cards.map((card) => {
        const text = (selector: string) => card.querySelector(selector)?.textContent?.trim() ?? '';
        const side = (name: string) => card.querySelector(`[data-side="${name}"]`);
        return {
          pair: card.getAttribute('data-pair') ?? '',
          headline: text('.gap-headline'),
          interval: text('.gap-interval'),
          importance: side('importance')?.querySelector('.gap-item-figure')?.textContent?.trim() ?? '',
          importanceBase: side('importance')?.querySelector('.gap-item-base')?.textContent?.trim() ?? '',
          satisfaction: side('satisfaction')?.querySelector('.gap-item-figure')?.textContent?.trim() ?? '',
          satisfactionBase: side('satisfaction')?.querySelector('.gap-item-base')?.textContent?.trim() ?? '',
          status: card.querySelector('.gap-target-status')?.getAttribute('data-status') ?? null,
          statusWords: text('.gap-target-status'),
        };
      }),
    );
  }

  card(pair: string): Locator {
    return this.page.locator(`.gap-card[data-pair="${pair}"]`);
  }

  /** The quadrant chart's text alternative: [pair, mean importance, mean satisfaction, quadrant] per row. */
  async quadrantRows(): Promise<string[][]> {
    return this.page.locator('.gaps-quadrants .gaps-quadrant-table tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  }

  /** The same for the chart of one pair's groups under the breakdown. */
  async groupQuadrantRows(): Promise<string[][]> {
    return this.page.locator('.gaps-groups-result .gaps-quadrant-table tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  }

  get chartPlot(): Locator {
    return this.page.locator('.gaps-quadrants .table-chart-plot');
  }

  pairRow(key: string): Locator {
    return this.page.locator(`.gaps-pairs tr[data-pair="${key}"]`);
  }

  async pairKeys(): Promise<string[]> {
    return this.page.locator('.gaps-pairs tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pair') ?? ''));
  }

  get status(): Locator {
    return this.page.locator('.gaps-done');
  }

  get breakdownPair(): Locator {
    return this.page.getByLabel('Pair', { exact: true });
  }

  get breakdownBy(): Locator {
    return this.page.getByLabel('Break down by', { exact: true });
  }

  get showBreakdown(): Locator {
    return this.page.getByRole('button', { name: 'Show the gap by group' });
  }

  /** The breakdown table: group, flag and the cells as shown. */
  async groupRows(): Promise<{ group: string; flag: string; cells: string[] }[]> {
    return this.page.locator('.gaps-groups tbody tr').evaluateAll((rows) =>
      rows.map((tr) => ({
        group: tr.getAttribute('data-group') ?? '',
        flag: tr.getAttribute('data-flag') ?? '',
        cells: [...tr.querySelectorAll('td')].map((c) => c.textContent?.trim() ?? ''),
      })),
    );
  }
}
