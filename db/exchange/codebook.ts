// Codebook exchange: export as REFI-QDA .qdc (or any registered format), and import a .qdc (or the
// codebook inside a .qdpx) merged into the current codebook as one undoable step. Codes match by GUID
// first, then by path (GUIDs are not stable across ATLAS.ti exports, GUIDE §5); differences in colour,
// description, name or place are reported, and the project's own values are kept.

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Project } from '../project';
import type { CodeInfo } from '../../shared/types';
import { insertCode, listCodes } from '../codes';
import { badInput, CommonplaceError, invalidArgument } from '../../shared/errors';
import { codebookToCsv } from '../../shared/export/codebook';
import { codebookToQdc } from '../../shared/exchange/codebook-xml';
import { guidKey, isGuid } from '../../shared/exchange/guid';
import { QdpxArchive } from './archive';
import type { QdeCode } from './qde-model';
import { readCodes } from './qde-reader';
import { child, kids, XmlBytesDecoder } from './xml-read';
import { XmlStreamReader } from './xml-stream';
import { UniqueGuids } from './unique-guids';
import { writeFileAtomic } from './files';
import { codeTree, ORIGIN } from './snapshot';
import type { Skipped } from './import-state';

/** Writes a codebook file; new formats (e.g. .docx) register here by extension. */
export type CodebookWriter = (codes: CodeInfo[], project: Project) => string | Uint8Array;

const FORMATS = new Map<string, CodebookWriter>([
  [
    '.qdc',
    (codes) => {
      if (!codes.length)
        throw invalidArgument('The codebook is empty; a REFI-QDA codebook needs at least one code.');
      // Code memos stay out: a .qdc Code has no NoteRef, and the file is for definitions, not analysis.
      return codebookToQdc(codeTree(codes), ORIGIN);
    },
  ],
  ['.csv', (codes) => codebookToCsv(codes)],
]);

export function registerCodebookFormat(extension: string, writer: CodebookWriter): void {
  FORMATS.set(extension.toLowerCase(), writer);
}

export const codebookFormats = (): string[] => [...FORMATS.keys()];

/** The codebook in a registered format (by extension, e.g. '.qdc'), in memory. */
export function renderCodebook(
  project: Project,
  format: string,
): { data: string | Uint8Array; codes: number } {
  const writer = FORMATS.get(format.toLowerCase());
  if (!writer)
    throw invalidArgument(`Cannot write a codebook as "${format}"; use ${codebookFormats().join(', ')}.`);
  const codes = listCodes(project);
  return { data: writer(codes, project), codes: codes.length };
}

export function exportCodebook(project: Project, outPath: string): { codes: number; format: string } {
  const format = extname(outPath).toLowerCase();
  const { data, codes } = renderCodebook(project, format || outPath);
  writeFileAtomic(outPath, data);
  return { codes, format };
}

export interface CodebookConflict {
  /** The code's path in the project. */
  code: string;
  what: 'color' | 'description' | 'name' | 'parent';
  project: string;
  file: string;
}

export interface CodebookImportReport {
  added: number;
  matched: number;
  /** Empty descriptions in the project filled from the file. */
  described: number;
  conflicts: CodebookConflict[];
  skipped: Skipped[];
}

/**
 * The codebook of a .qdpx and how many of its sets hold codes, read as project.qde is inflated: only the
 * CodeBook and Sets are kept, and everything else (sources, cases, notes: the bulk) is let go as it ends.
 */
function readProjectCodebook(file: string): { codes: QdeCode[]; sets: number } {
  const archive = QdpxArchive.open(file);
  try {
    const what = 'project.qde';
    const guids = new UniqueGuids(file, what);
    const reader = new XmlStreamReader(file, what, {
      onOpen: (_, name, node) => guids.see(name, node),
      onElement: (ancestors, name) => {
        const part = ancestors.length === 1 ? name : ancestors[1];
        return part !== 'CodeBook' && part !== 'Sets';
      },
    });
    archive.streamQde((text) => reader.write(text));
    const { root } = reader.end();
    if (guids.error) throw guids.error;
    const sets = kids(child(root, 'Sets'), 'Set').filter((s) => kids(s, 'MemberCode').length).length;
    return { codes: readCodes(child(child(root, 'CodeBook'), 'Codes')), sets };
  } finally {
    archive.close();
  }
}

