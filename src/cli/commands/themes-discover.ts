import { DISCOVERY_MAX_K, DISCOVERY_MIN_K, DiscoverRequest, type Discovery } from '../../contract/index.js';
import { discoverQuestion } from '../../themes/discovery/discover-question.js';
import { integer, parse, printJson, required, UsageError, type Out } from '../args.js';
import { findWave, withProject } from '../project-access.js';

/** heard themes discover: candidate themes in a free-text question, with key terms, size and example response ids. */
export async function themesDiscoverCommand(args: string[], out: Out): Promise<number> {
  const values = parse(args, ['project', 'json', 'survey', 'wave', 'question', 'k']);
  const k = integer(values.k, '--k');
  if (k !== undefined && (k < DISCOVERY_MIN_K || k > DISCOVERY_MAX_K)) throw new UsageError(`--k must be between ${DISCOVERY_MIN_K} and ${DISCOVERY_MAX_K}, not ${k}.`);
  const question = required(values.question, '--question VARIABLE');
  const result = await withProject(required(values.project, '--project FILE'), values.dataDir, async (project) => {
    const { waveId } = await findWave(project, required(values.survey, '--survey ID (or name)'), values.wave);
    return discoverQuestion(project, DiscoverRequest.parse({ waveId, question, k }));
  });
  if (values.json) printJson(out, contractOf(result));
  else out.stdout(render(result));
  return 0;
}

/** The fields README documents; quotes are left out (they are respondents' words), their response ids kept. */
function contractOf(d: Discovery) {
  return {
    question: d.question,
    k: d.k,
    rows: d.rows,
    blank: d.blank,
    ungrouped: d.ungrouped,
    candidates: d.candidates.map((c) => ({ name: c.name, terms: c.terms, size: c.size, examples: c.quotes.map((q) => q.responseId) })),
  };
}

function render(d: Discovery): string {
  const answered = d.rows - d.blank;
  const lines = [
    `${d.label}: ${d.candidates.length} candidate themes from ${answered} answers (${d.blank} blank; ${d.ungrouped} with nothing to group on, such as "No" or "n/a")`,
    '',
  ];
  for (const c of d.candidates) {
    const share = answered > 0 ? ` (${((100 * c.size) / answered).toFixed(0)}%)` : '';
    lines.push(`${c.size}${share}  ${c.name}`, `    terms: ${c.terms.join(', ')}`, `    e.g. ${c.quotes.map((q) => q.responseId).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
