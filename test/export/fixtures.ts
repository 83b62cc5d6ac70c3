// Realistic coded excerpts and codebook for the export tests, plus a strict RFC 4180 reader.
import type { CodeInfo, Excerpt } from '../../shared/types';

let nextId = 1;

function excerpt(fields: Partial<Excerpt> & Pick<Excerpt, 'doc' | 'path' | 'text'>): Excerpt {
  const id = nextId++;
  const before = fields.before ?? '…so what I said was ';
  const after = fields.after ?? ' and that was that…';
  return {
    codingId: id,
    documentId: 1,
    groups: [],
    speakers: [],
    code: fields.path.split('/').pop()!,
    codeId: id,
    color: '#E4572E',
    start: 100 * id,
    end: 100 * id + fields.text.length,
    context: before + fields.text + after,
    before,
    after,
    memo: null,
    coder: 'alice',
    createdAt: '2024-05-0' + ((id % 9) + 1) + 'T10:15:00.000Z',
    ...fields,
  };
}

export const EXCERPTS: Excerpt[] = [
  excerpt({
    doc: 'FG2 Tenants, Leeds.docx',
    groups: ['Tenants', 'Leeds'],
    speakers: ['Facilitator', 'Zoë (Housing)'],
    path: 'Managerial domination/Targets',
    color: '#3366CC',
    text: 'Facilitator: And the targets?\nZoë (Housing): They say "hit 40 a day", or else. 😀 Honestly.',
    memo: 'Compare with FG1 — same "or else" framing.\nFollow up in round 2.',
  }),
  excerpt({
    doc: 'Interview 03 - Sam.txt',
    groups: ['Care workers'],
    speakers: ['Sam'],
    path: 'Managerial domination',
    color: '#3366CC',
    text: '=HYPERLINK("http://evil.example","click") is what I typed, lol',
    before: '',
    after: '',
  }),
  excerpt({
    doc: 'FG2 Tenants, Leeds.docx',
    groups: ['Tenants', 'Leeds'],
    speakers: ['Zoë (Housing)'],
    path: 'Care work/Unpaid',
    color: '#2a9d8f',
    text: '- you just do it, *nobody* pays you for [that]',
    coder: 'bob',
    memo: '  leading space memo',
  }),
  excerpt({
    doc: '<script>alert("doc")</script>.txt',
    groups: ['<b>group</b>'],
    speakers: ['Mallory <img src=x onerror=alert(1)>'],
    // Code names cannot contain '/', so no closing tag here.
    path: 'Resistance/<script>alert(1)',
    color: 'red;background:url(x)',
    text: 'We wrote <script>alert("text")</script> on the whiteboard & laughed',
    before: '<i>before</i> ',
    after: ' <u>after</u>',
    memo: 'Memo with <script>alert("memo")</script>',
  }),
  excerpt({
    doc: 'Interview 03 - Sam.txt',
    groups: ['Care workers'],
    speakers: ['Sam'],
    path: 'Managerial domination/Targets',
    color: '#3366CC',
    text: '@everyone +1 on that',
  }),
  excerpt({
    doc: 'Interview 03 - Sam.txt',
    groups: ['Care workers'],
    speakers: ['Sam'],
    path: 'Care work',
    color: '#2a9d8f',
    text: ' padded ',
    coder: '',
  }),
];

function code(
  id: number,
  parentId: number | null,
  name: string,
  path: string,
  position: number,
  codings: number,
  description = '',
): CodeInfo {
  return { id, guid: `g-${id}`, parentId, name, path, color: '#3366CC', description, position, codings };
}

// Deliberately shuffled: children before parents, siblings out of position order.
export const CODES: CodeInfo[] = [
  code(4, 1, 'Targets', 'Managerial domination/Targets', 1, 5, 'Numeric quotas imposed by managers.'),
  code(2, null, 'Care work', 'Care work', 1, 2, 'Paid and unpaid care.\n\n- includes kin care'),
  code(3, 2, 'Unpaid', 'Care work/Unpaid', 0, 4),
  code(
    1,
    null,
    'Managerial domination',
    'Managerial domination',
    0,
    1,
    'Control exercised by managers, e.g. "=SUM(A1)".',
  ),
  code(5, 1, 'Surveillance', 'Managerial domination/Surveillance', 0, 0),
  code(6, 4, 'Daily quota', 'Managerial domination/Targets/Daily quota', 0, 3),
  code(7, 1, 'Appraisal', 'Managerial domination/Appraisal', 1, 0),
  code(8, 99, 'Orphan', 'Orphan', 0, 1),
];

/** A strict RFC 4180 reader: CRLF record ends, quoted fields with doubled quotes. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < csv.length) {
    if (csv[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quoted field');
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += csv[i++];
      }
      if (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') throw new Error(`junk after quote at ${i}`);
    } else if (csv[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (csv[i] === '\r') {
      if (csv[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (csv[i] === '\n' || csv[i] === '"') {
      throw new Error(`unquoted ${JSON.stringify(csv[i])} at ${i}`);
    } else field += csv[i++];
  }
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}
