import type { Page } from 'playwright-core';

/**
 * Watches a page for Content-Security-Policy trouble from now on (it reloads the page so the watch is in place before
 * any script runs): every violation the browser reports, and console messages about a refused style or script
 * (Plotly's own warning among them). `problems()` lists them all; a test ends by expecting none.
 */
export async function watchCsp(page: Page): Promise<{ problems(): Promise<string[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.reload();
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to|strict CSP/i.test(message.text())) messages.push(message.text());
  });
  return {
    problems: async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...messages],
  };
}
