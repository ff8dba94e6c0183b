// Run in a child process by crash-safety.test.ts, which kills it with SIGKILL part-way through a write.
import { ProjectFile } from '../../../src/engine/project-file.js';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  const project = await ProjectFile.open(file!);
  if (mode === 'mid-transaction') {
    await project.write(async (tx) => {
      await tx.run("INSERT INTO surveys (name, kind) VALUES ('Never committed', 'survey')");
      await tx.run('CREATE TABLE junk AS SELECT range AS i FROM range(3000000)');
      process.stdout.write('IN_TRANSACTION\n');
      await new Promise(() => undefined); // hold the transaction open until killed
    });
  } else if (mode === 'commit-loop') {
    for (let batch = 0; ; batch++) {
      await project.write((tx) => tx.run(`INSERT INTO batches SELECT ${batch}, range FROM range(50000)`));
      process.stdout.write(`COMMITTED ${batch}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(3);
});
