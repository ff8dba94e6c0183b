import type { Locator, Page } from 'playwright-core';

/** The Data page: each survey's waves in a table, and a link into each wave's responses. */
export class DataPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Data' });
  }

  survey(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${escape(name)}`) });
  }

  waveRow(survey: string, wave: string): Locator {
    return this.survey(survey)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: wave, exact: true }) });
  }

  /** The number in the Responses column, as shown (thousands separators removed). */
  async responses(survey: string, wave: string): Promise<number> {
    const text = await this.waveRow(survey, wave).getByRole('cell').first().innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  async openWave(survey: string, wave: string): Promise<ResponsesGrid> {
    await this.waveRow(survey, wave).getByRole('link', { name: /^View responses/ }).click();
    const grid = new ResponsesGrid(this.page);
    await grid.grid.waitFor();
    return grid;
  }
}

/** The virtualised responses grid on a wave's page. Rows are found by aria-rowindex (header row is 1). */
export class ResponsesGrid {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute('aria-rowcount')) - 1;
  }

  /** Data row `index` (0-based), if it is rendered. */
  row(index: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);
  }

  /** aria-colindex of the column whose header reads `label` (row number column is 1). */
  async columnIndex(label: string): Promise<number> {
    const header = this.grid.getByRole('columnheader', { name: label, exact: true });
    return Number(await header.getAttribute('aria-colindex'));
  }

  cell(index: number, colIndex: number): Locator {
    return this.row(index).locator(`[role="gridcell"][aria-colindex="${colIndex}"]`);
  }

  async focus(): Promise<void> {
    await this.grid.focus();
  }

  activeCellId(): Promise<string | null> {
    return this.grid.getAttribute('aria-activedescendant');
  }

  /** Scrolls with the mouse wheel over the grid until row `index` is on screen, or gives up. */
  async wheelUntilVisible(index: number, maxTurns = 400): Promise<boolean> {
    const box = await this.grid.boundingBox();
    if (!box) return false;
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let turn = 0; turn < maxTurns; turn++) {
      if (await this.isOnScreen(index)) return true;
      await this.page.mouse.wheel(0, 4000);
      await this.page.waitForTimeout(16);
    }
    return this.isOnScreen(index);
  }

  /** The rows a user can see now: their 0-based index and the text in column `colIndex` (aria-colindex). */
  async visibleRows(colIndex: number): Promise<Array<{ index: number; text: string }>> {
    return this.grid.evaluate((grid, col) => {
      const area = grid.getBoundingClientRect();
      const head = grid.querySelector('[role="columnheader"]')?.getBoundingClientRect().bottom ?? area.top;
      return Array.from(grid.querySelectorAll('[role="row"]'))
        .filter((row) => {
          const box = row.getBoundingClientRect();
          return row.getAttribute('aria-rowindex') !== '1' && box.top >= head - 1 && box.bottom <= area.bottom + 1;
        })
        .map((row) => ({
          index: Number(row.getAttribute('aria-rowindex')) - 2,
          text: row.querySelector(`[aria-colindex="${col}"]`)?.textContent ?? '',
        }))
        .sort((a, b) => a.index - b.index);
    }, colIndex);
  }

  /** Rendered and inside the grid's visible area (virtualised rows just off screen do not count). */
  async isOnScreen(index: number): Promise<boolean> {
    const row = this.row(index);
    if ((await row.count()) === 0) return false;
    const [rowBox, gridBox] = await Promise.all([row.boundingBox(), this.grid.boundingBox()]);
    if (!rowBox || !gridBox) return false;
    return rowBox.y >= gridBox.y && rowBox.y + rowBox.height <= gridBox.y + gridBox.height + 1;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
