import type { Project } from '../project';
import type { HandlerEvents, Some } from './types';
import type { ExportedFile } from '../../shared/contract';
import { queryExcerpts } from '../excerpts';
import { searchText } from '../search';
import { autocode } from '../autocode';
import { listCodes } from '../codes';
import {
  excerptsToCsv,
  excerptsToHtml,
  excerptsToJson,
  excerptsToMarkdown,
} from '../../shared/export/excerpts';
import { codebookToCsv, codebookToMarkdown } from '../../shared/export/codebook';
import { CommonplaceError } from '../../shared/errors';
import { codebookToDocx, writeExcerptReport } from '../reports';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportQdpx, renderCodebook } from '../exchange';
import { safeFileName } from '../../shared/file-names';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The project as .qdpx bytes. The contract hands the renderer the file's bytes, but building the archive
 * in memory takes several times its size (1.7 GB for a 45 MB file), so the streaming export writes it
 * to a temporary file that is read back.
 */
async function qdpxBytes(project: Project): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-export-'));
  try {
    const file = join(dir, 'project.qdpx');
    await exportQdpx(project, file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type RetrievalCalls =
  | 'excerpts.query'
  | 'search.text'
  | 'search.autocode'
  | 'export.excerpts'
  | 'export.codebook'
  | 'export.project'
  | 'coders.list';

const TEXT_TYPES = {
  csv: 'text/csv',
  md: 'text/markdown',
  html: 'text/html',
  json: 'application/json',
} as const;

export function retrievalHandlers(project: Project, events: HandlerEvents = {}): Some<RetrievalCalls> {
  const onProgress = (done: number, total: number) => events.progress?.(done, total, 'export');
  return {
    'excerpts.query': (q) => queryExcerpts(project, q),
    'search.text': ({ query, limit, documentIds }) => searchText(project, query, { limit, documentIds }),
    'search.autocode': (a) => autocode(project, a),
    'export.excerpts': async ({ format, query }): Promise<ExportedFile> => {
      const excerpts = queryExcerpts(project, query);
      const title = `Coded excerpts — ${project.name}`;
      const descriptions = new Map(listCodes(project).map((c) => [c.path, c.description]));
      const fileName = `${safeFileName(project.name)} excerpts.${format}`;
      switch (format) {
        case 'csv':
          return { fileName, mimeType: TEXT_TYPES.csv, data: excerptsToCsv(excerpts), encoding: 'utf8' };
        case 'md':
          return {
            fileName,
            mimeType: TEXT_TYPES.md,
            data: excerptsToMarkdown(excerpts, { title, descriptions }),
            encoding: 'utf8',
          };
        case 'html':
          return {
            fileName,
            mimeType: TEXT_TYPES.html,
            data: excerptsToHtml(excerpts, { title, descriptions }),
            encoding: 'utf8',
          };
        case 'json':
          return { fileName, mimeType: TEXT_TYPES.json, data: excerptsToJson(excerpts), encoding: 'utf8' };
        case 'docx':
        case 'xlsx': {
          const data = await writeExcerptReport(format, excerpts, listCodes(project), {
            title,
            projectName: project.name,
            onProgress,
          });
          const mimeType = format === 'docx' ? DOCX : XLSX;
          return { fileName, mimeType, data: data.toString('base64'), encoding: 'base64' };
        }
      }
    },
    'export.codebook': async ({ format }): Promise<ExportedFile> => {
      const codes = listCodes(project);
      const fileName = `${safeFileName(project.name)} codebook.${format}`;
      if (format === 'csv')
        return { fileName, mimeType: TEXT_TYPES.csv, data: codebookToCsv(codes), encoding: 'utf8' };
      if (format === 'md') {
        return {
          fileName,
          mimeType: TEXT_TYPES.md,
          data: codebookToMarkdown(codes, { title: `Codebook — ${project.name}` }),
          encoding: 'utf8',
        };
      }
      if (format === 'docx') {
        const data = await codebookToDocx(codes, {
          title: `Codebook — ${project.name}`,
          projectName: project.name,
        });
        return { fileName, mimeType: DOCX, data: data.toString('base64'), encoding: 'base64' };
      }
      if (format === 'qdc') {
        const { data } = renderCodebook(project, '.qdc');
        const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
        return { fileName, mimeType: 'application/xml', data: text, encoding: 'utf8' };
      }
      throw new CommonplaceError('unsupported', `Exporting the codebook as ${format} is not supported.`);
    },
    'export.project': async (): Promise<ExportedFile> => ({
      fileName: `${safeFileName(project.name)}.qdpx`,
      mimeType: 'application/zip',
      data: (await qdpxBytes(project)).toString('base64'),
      encoding: 'base64',
    }),
    'coders.list': () =>
      project.db
        .prepare(
          'SELECT u.id, u.name, count(k.id) AS codings FROM coders u LEFT JOIN codings k ON k.coder_id = u.id GROUP BY u.id ORDER BY u.name',
        )
        .all() as { id: number; name: string; codings: number }[],
  };
}
