// Reads a transcript file from disk into canonical text and speaker turns. Every check that can fail
// runs here, before the caller writes anything, and each failure names the problem for a researcher.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { badInput, isCommonplaceError } from '../../shared/errors';
import { canonicalText } from '../../shared/text';
import { parseTranscript } from '../../shared/transcript';
import { detectTurns } from '../../shared/transcript/turns';
import type { ParsedDocument, SourceFormat } from '../../shared/types';
import { decodeText } from './decode';
import { readDocx } from './docx';

export const SUPPORTED_EXTENSIONS: readonly string[] = ['.txt', '.md', '.docx', '.vtt', '.srt'];

/** 50 MB: a day of interviews is a few MB of text; anything bigger is almost surely not a transcript. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** Longer lines than this are data (minified JSON, base64), not something a person said. */
export const MAX_LINE_CHARS = 1_000_000;

const FORMATS: Partial<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.vtt': 'vtt',
  '.srt': 'srt',
};

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

async function checkedSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw badInput(file, 'is a folder, not a file. Choose the transcript files inside it');
    if (!info.isFile()) throw badInput(file, 'is not a regular file');
    return info.size;
  } catch (e) {
    if (isCommonplaceError(e)) throw e;
    throw badInput(file, unreadable(e));
  }
}

function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return 'cannot be found. It may have been moved, renamed or deleted';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be opened: permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot be read (${code ?? (e instanceof Error ? e.message : String(e))})`;
}

function checkText(text: string, file: string): void {
  if (text.trim() === '') throw badInput(file, 'contains no text (it is empty or only blank space)');
  let from = 0;
  while (from < text.length) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    if (end - from > MAX_LINE_CHARS) {
      throw badInput(
        file,
        `has a line of more than ${MAX_LINE_CHARS.toLocaleString('en')} characters, so it does not look like a transcript`,
      );
    }
    from = end + 1;
  }
}

export async function readSource(
  file: string,
  options: { detectSpeakers?: boolean } = {},
): Promise<ParsedDocument> {
  formatOf(file);
  const size = await checkedSize(file);
  if (size === 0) throw badInput(file, 'is empty');
  checkSize(file, size);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw badInput(file, unreadable(e));
  }
  return parseSourceBytes(file, bytes, options);
}

function formatOf(file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  const format = FORMATS[ext];
  if (!format) {
    const what = ext ? `"${ext}" files are not supported` : 'has no file extension, so its format is unknown';
    throw badInput(file, `${what}. Supported formats: ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
  return format;
}

function checkSize(file: string, size: number): void {
  if (size > MAX_SOURCE_BYTES) {
    // Just over the limit would round to the limit itself: say bytes then.
    const shown =
      megabytes(size) === megabytes(MAX_SOURCE_BYTES)
        ? `${size.toLocaleString('en')} bytes`
        : megabytes(size);
    throw badInput(
      file,
      `is ${shown}, larger than the ${megabytes(MAX_SOURCE_BYTES)} limit for one transcript`,
    );
  }
}

/**
 * Parses a source already in memory (dropped or uploaded into the app); `file` names it in messages
 * and its extension gives the format.
 */
export async function parseSourceBytes(
  file: string,
  data: Uint8Array,
  options: { detectSpeakers?: boolean } = {},
): Promise<ParsedDocument> {
  const detectSpeakers = options.detectSpeakers !== false;
  const format = formatOf(file);
  if (data.length === 0) throw badInput(file, 'is empty');
  checkSize(file, data.length);
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);

  if (format === 'docx') {
    const docx = await readDocx(bytes, file);
    checkText(docx.text, file);
    const turns = detectSpeakers ? detectTurns(docx.text, { hintedLines: docx.hintedLines }) : [];
    return { text: docx.text, format, encoding: 'docx', turns };
  }

  const { text: decoded, encoding } = decodeText(bytes, file);
  const canonical = canonicalText(decoded);
  checkText(canonical, file);
  const { text, turns } = parseTranscript(canonical, format, file, { detectSpeakers });
  checkText(text, file);
  return { text, format, encoding, turns };
}
