// Types for scripts/start-plan.js (plain CommonJS so `npm start` needs no build step).
export type StartPlan = { mode: 'electron' } | { mode: 'web'; reason: 'no-display' | 'no-binary'; message: string };

export function planStart(facts: {
  electronBinaryPresent: boolean;
  platform: string;
  env: Record<string, string | undefined>;
}): StartPlan;
export function findElectronBinary(electronDir: string | null, env: Record<string, string | undefined>): string | null;
export function appArgs(extra: string[]): string[];
export const NO_BINARY_MESSAGE: string;
export const NO_DISPLAY_MESSAGE: string;
