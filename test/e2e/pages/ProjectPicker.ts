import type { Locator, Page } from 'playwright-core';
import { Shell } from './Shell.js';

/** "Choose a project": the sample, recent projects, and open or create by path (browser) or dialog (Electron). */
export class ProjectPicker {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Choose a project' });
  }

  get sampleButton(): Locator {
    return this.page.getByRole('button', { name: 'Open the sample project' });
  }

  get pathField(): Locator {
    return this.page.getByLabel('Project file location');
  }

  get alerts(): Locator {
    return this.page.getByRole('alert');
  }

  /** Reaches the picker whether or not the host already opened a project. */
  async show(): Promise<void> {
    const shell = new Shell(this.page);
    await shell.heading.waitFor();
    if (!(await this.heading.isVisible())) await shell.changeProjectLink.click();
    await this.heading.waitFor();
  }

  async openSample(): Promise<void> {
    await this.sampleButton.click();
    await this.page.getByRole('heading', { level: 1, name: 'Data' }).waitFor({ timeout: 60_000 });
  }

  async openPath(path: string): Promise<void> {
    await this.pathField.fill(path);
    await this.page.getByRole('button', { name: 'Open project', exact: true }).click();
  }
}
