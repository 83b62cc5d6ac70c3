import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Project } from '../project';
import type { ParsedDocument } from '../../shared/types';
import { CommonplaceError, isCommonplaceError } from '../../shared/errors';
import { parseSourceBytes, readSource, SUPPORTED_EXTENSIONS } from './read-source';
import { insertDocument } from '../documents';

export interface ImportOptions {
  /** Put every imported document in this group. */
  group?: string;
  /** Use each file's parent folder name as its group. */
  groupFromFolder?: boolean;
  detectSpeakers?: boolean;
  /** Import the good files and report the bad ones, instead of all-or-nothing. */
  keepGoing?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ImportedDocument {
  id: number;
  name: string;
  file: string;
  format: ParsedDocument['format'];
  encoding: string;
  turns: number;
  speakers: string[];
  words: number;
}

export interface ImportFailure {
  file: string;
  problem: string;
}

export interface ImportResult {
  imported: ImportedDocument[];
  failed: ImportFailure[];
}

/** Files to import: given files as they are, folders searched recursively for supported extensions. */
export function expandPaths(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SUPPORTED_EXTENSIONS.includes(extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      // readSource reports a missing file with its own message.
    }
    if (isDir) walk(full);
    else out.push(full);
  }
  return out;
}

export const documentNameFor = (file: string): string => basename(file, extname(file));

const groupsFor = (file: string, o: ImportOptions): string[] =>
  [o.group, o.groupFromFolder && dirname(file) !== '.' ? basename(dirname(file)) : undefined].filter(
    (g): g is string => !!g,
  );

/** A file given by path (CLI, native dialog) or by its bytes (dropped or uploaded into the app). */
export type SourceInput = string | { name: string; data: Uint8Array; group?: string };

const inputName = (input: SourceInput): string => (typeof input === 'string' ? input : input.name);

/**
 * Reads and parses every file first, then writes all good ones in one undoable transaction.
 * Without keepGoing any bad file aborts the whole batch before anything is written.
 */
export async function importFiles(
  project: Project,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const files = expandPaths(paths);
  if (files.length === 0) {
    throw new CommonplaceError(
      'bad-input',
      `No importable files found (supported: ${SUPPORTED_EXTENSIONS.join(', ')}).`,
    );
  }
  return importSources(project, files, options);
}

export async function importSources(
  project: Project,
  inputs: SourceInput[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const parsed: { file: string; name: string; doc: ParsedDocument; group?: string }[] = [];
  const failed: ImportFailure[] = [];
  const names = new Set<string>();
  const exists = project.db.prepare('SELECT 1 FROM documents WHERE name = ?');
  for (const [i, input] of inputs.entries()) {
    const file = inputName(input);
    options.onProgress?.(i, inputs.length, file);
    const name = documentNameFor(file);
    try {
      if (names.has(name.toLowerCase())) {
        throw new CommonplaceError('conflict', `another file in this import is also named "${name}"`, file);
      }
      if (exists.get(name))
        throw new CommonplaceError('conflict', `a document named "${name}" is already in the project`, file);
      const detectSpeakers = options.detectSpeakers ?? true;
      const doc =
        typeof input === 'string'
          ? await readSource(input, { detectSpeakers })
          : await parseSourceBytes(input.name, input.data, { detectSpeakers });
      names.add(name.toLowerCase());
      parsed.push({ file, name, doc, group: typeof input === 'string' ? undefined : input.group });
    } catch (e) {
      if (!isCommonplaceError(e)) throw e;
      failed.push({ file, problem: e.file ? e.message.slice(e.file.length + 2) : e.message });
    }
  }
  options.onProgress?.(inputs.length, inputs.length, '');
  if (failed.length && !options.keepGoing) {
    const list = failed.map((f) => `  ${f.file}: ${f.problem}`).join('\n');
    throw new CommonplaceError(
      'bad-input',
      `Nothing was imported; ${failed.length} file(s) could not be imported:\n${list}`,
    );
  }
  if (parsed.length === 0) return { imported: [], failed };
  const label = parsed.length === 1 ? `Import "${parsed[0]!.name}"` : `Import ${parsed.length} documents`;
  const words = project.db.prepare('SELECT words FROM documents WHERE id = ?').pluck();
  const imported = project.mutate(label, () =>
    parsed.map(({ file, name, doc, group }): ImportedDocument => {
      const groups = [...groupsFor(file, options), ...(group ? [group] : [])];
      const id = insertDocument(project, { ...doc, name, originalName: basename(file), groups });
      return {
        id,
        name,
        file,
        format: doc.format,
        encoding: doc.encoding,
        turns: doc.turns.length,
        speakers: [...new Set(doc.turns.map((t) => t.speaker.trim().replace(/\s+/g, ' ')))],
        words: words.get(id) as number,
      };
    }),
  );
  return { imported, failed };
}
