import type { Locator, Page } from 'playwright-core';

export interface AchievedRow {
  category: string;
  respondents: string;
  target: string;
  achieved: string;
  difference: string;
}

export interface ListedWeight {
  name: string;
  kind: string;
  efficiency: string;
  nEff: string;
}

/** The Weighting page (#/weighting): the wave's weights, the margins form, the preview and Save as. */
export class WeightingPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Weighting' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/weighting`);
    await this.heading.waitFor();
  }

  get surveySelect(): Locator {
    return this.page.getByLabel('Survey', { exact: true });
  }

  get waveSelect(): Locator {
    return this.page.getByLabel('Wave', { exact: true });
  }

  /** Chooses a wave by its label ("2023") and waits for its weights. */
  async chooseWave(label: string): Promise<void> {
    const option = await this.waveSelect.locator('option', { hasText: new RegExp(`^${escape(label)} \\(`) }).getAttribute('value');
    await this.waveSelect.selectOption(option!);
    await this.weightsTable.waitFor();
  }

  get weightsTable(): Locator {
    return this.page.getByRole('table', { name: 'Weights for this wave' });
  }

  /** The wave's weights as listed. */
  async listedWeights(): Promise<ListedWeight[]> {
    return this.weightsTable.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim());
        return { name: cells[0] ?? '', kind: cells[1] ?? '', efficiency: cells[2] ?? '', nEff: cells[3] ?? '' };
      }),
    );
  }

  // ---- Population benchmark ----

  get benchmarkField(): Locator {
    return this.page.getByLabel('Population benchmark file (CSV)');
  }

  async readBenchmark(path: string): Promise<void> {
    await this.benchmarkField.fill(path);
    await this.page.getByRole('button', { name: 'Read the file' }).click();
    await this.page.getByText(/^Read .*: figures for/).waitFor();
  }

  // ---- Margins ----

  get questionSelect(): Locator {
    return this.page.getByLabel('Question', { exact: true });
  }

  get secondSelect(): Locator {
    return this.page.getByLabel('Combined with (optional)');
  }

  get addMarginButton(): Locator {
    return this.page.getByRole('button', { name: 'Add margin', exact: true });
  }

  /** Adds a margin over one question (by its label), or two combined. */
  async addMargin(question: string, combinedWith?: string): Promise<void> {
    const before = await this.marginCards.count();
    await this.questionSelect.selectOption({ label: question });
    await this.secondSelect.selectOption(combinedWith ? { label: combinedWith } : { index: 0 });
    await this.addMarginButton.click();
    await this.marginCards.nth(before).waitFor();
  }

  /** Adds a margin read from a margins file (browser: the location field). */
  async addMarginFromFile(path: string): Promise<void> {
    const details = this.page.locator('details.add-margin-file');
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
    await this.page.getByLabel('Margins file (CSV)').fill(path);
    await this.page.getByRole('button', { name: 'Add from this file' }).click();
  }

  get marginCards(): Locator {
    return this.page.locator('fieldset.margin-card');
  }

  /** A margin's card by its name as the legend gives it ("Ward", "Age band × Sex"). */
  margin(name: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Margin \\d+: ${escape(name)}$`) });
  }

  /** The figure field of a one-question margin's category, named by the category and the column heading. */
  figure(margin: string, category: string): Locator {
    return this.margin(margin).getByRole('textbox', { name: new RegExp(`^${escape(category)} (Population|Percentage)$`) });
  }

  /** Respondents shown beside a category of a one-question margin. */
  async respondentsShown(margin: string, category: string): Promise<string> {
    const row = this.margin(margin).locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name: category, exact: true }) });
    return (await row.locator('td').first().innerText()).trim();
  }

  /** The total under a one-question margin's figures, as shown. */
  async marginTotal(margin: string): Promise<string> {
    return (await this.margin(margin).locator('tfoot td.margin-total').innerText()).trim();
  }

  async removeMargin(name: string): Promise<void> {
    await this.margin(name).getByRole('button', { name: `Remove margin ${name}` }).click();
  }

  // ---- Options, preview, save ----

  get excludeMissing(): Locator {
    return this.page.getByLabel('Leave out respondents who did not answer a margin’s question');
  }

  get previewButton(): Locator {
    return this.page.getByRole('button', { name: 'Preview', exact: true });
  }

  get resultHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^Preview: what these weights achieve/ });
  }

  get alerts(): Locator {
    return this.page.getByRole('alert');
  }

  /** A fact of the preview ("efficiency", "nEff", "rows", "excluded", "total"), as shown. */
  async fact(name: string): Promise<string> {
    return (await this.page.locator(`.weighting-facts dd[data-fact="${name}"]`).innerText()).trim();
  }

  /** The achieved-against-target table of a margin, by its variables as the backend names them ("age_band × sex"). */
  async achieved(variables: string): Promise<AchievedRow[]> {
    return this.page.locator(`table.achieved-table[data-margin="${variables}"] tbody tr`).evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.children).map((cell) => (cell as HTMLElement).innerText.trim());
        return { category: cells[0] ?? '', respondents: cells[1] ?? '', target: cells[2] ?? '', achieved: cells[3] ?? '', difference: cells[4] ?? '' };
      }),
    );
  }

  /** The weight distribution table's cells, as shown (smallest, quartiles, largest, mean). */
  async distribution(): Promise<string[]> {
    return this.page.locator('table.distribution-table tbody td').allInnerTexts();
  }

  get nameField(): Locator {
    return this.page.getByLabel('Name for this weight');
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save weight' });
  }

  savedPanel(name: string): Locator {
    return this.page.getByRole('heading', { name: `Weight “${name}” saved` });
  }

  async saveAs(name: string): Promise<void> {
    await this.nameField.fill(name);
    await this.saveButton.click();
  }

  /** The accessible name of the focused element: its label, what labels it, or its text. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const byIds = (ids: string | null) =>
        (ids ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .filter(Boolean)
          .join(' ');
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim() : undefined;
      return byIds(el.getAttribute('aria-labelledby')) || label || el.getAttribute('aria-label') || (el.textContent ?? '').trim();
    });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
