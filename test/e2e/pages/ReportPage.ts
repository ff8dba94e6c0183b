import type { Locator, Page } from 'playwright-core';

/** The Report page (#/report): what the report covers, sections and their order, language, preview and saving. */
export class ReportPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/report`);
    await this.heading.waitFor();
    await this.showButton.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^(Report|Adroddiad)$/ });
  }

  get survey(): Locator {
    return this.page.getByLabel('Survey', { exact: true });
  }

  get wave(): Locator {
    return this.page.getByLabel('Wave', { exact: true });
  }

  compareWave(label: string): Locator {
    return this.page.getByRole('group', { name: 'Earlier waves to compare with' }).getByLabel(label, { exact: true });
  }

  section(name: string): Locator {
    return this.page.getByRole('group', { name: 'Sections' }).getByRole('checkbox', { name, exact: true });
  }

  moveUp(name: string): Locator {
    return this.page.getByRole('button', { name: `Move ${name} up`, exact: true });
  }

  moveDown(name: string): Locator {
    return this.page.getByRole('button', { name: `Move ${name} down`, exact: true });
  }

  /** The sections in their running order, as listed. */
  sectionOrder(): Promise<string[]> {
    return this.page.getByRole('group', { name: 'Sections' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent ?? ''));
  }

  language(name: 'English' | 'Cymraeg'): Locator {
    return this.page.getByRole('group', { name: 'Language of the report' }).getByLabel(name, { exact: true });
  }

  get showButton(): Locator {
    return this.page.getByRole('button', { name: 'Show preview' });
  }

  get preview(): Locator {
    return this.page.locator('.report-preview');
  }

  /** The preview's section headings, in order. */
  previewHeadings(): Promise<string[]> {
    return this.preview.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  /** A preview table by caption: its head and rows of text. */
  async table(caption: string): Promise<{ head: string[]; rows: string[][] }> {
    const table = this.preview.locator('table').filter({ has: this.page.locator('caption', { hasText: caption }) }).first();
    const head = await table.locator('thead th').allInnerTexts();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    return { head, rows };
  }

  format(name: string): Locator {
    return this.page.getByRole('group', { name: 'Format' }).getByLabel(name);
  }

  get path(): Locator {
    return this.page.getByLabel('Save as', { exact: true });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save the report', exact: true });
  }

  get saved(): Locator {
    return this.page.locator('.export-done');
  }
}
