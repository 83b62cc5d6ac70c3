// Notes' rich text (richTextPath, a .docx in the archive) read ahead of the memos, as mammoth reads
// Word files only asynchronously. A rich file that is not there or cannot be read costs the note its
// formatting, never its words: the plain text is imported instead, and the report says why.

import { CommonplaceError } from '../../shared/errors';
import type { QdpxArchive } from './archive';
import type { ImportState } from './import-state';
import type { MemoBlock } from './lexical-json';
import type { QdeText } from './qde-model';
import { docxMemoBlocks } from './memo-docx-read';

async function richBlocks(archive: QdpxArchive, note: QdeText, path: string): Promise<MemoBlock[] | string> {
  if (!/\.docx$/i.test(path))
    return `its rich text (${path}) is not a .docx file, the only rich-text format read`;
  try {
    const entry = archive.internalEntry(path, `note "${note.name}"`);
    if (!entry) return `its rich text is an external file (${path}); only files inside the archive are read`;
    const file = `${archive.file} (${entry.name})`;
    const blocks = await docxMemoBlocks(archive.read(entry), file);
    return blocks.length ? blocks : `${file}: the Word document holds no text`;
  } catch (e) {
    if (e instanceof CommonplaceError) return e.message;
    throw e;
  }
}

/** The formatted content of each note (by key) whose rich-text file could be read. */
export async function readRichNotes(
  state: ImportState,
  archive: QdpxArchive,
): Promise<Map<string, MemoBlock[]>> {
  const out = new Map<string, MemoBlock[]>();
  for (const note of state.model.notes) {
    const path = note.richTextPath?.trim();
    if (!path) continue;
    const result = await richBlocks(archive, note, path);
    if (typeof result !== 'string') out.set(note.key, result);
    else if (note.content !== undefined || note.plainTextPath)
      state.skip(`formatting of note "${note.name}"`, `${result}; its plain text is imported instead`);
    else state.skip(`note "${note.name}"`, `${result}, and it has no plain text either`);
  }
  return out;
}
