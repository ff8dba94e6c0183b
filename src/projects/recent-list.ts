import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../contract/index.js';

const MAX_RECENT = 10;
const Stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));

/** The recent-projects list, kept as a small JSON file in Heard's data folder. A damaged file is started afresh. */
export class RecentList {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    return this.load().map((entry) => ({ ...entry, exists: fs.existsSync(entry.path) }));
  }

  remember(projectPath: string, name: string, now = new Date()): void {
    const entries = this.load().filter((e) => e.path !== projectPath);
    entries.unshift({ path: projectPath, name, openedAt: now.toISOString() });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(entries.slice(0, MAX_RECENT), null, 2));
    fs.renameSync(tmp, this.file);
  }

  private load(): z.infer<typeof Stored> {
    try {
      const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }
}
