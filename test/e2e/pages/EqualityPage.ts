import type { Locator, Page } from 'playwright-core';

/** The Equality page (#/equality): benchmark, who responded (with the mapping), results by group. */
export class EqualityPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/equality`);
    await this.heading.waitFor();
    await this.compareButton.and(this.page.locator(':enabled')).waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Equality' });
  }

  get benchmark(): Locator {
    return this.page.getByLabel('Population benchmark', { exact: true });
  }

  get characteristic(): Locator {
    return this.page.getByLabel('Characteristic', { exact: true });
  }

  get compareButton(): Locator {
    return this.page.getByRole('button', { name: 'Compare with the population' });
  }

  /** The sentences of the comparison shown, one per group, in order. */
  async sentences(): Promise<string[]> {
    return this.page.locator('.equality-result').first().locator('ul.equality-sentences > li').allInnerTexts();
  }

  /** A table's body rows as the cells' text, by the table's caption. */
  async tableRows(caption: string): Promise<string[][]> {
    const table = this.page.locator('table', { has: this.page.locator('caption', { hasText: caption }) });
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  }

  get mappingToggle(): Locator {
    return this.page.getByRole('button', { name: /how answers are counted/i });
  }

  mappingSelect(answer: string): Locator {
    return this.page.getByLabel(`Population group for the answer “${answer}”`);
  }

  get saveMapping(): Locator {
    return this.page.getByRole('button', { name: 'Save these choices' });
  }

  get measure(): Locator {
    return this.page.getByLabel('Measure', { exact: true });
  }

  get outcome(): Locator {
    return this.page.getByLabel('Question', { exact: true });
  }

  get by(): Locator {
    return this.page.getByLabel('Group by', { exact: true });
  }

  get by2(): Locator {
    return this.page.getByLabel('And by (optional)');
  }

  get weight(): Locator {
    return this.page.getByLabel('Weight', { exact: true });
  }

  get showBreakdown(): Locator {
    return this.page.getByRole('button', { name: 'Show results by group' });
  }

  get summary(): Locator {
    return this.page.locator('.equality-summary');
  }
}
