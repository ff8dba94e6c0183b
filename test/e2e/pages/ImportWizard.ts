import type { Locator, Page } from 'playwright-core';

export interface Destination {
  /** A new survey of this name, or (with `existing`) the survey to add a wave to. */
  survey: string;
  existing?: boolean;
  wave?: string;
  year?: string;
}

export interface FlaggedValue {
  row: number;
  column: string;
  raw: string;
  reason: string;
}

/** The import wizard (#/data/import): choose a file, check what Heard found, import, and the problems page. */
export class ImportWizard {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  get chooseHeading(): Locator {
    return this.heading('Choose a file to import');
  }

  get reviewHeading(): Locator {
    return this.heading('Check what Heard found');
  }

  get doneHeading(): Locator {
    return this.heading('Import complete');
  }

  get duplicateHeading(): Locator {
    return this.heading('You have imported this file before');
  }

  get problemsHeading(): Locator {
    return this.heading('What could not be read');
  }

  get progressBar(): Locator {
    return this.page.getByRole('progressbar');
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }

  get cancelLink(): Locator {
    return this.page.getByRole('main').getByRole('link', { name: 'Cancel', exact: true });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import this file' });
  }

  /** From the Data page, by its primary button. */
  async openFromData(): Promise<void> {
    await this.page.getByRole('link', { name: 'Import a file' }).click();
    await this.chooseHeading.waitFor();
  }

  /** Fills in the first step (browser: the location field) without continuing. */
  async choose(path: string, to: Destination): Promise<void> {
    await this.page.getByLabel('File location').fill(path);
    if (to.existing) {
      await this.page.getByLabel('A new wave of a survey already in this project').check();
      await this.page.getByLabel('Survey', { exact: true }).selectOption({ label: to.survey });
    } else {
      await this.page.getByLabel('A new survey or consultation').check();
      await this.page.getByLabel('Name of the survey or consultation').fill(to.survey);
    }
    await this.page.getByLabel('Wave (optional)').fill(to.wave ?? '');
    await this.page.getByLabel('Year the responses were collected (optional)').fill(to.year ?? '');
  }

  /** Continue from the first step; resolves once the file is being read (the review may already be up). */
  async continue(): Promise<void> {
    await this.page.getByRole('button', { name: 'Continue' }).click();
  }

  async readAndReview(path: string, to: Destination): Promise<void> {
    await this.choose(path, to);
    await this.continue();
    await this.reviewHeading.waitFor({ timeout: 60_000 });
  }

  /** A fact from "How Heard read the file", e.g. fact('Layout'). */
  fact(term: string): Promise<string> {
    return this.page.locator('.facts > div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd').innerText();
  }

  get columnRows(): Locator {
    return this.page.locator('.columns-table tbody tr');
  }

  /** The columns' labels as the review shows them (Heard starts each from the file's heading), in order. */
  labels(): Promise<string[]> {
    return this.columnRows
      .getByRole('textbox', { name: /^Label for column \d+$/ })
      .evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
  }

  typeSelect(label: string): Locator {
    return this.page.getByLabel(`Type for ${label}`, { exact: true });
  }

  roleSelect(label: string): Locator {
    return this.page.getByLabel(`Role for ${label}`, { exact: true });
  }

  async setType(label: string, type: string): Promise<void> {
    await this.typeSelect(label).selectOption({ label: type });
  }

  async selectedText(select: Locator): Promise<string> {
    return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  }

  /** The columns table row whose label reads `label`. */
  async columnRow(label: string): Promise<Locator> {
    const index = (await this.labels()).indexOf(label);
    if (index < 0) throw new Error(`No column is labelled "${label}".`);
    return this.columnRows.nth(index);
  }

  /** A number from the summary after import, e.g. count('Values flagged'). */
  async count(term: string): Promise<number> {
    const text = await this.page.locator('.import-counts > div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  async seeProblems(): Promise<void> {
    await this.page.getByRole('link', { name: 'See what could not be read' }).click();
    await this.problemsHeading.waitFor();
  }

  /** The "Values flagged" table on the problems page. */
  async flaggedValues(): Promise<FlaggedValue[]> {
    const section = this.page.getByRole('region', { name: /^Values flagged/ });
    await section.waitFor();
    const rows = section.locator('tbody tr');
    const out: FlaggedValue[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('th, td').allInnerTexts();
      out.push({ row: Number(cells[0]!.replace(/[^\d]/g, '')), column: cells[1]!, raw: cells[2]!, reason: cells[3]! });
    }
    return out;
  }
}
