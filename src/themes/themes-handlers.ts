import type { Handlers } from '../rpc/server.js';
import type { ProjectFile } from '../engine/project-file.js';
import { applyCoding } from './apply.js';
import { history, latestUndoable, undoEntry } from './audit.js';
import { readCodeframeFile, writeCodeframeFile } from './codeframe-file.js';
import { createCodeframe, deleteTheme, getCodeframe, insertTheme, listCodeframes, mergeThemes, splitTheme, updateTheme } from './codeframe-store.js';
import { responsesPage } from './codes-read.js';
import { evaluateAgainst, exportCodes } from './export-codes.js';
import { importCodes } from './import-codes.js';
import { attachCodeframe, questionSummary, themeQuestions } from './question-coding.js';
import { textQuestion } from './question.js';
import { decide, reviewNext } from './review.js';

type ThemeHandlers = Pick<Handlers, Extract<keyof Handlers, `themes.${string}`>>;

/** The themes.* methods (except discovery), over the one open project. */
export function themesHandlers(requireProject: () => ProjectFile): Omit<ThemeHandlers, 'themes.discover'> {
  const edit = async (codeframeId: number, work: (p: ProjectFile) => Promise<unknown>) => {
    const project = requireProject();
    await work(project);
    return getCodeframe(project, codeframeId);
  };
  return {
    'themes.codeframes': async () => listCodeframes(requireProject()),
    'themes.codeframe': async ({ codeframeId }) => getCodeframe(requireProject(), codeframeId),
    'themes.createCodeframe': async ({ name, description, themes }) => {
      const project = requireProject();
      return getCodeframe(project, await project.write((tx) => createCodeframe(tx, name, description, themes)));
    },
    'themes.saveTheme': async ({ codeframeId, themeId, theme }) =>
      edit(codeframeId, (p) => p.write(async (tx) => (themeId === undefined ? void (await insertTheme(tx, codeframeId, theme)) : updateTheme(tx, codeframeId, themeId, theme)))),
    'themes.deleteTheme': async ({ codeframeId, themeId }) => edit(codeframeId, (p) => p.write((tx) => deleteTheme(tx, codeframeId, themeId))),
    'themes.mergeThemes': async ({ codeframeId, from, into }) => edit(codeframeId, (p) => p.write((tx) => mergeThemes(tx, codeframeId, from, into))),
    'themes.splitTheme': async ({ codeframeId, themeId, into }) => edit(codeframeId, (p) => p.write((tx) => splitTheme(tx, codeframeId, themeId, into))),
    'themes.importCodeframe': async ({ path: file, name, format }) => {
      const project = requireProject();
      const read = readCodeframeFile(file, format);
      return getCodeframe(project, await project.write((tx) => createCodeframe(tx, name ?? read.name, read.description, read.themes)));
    },
    'themes.exportCodeframe': async ({ codeframeId, path: file, format }) => {
      writeCodeframeFile(await getCodeframe(requireProject(), codeframeId), file, format);
      return { path: file };
    },
    'themes.questions': async ({ waveId }) => themeQuestions(requireProject(), waveId),
    'themes.attach': async (request) => attachCodeframe(requireProject(), request),
    'themes.summary': async (request) => questionSummary(requireProject(), request),
    'themes.apply': async (request, ctx) => applyCoding(requireProject(), request, { signal: ctx.signal, onProgress: ctx.progress }),
    'themes.importCodes': async (request) => importCodes(requireProject(), request),
    'themes.exportCodes': async (request) => exportCodes(requireProject(), request),
    'themes.evaluate': async (request) => evaluateAgainst(requireProject(), request),
    'themes.reviewNext': async (request) => reviewNext(requireProject(), request),
    'themes.decide': async (request) => decide(requireProject(), request),
    'themes.responses': async ({ themeId, offset, limit, ...question }) => responsesPage(requireProject(), await textQuestion(requireProject(), question), themeId, offset, limit),
    'themes.history': async ({ limit, ...question }) => history(requireProject(), question, limit),
    'themes.undo': async (question) => {
      const project = requireProject();
      await textQuestion(project, question);
      const undone = await project.write(async (tx) => {
        const latest = await latestUndoable(tx, question);
        return latest ? undoEntry(tx, latest.id, null, question) : null;
      });
      return { undone };
    },
  };
}
