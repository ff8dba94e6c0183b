import { tableFromIPC } from 'apache-arrow';
import { formatValue, type ValueWords } from './formatValue';

/** One page of rows, already turned into display text, stored by column (the shape Arrow gives us). */
export interface DecodedPage {
  rowCount: number;
  /** cells[column][row]; a column missing from the page is all empty. */
  cells: string[][];
}

/**
 * Decodes a page of Arrow IPC stream bytes into text for the given columns, in the order the grid shows them.
 * Columns the page carries but the grid does not show (such as an internal row number) are ignored.
 */
export function decodePage(arrow: Uint8Array, columnNames: readonly string[], words: ValueWords): DecodedPage {
  const table = tableFromIPC(arrow);
  const rowCount = table.numRows;
  const cells = columnNames.map((name) => {
    const vector = table.getChild(name);
    const texts = new Array<string>(rowCount);
    if (!vector) return texts.fill('');
    const type = vector.type;
    for (let row = 0; row < rowCount; row++) texts[row] = formatValue(vector.get(row), type, words);
    return texts;
  });
  return { rowCount, cells };
}
