import type { Locator, Page } from 'playwright-core';

/** One cell as the page shows it. */
export interface ShownCell {
  row: string;
  /** The column's heading, e.g. "A 16-24", or "All respondents". */
  column: string;
  /** 'value', 'c' or 'x' (the cell's data-shown). */
  shown: string;
  /** What the cell says, e.g. "37.4%", "[c]". */
  figure: string;
  /** Letters of the columns it is higher than, as shown ("AB"), without the words for screen readers. */
  letters: string;
  low: boolean;
  ci: string;
  count: string;
}

/** The Tables page (#/tables): the form, the table, its notes, the chart and the export. */
export class TablesPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/tables`);
    await this.heading.waitFor();
    // The form is ready once the wave's questions have loaded.
    await this.showButton.and(this.page.locator(':enabled')).waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Tables' });
  }

  get survey(): Locator {
    return this.page.getByLabel('Survey', { exact: true });
  }

  get wave(): Locator {
    return this.page.getByLabel('Wave', { exact: true });
  }

  get row(): Locator {
    return this.page.getByLabel('Question (one row for each answer)');
  }

  get col(): Locator {
    return this.page.getByLabel('Break down by (one column for each group)');
  }

  get weight(): Locator {
    return this.page.getByLabel('Weight', { exact: true });
  }

  get comparison(): Locator {
    return this.page.getByLabel('Comparing the groups');
  }

  get showButton(): Locator {
    return this.page.getByRole('button', { name: 'Show table' });
  }

  get addFilterButton(): Locator {
    return this.page.getByRole('button', { name: /^Add (a|another) filter$/ });
  }

  filterQuestion(n: number): Locator {
    return this.page.getByLabel(`Filter ${n}: question`);
  }

  filterAnswer(n: number): Locator {
    return this.page.getByLabel(`Filter ${n}: answer`);
  }

  async choose(options: { row?: string; col?: string; weight?: string; comparison?: string }): Promise<void> {
    if (options.row !== undefined) await this.row.selectOption({ label: options.row });
    if (options.col !== undefined) await this.col.selectOption({ label: options.col });
    if (options.weight !== undefined) await this.weight.selectOption({ label: options.weight });
    if (options.comparison !== undefined) await this.comparison.selectOption({ label: options.comparison });
  }

  async addFilter(question: string, answer: string): Promise<void> {
    await this.addFilterButton.click();
    const n = await this.page.locator('.tables-filter').count();
    await this.filterQuestion(n).selectOption({ label: question });
    await this.filterAnswer(n).selectOption({ label: answer });
  }

  /** Shows the table and waits for it (its heading is the table's title). */
  async show(title: string): Promise<void> {
    await this.showButton.click();
    await this.resultHeading(title).waitFor();
  }

  resultHeading(title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: title, exact: true });
  }

  get table(): Locator {
    return this.page.locator('table.crosstab');
  }

  get testSentence(): Locator {
    return this.page.locator('.table-test');
  }

  get caption(): Locator {
    return this.table.locator('caption');
  }

  get notes(): Locator {
    return this.page.locator('.table-notes');
  }

  get context(): Locator {
    return this.page.locator('.table-context');
  }

  checkbox(name: string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  /** Column headings in order, as read ("A 16-24"). */
  columns(): Promise<string[]> {
    return this.table.locator('thead th').evaluateAll((ths) => ths.slice(1).map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }

  /** Every body cell as shown. */
  cells(): Promise<ShownCell[]> {
    return this.table.evaluate((table) => {
      const heads = Array.from(table.querySelectorAll('thead th')).slice(1).map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim());
      const text = (el: Element | null) => {
        if (!el) return '';
        const clone = el.cloneNode(true) as Element;
        clone.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
        return (clone.textContent ?? '').trim();
      };
      return Array.from(table.querySelectorAll('tbody tr')).flatMap((tr) => {
        const row = (tr.querySelector('th')?.textContent ?? '').trim();
        return Array.from(tr.querySelectorAll('td')).map((td, j) => ({
          row,
          column: heads[j] ?? '',
          shown: td.getAttribute('data-shown') ?? '',
          figure: text(td.querySelector('.cell-pct')),
          letters: text(td.querySelector('.cell-letters')),
          low: td.querySelector('.flag-low') !== null,
          ci: text(td.querySelector('.cell-ci')),
          count: text(td.querySelector('.cell-count')),
        }));
      });
    });
  }

  /** A foot row of bases by its heading, as shown. */
  base(name: string): Promise<string[]> {
    return this.table
      .locator('tfoot tr')
      .filter({ has: this.page.locator('th').getByText(name, { exact: true }) })
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()));
  }

  /** Scrolls so that `target` is at the top of the window, for a screenshot of what follows it. */
  async scrollTo(target: Locator): Promise<void> {
    await target.evaluate((el) => {
      // The main region scrolls, not the window (see Shell): move it alone, so the header stays in the picture.
      const main = el.closest('.app-main') ?? document.scrollingElement!;
      main.scrollTop += el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16;
      window.scrollTo(0, 0);
    });
  }

  get chart(): Locator {
    return this.page.locator('.table-chart-plot[role="img"]');
  }

  /** The sentence the chart is described by (aria-describedby). */
  async chartDescription(): Promise<string> {
    const id = await this.chart.getAttribute('aria-describedby');
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  async chartName(): Promise<string> {
    const id = await this.chart.getAttribute('aria-labelledby');
    return (await this.page.locator(`[id="${id}"]`).innerText()).trim();
  }

  /** Bars Plotly drew with a height (a bar with no value has none). */
  drawnBars(): Promise<number> {
    return this.chart.locator('.barlayer .point path').evaluateAll((paths) => paths.filter((p) => (p as SVGGraphicsElement).getBBox().height > 0).length);
  }

  /** What each trace of the chart holds, as Plotly has it: values, and the marks over withheld ones. */
  plotted(): Promise<{ name: string; y: (number | null)[]; text: string[] }[]> {
    type Trace = { name: string; y: (number | null)[]; text: string[] };
    return this.chart.evaluate((el) => (el as unknown as { data: Trace[] }).data.map((d) => ({ name: d.name, y: d.y, text: d.text })));
  }

  async waitForChart(): Promise<void> {
    await this.page.locator('.table-chart-plot[data-state="drawn"]').waitFor({ timeout: 30_000 });
  }

  exportFormat(name: 'Excel (XLSX)' | 'CSV'): Locator {
    return this.page.getByRole('radio', { name });
  }

  get exportPath(): Locator {
    return this.page.getByLabel('Save the file as');
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  get exportDone(): Locator {
    return this.page.locator('.export-done');
  }
}
