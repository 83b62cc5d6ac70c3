// Test helpers: temp files with exact bytes, and hand-built .docx archives (a stored, uncompressed
// ZIP is all Word's format needs), so tests control every byte instead of relying on binary fixtures.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument, ParsedTurn } from '../../shared/types';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/transcripts',
);

export interface TempDir {
  dir: string;
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'commonplace-import-'));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive with the given entries, stored without compression. */
export function makeZip(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A run of text; bold when `b` is set. */
export type Run = string | { b: string };
/** A paragraph (runs; '\n' inside a string is a soft line break) or a table (rows of cell texts). */
export type Block = Run[] | { table: string[][]; header?: boolean };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runXml(run: Run): string {
  const bold = typeof run !== 'string';
  const text = bold ? run.b : run;
  const parts = text.split('\n').map((t) => `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}${parts.join('<w:br/>')}</w:r>`;
}

const paragraphXml = (runs: Run[]) => `<w:p>${runs.map(runXml).join('')}</w:p>`;

function blockXml(block: Block): string {
  if (Array.isArray(block)) return paragraphXml(block);
  const rows = block.table.map((cells, i) => {
    const header = block.header && i === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
    return `<w:tr>${header}${cells.map((c) => `<w:tc>${paragraphXml([c])}</w:tc>`).join('')}</w:tr>`;
  });
  return `<w:tbl>${rows.join('')}</w:tbl>`;
}

export function docxXml(blocks: Block[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    blocks.map(blockXml).join('') +
    '</w:body></w:document>'
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** A minimal but valid Word document. */
export function makeDocx(blocks: Block[]): Buffer {
  return makeZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': docxXml(blocks),
  });
}

export function makeZipWithoutDocument(): Buffer {
  return makeZip({ '[Content_Types].xml': CONTENT_TYPES, 'readme.txt': 'not a word file' });
}

/** The label part and the words of a turn, as stored. */
export const labelOf = (doc: Pick<ParsedDocument, 'text'>, t: ParsedTurn) =>
  doc.text.slice(t.start, t.bodyStart);
export const bodyOf = (doc: Pick<ParsedDocument, 'text'>, t: ParsedTurn) =>
  doc.text.slice(t.bodyStart, t.end);

/** Offsets are in range, ordered and never overlap; every turn has a label before its words. */
export function checkTurnInvariants(doc: Pick<ParsedDocument, 'text' | 'turns'>): void {
  let previousEnd = 0;
  for (const t of doc.turns) {
    if (!(
      previousEnd <= t.start &&
      t.start < t.bodyStart &&
      t.bodyStart <= t.end &&
      t.end <= doc.text.length
    )) {
      throw new Error(`bad turn offsets ${JSON.stringify(t)} after ${previousEnd}`);
    }
    if (/\s$/.test(doc.text.slice(t.start, t.end)))
      throw new Error(`turn ends in white space: ${JSON.stringify(t)}`);
    previousEnd = t.end;
  }
}

export const speakerSet = (doc: Pick<ParsedDocument, 'turns'>) => new Set(doc.turns.map((t) => t.speaker));
