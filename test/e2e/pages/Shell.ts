import type { Locator, Page } from 'playwright-core';

export const NAV_PAGES = ['Data', 'Tables', 'Weighting', 'Themes', 'Equality', 'Gaps', 'Trends', 'Report'] as const;
export type NavPage = (typeof NAV_PAGES)[number];

/** The frame around every page: header, language switcher, navigation, main region. */
export class Shell {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.locator('nav.app-nav');
  }

  navLink(name: string): Locator {
    return this.navigation.getByRole('link', { name, exact: true });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get projectName(): Locator {
    return this.page.locator('header .app-project-name');
  }

  get changeProjectLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Change project' });
  }

  languageButton(name: 'English' | 'Cymraeg'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async goTo(name: NavPage): Promise<void> {
    await this.navLink(name).click();
    await this.heading.filter({ hasText: name }).waitFor();
  }

  async switchLanguage(name: 'English' | 'Cymraeg'): Promise<void> {
    await this.languageButton(name).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, name === 'Cymraeg' ? 'cy' : 'en-GB');
  }

  /** The accessible role and name of whatever has keyboard focus, e.g. "link:Data". */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      const role = el.getAttribute('role') ?? el.tagName.toLowerCase().replace(/^a$/, 'link');
      return `${role}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`;
    });
  }
}
