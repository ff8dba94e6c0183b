import fs from 'node:fs';
import path from 'node:path';

/**
 * ../shared/fixtures/real beside the repository: present on the team's machines and CI, absent in a user's clone.
 * HEARD_REAL_FIXTURES points elsewhere (a git worktree is not beside ../shared).
 */
export const REAL_FIXTURES = process.env.HEARD_REAL_FIXTURES ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real');
export const HAVE_REAL_FIXTURES = fs.existsSync(REAL_FIXTURES);
export const NO_FIXTURES_REASON = `skipped: ${REAL_FIXTURES} is not present (a user's clone does not have the shared real-data fixtures)`;

export function realFixture(...parts: string[]): string {
  return path.join(REAL_FIXTURES, ...parts);
}
