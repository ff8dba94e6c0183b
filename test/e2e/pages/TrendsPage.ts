import type { Locator, Page } from 'playwright-core';

/** The Trends page (#/trends): the waves, question, measure and weight; the change in words, the chart and the table. */
export class TrendsPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/trends`);
    await this.heading.waitFor();
    await this.question.and(this.page.locator(':enabled')).waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Trends' });
  }

  wave(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  get question(): Locator {
    return this.page.getByLabel('Question', { exact: true });
  }

  get measure(): Locator {
    return this.page.getByLabel('Measure', { exact: true });
  }

  get theme(): Locator {
    return this.page.getByLabel('Theme', { exact: true });
  }

  get weight(): Locator {
    return this.page.getByLabel('Weight', { exact: true });
  }

  get showButton(): Locator {
    return this.page.getByRole('button', { name: 'Show the trend' });
  }

  get change(): Locator {
    return this.page.locator('.trend-change');
  }

  get chartPlot(): Locator {
    return this.page.locator('.trends-chart-plot');
  }

  questionIn(wave: string): Locator {
    return this.page.getByLabel(`Question used in ${wave}`, { exact: true });
  }

  /** The table: wave, figure, interval, base, question and how found, answers counted. */
  async rows(): Promise<string[][]> {
    return this.page.locator('.trend-table tbody tr').evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.children].map((cell) => {
          const select = cell.querySelector('select');
          const how = cell.querySelector('.hint')?.textContent?.trim();
          return select ? `${select.value} · ${how}` : (cell.textContent?.trim() ?? '');
        }),
      ),
    );
  }
}
