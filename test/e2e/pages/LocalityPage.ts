import type { Locator, Page } from 'playwright-core';

export interface ListedPostcode {
  row: string;
  postcode: string;
  why: string;
}

/** Placing a wave's respondents by postcode (#/data/wave/:id/locality): the form, the progress, the result. */
export class LocalityPage {
  constructor(readonly page: Page) {}

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  get formHeading(): Locator {
    return this.heading('Place respondents by postcode');
  }

  get runningHeading(): Locator {
    return this.heading('Placing respondents by postcode');
  }

  get resultHeading(): Locator {
    return this.heading('Respondents placed by postcode');
  }

  get progressBar(): Locator {
    return this.page.getByRole('progressbar');
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: 'Cancel', exact: true });
  }

  get runButton(): Locator {
    return this.page.getByRole('button', { name: 'Place respondents', exact: true });
  }

  get columnSelect(): Locator {
    return this.page.getByLabel('Which column holds the postcodes?');
  }

  get directoryField(): Locator {
    return this.page.getByLabel('ONS Postcode Directory extract (CSV)');
  }

  get deprivationField(): Locator {
    return this.page.getByLabel('Deprivation table (CSV)');
  }

  get indexSelect(): Locator {
    return this.page.getByLabel('Which index is the table from?');
  }

  get alerts(): Locator {
    return this.page.getByRole('alert');
  }

  /** From the wave's page, by its secondary button. */
  async openFromWave(): Promise<void> {
    await this.page.getByRole('link', { name: 'Place respondents by postcode' }).click();
    await this.formHeading.waitFor();
  }

  /** Fills in the form (browser: the location fields) without running. */
  async fill(options: { column?: string; directory?: string; deprivation?: string; index?: string }): Promise<void> {
    if (options.column !== undefined) await this.columnSelect.selectOption({ label: options.column });
    await this.directoryField.fill(options.directory ?? '');
    await this.deprivationField.fill(options.deprivation ?? '');
    if (options.index !== undefined) await this.indexSelect.selectOption({ label: options.index });
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  /** The number beside `term` in the result's counts, as shown (separators removed). */
  async count(term: string): Promise<number> {
    const dd = this.page.locator('.locality-counts dt', { hasText: new RegExp(`^${escape(term)}$`) }).locator('xpath=following-sibling::dd[1]');
    return Number((await dd.first().innerText()).replace(/[^\d]/g, ''));
  }

  get lead(): Locator {
    return this.page.locator('p.lead');
  }

  get toCheck(): Locator {
    return this.page.getByRole('table', { name: 'Postcodes to check' });
  }

  /** The table of postcodes to check, row by row, as shown. */
  async listed(): Promise<ListedPostcode[]> {
    return this.toCheck.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.children).map((cell) => (cell as HTMLElement).innerText);
        return { row: cells[0] ?? '', postcode: cells[1] ?? '', why: cells[2] ?? '' };
      }),
    );
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
