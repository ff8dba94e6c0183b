import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const dir = path.join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

/** Saves what a user would see, for a person to look over (test-results/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