function readCodebookFile(file: string): { codes: QdeCode[]; sets: number } {
  if (extname(file).toLowerCase() === '.qdpx') return readProjectCodebook(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw badInput(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const what = 'the codebook';
  const guids = new UniqueGuids(file, what);
  const reader = new XmlStreamReader(file, what, { onOpen: (_, name, node) => guids.see(name, node) });
  const decoder = new XmlBytesDecoder(file, what);
  reader.write(decoder.push(bytes));
  reader.write(decoder.end());
  const { root, rootName } = reader.end();
  if (rootName !== 'CodeBook') throw badInput(file, `has a <${rootName}> root, not a REFI-QDA <CodeBook>`);
  if (guids.error) throw guids.error;
  // Taguette writes an empty <Sets/>; only sets with members count.
  return { codes: readCodes(child(root, 'Codes')), sets: kids(child(root, 'Sets'), 'Set').length };
}

const clean = (s: string) => s.trim().replace(/\s+/g, ' ') || 'Unnamed code';
const nl = (s: string) => s.replace(/\r\n?/g, '\n').trim();

function normalColor(c: string | undefined): string | undefined {
  const v = c?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((x) => x + x).join('')}`.toUpperCase();
  return undefined;
}

/** Merges a .qdc (or a .qdpx's codebook) into the project's codebook; one undoable step if anything changes. */
export function importCodebook(project: Project, file: string): CodebookImportReport {
  const { codes, sets } = readCodebookFile(file);
  const report: CodebookImportReport = { added: 0, matched: 0, described: 0, conflicts: [], skipped: [] };
  if (sets) report.skipped.push({ what: `${sets} code set(s)`, why: 'Commonplace has no sets of codes' });
  const notCodable: string[] = [];
  const run = () => {
    const existing = listCodes(project);
    const byGuid = new Map(existing.map((c) => [guidKey(c.guid), c]));
    const byPlace = new Map(existing.map((c) => [`${c.parentId ?? 0}/${c.name.toLowerCase()}`, c]));
    const usedGuids = new Set(byGuid.keys());
    const walk = (list: QdeCode[], parent: CodeInfo | null) => {
      for (const fc of list) {
        const name = clean(fc.name);
        const path = parent ? `${parent.path}/${name}` : name;
        if (!fc.codable) notCodable.push(path);
        const description = nl(fc.description);
        const color = normalColor(fc.color);
        const match = byGuid.get(fc.key) ?? byPlace.get(`${parent?.id ?? 0}/${name.toLowerCase()}`);
        if (match) {
          report.matched++;
          const conflict = (what: CodebookConflict['what'], ours: string, theirs: string) =>
            report.conflicts.push({ code: match.path, what, project: ours, file: theirs });
          if (match.name.toLowerCase() !== name.toLowerCase()) conflict('name', match.name, name);
          if ((match.parentId ?? 0) !== (parent?.id ?? 0)) conflict('parent', match.path, path);
          if (color && color !== match.color.toUpperCase()) conflict('color', match.color, color);
          if (description && !match.description.trim()) {
            project.db.prepare('UPDATE codes SET description = ? WHERE id = ?').run(description, match.id);
            report.described++;
          } else if (description && description !== nl(match.description)) {
            conflict('description', match.description, description);
          }
          walk(fc.children, match);
          continue;
        }
        const guid = isGuid(fc.key) && !usedGuids.has(fc.key) ? fc.key : randomUUID();
        usedGuids.add(guid);
        const id = insertCode(project, { name, parentId: parent?.id ?? null, color, description }, guid);
        const created: CodeInfo = {
          id,
          guid,
          parentId: parent?.id ?? null,
          name,
          path,
          color: color ?? '',
          description,
          position: 0,
          codings: 0,
        };
        byGuid.set(guid, created);
        byPlace.set(`${parent?.id ?? 0}/${name.toLowerCase()}`, created);
        report.added++;
        walk(fc.children, created);
      }
    };
    walk(codes, null);
    // Nothing to record: roll back rather than leave an empty step in the undo history.
    if (!report.added && !report.described) throw new NothingChanged();
  };
  try {
    project.mutate(`Import codebook "${basename(file)}"`, run);
  } catch (e) {
    if (!(e instanceof NothingChanged))
      throw e instanceof CommonplaceError ? e : badInput(file, (e as Error).message);
  }
  if (notCodable.length)
    report.skipped.push({
      what: `"not codable" flag of ${notCodable.length} code(s)`,
      why: 'every Commonplace code can be applied; they were treated as ordinary codes',
    });
  return report;
}

class NothingChanged extends Error {}
