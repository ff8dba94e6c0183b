import type { Locator, Page } from 'playwright-core';

/** The Themes page (#/themes): the question, suggested themes, the codeframe, auto-coding, review and quality. */
export class ThemesPage {
  constructor(readonly page: Page) {}

  async open(port: number): Promise<void> {
    await this.page.goto(`http://127.0.0.1:${port}/#/themes`);
    await this.heading.waitFor();
    await this.survey.waitFor();
  }

  /** Chooses a survey's latest wave and one of its written questions, and waits for its coding to load. */
  async choose(survey: string, questionLabel: string): Promise<void> {
    await this.survey.selectOption({ label: survey });
    await this.question.and(this.page.locator(':enabled')).waitFor();
    const option = this.question.locator('option', { hasText: questionLabel });
    await this.question.selectOption((await option.getAttribute('value'))!);
    await this.section('1. Find themes').waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Themes' });
  }

  get survey(): Locator {
    return this.page.getByLabel('Survey', { exact: true });
  }

  get question(): Locator {
    return this.page.getByLabel('Written question', { exact: true });
  }

  section(title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: title });
  }

  summary(term: string): Locator {
    return this.page.locator('.summary-list div').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }

  get findButton(): Locator {
    return this.page.getByRole('button', { name: /^Find themes/ });
  }

  get howMany(): Locator {
    return this.page.getByLabel('How many themes to suggest');
  }

  get resultTitle(): Locator {
    return this.page.locator('.themes-result-title');
  }

  get candidates(): Locator {
    return this.page.locator('.candidate-list > li');
  }

  candidate(i: number): Candidate {
    return new Candidate(this.candidates.nth(i));
  }

  get codeframeRows(): Locator {
    return this.page.locator('.codeframe-table tbody tr');
  }

  async codeframeNames(): Promise<string[]> {
    // The name as seen: without the words for screen readers ("In the net …:") and the description under it.
    return this.page.locator('.codeframe-table tbody th[scope=row]').evaluateAll((ths) =>
      ths.map((th) => {
        const copy = th.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.visually-hidden, .codeframe-description').forEach((el) => el.remove());
        return copy.textContent?.trim() ?? '';
      }),
    );
  }

  get autoCodeButton(): Locator {
    return this.page.getByRole('button', { name: /^Code the answers/ });
  }

  get autoCodeStatus(): Locator {
    return this.page.locator('.themes-status');
  }

  /** The counts table after auto-coding: [theme, answers] per row as shown. */
  async counts(): Promise<[string, string][]> {
    return this.page.locator('.counts-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelector('td')!.textContent!.trim()] as [string, string]));
  }

  get reviewAnswer(): Locator {
    return this.page.locator('.review-answer');
  }

  get reviewTitle(): Locator {
    return this.page.locator('.review-answer-title');
  }

  reviewTheme(name: string): Locator {
    return this.page.locator('.review-theme-list').getByRole('checkbox', { name });
  }

  get reviewThemes(): Locator {
    return this.page.locator('.review-theme-list input[type=checkbox]');
  }

  get addTheme(): Locator {
    return this.page.getByLabel('Add a theme', { exact: true });
  }

  get quality(): Locator {
    return this.page.locator('.quality-verdict');
  }
}

export class Candidate {
  constructor(readonly root: Locator) {}

  get name(): Locator {
    return this.root.locator('.candidate-name');
  }

  get size(): Locator {
    return this.root.locator('.candidate-size');
  }

  get terms(): Locator {
    return this.root.locator('.candidate-terms');
  }

  get quotes(): Locator {
    return this.root.locator('.candidate-quotes blockquote');
  }

  get rename(): Locator {
    return this.root.getByLabel('Name', { exact: true });
  }

  get select(): Locator {
    return this.root.getByLabel('Select to merge');
  }

  get accept(): Locator {
    return this.root.getByRole('button', { name: 'Add to codeframe' });
  }

  get discard(): Locator {
    return this.root.getByRole('button', { name: 'Discard' });
  }
}
