// The .docx of each memo with formatting, for its Note's richTextPath. The `docx` package packs only
// asynchronously, and the export's read transaction cannot wait, so these are made first; the export
// then uses a file only if its memo's JSON is still the one it was made from.

import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';
import type { Project } from '../project';
import { exportGuid } from '../../shared/exchange/guid';
import { editorTextBlocks } from './memo-plain-text';
import { hasFormatting, memoDocx } from './memo-docx-write';

export interface RichMemoFile {
  /** The memo's content_json the file was made from. */
  json: string;
  fileName: string;
  bytes: Uint8Array;
}

/** Memo GUID -> its rich-text file. */
export type RichMemoFiles = ReadonlyMap<string, RichMemoFile>;

/**
 * The memo's blocks as the memo editor shows them: its JSON, or, when there is none (memos written by
 * the CLI) or it cannot be read, its plain text read the editor's way.
 */
function memoNodes(json: string, text: string): SerializedLexicalNode[] {
  if (json) {
    try {
      const children = (JSON.parse(json) as Partial<SerializedEditorState>).root?.children;
      if (Array.isArray(children)) return children;
    } catch {
      // Damaged JSON: the editor falls back to the plain text, and so does the export.
    }
  }
  return editorTextBlocks(text);
}

export async function richMemoFiles(project: Project): Promise<RichMemoFiles> {
  const rows = project.db
    .prepare(
      `SELECT guid, content_json AS json, content_text AS text FROM memos WHERE trim(content_text) <> ''`,
    )
    .all() as { guid: string; json: string; text: string }[];
  const files = new Map<string, RichMemoFile>();
  for (const { guid, json, text } of rows) {
    const nodes = memoNodes(json, text);
    if (!hasFormatting(nodes)) continue;
    const bytes = await memoDocx(nodes);
    files.set(guid, { json, fileName: `${exportGuid(guid)}.docx`, bytes });
  }
  return files;
}
