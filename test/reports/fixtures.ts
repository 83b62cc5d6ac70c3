// A small realistic study for the report tests: two focus groups, a three-level codebook, memos,
// multi-line and multi-speaker excerpts, non-ASCII names and an emoji.
import type { CodeInfo, Excerpt } from '../../shared/types';

function code(
  id: number,
  name: string,
  path: string,
  parentId: number | null,
  extra: Partial<CodeInfo>,
): CodeInfo {
  return {
    id,
    guid: `guid-${id}`,
    parentId,
    name,
    path,
    color: '#808080',
    description: '',
    position: 0,
    codings: 0,
    ...extra,
  };
}

export const CODES: CodeInfo[] = [
  code(1, 'Managerial domination', 'Managerial domination', null, {
    color: '#E6194B',
    description: 'Targets, audit and performance management crowding out relational care.',
    codings: 1,
  }),
  code(2, 'Targets', 'Managerial domination/Targets', 1, {
    color: '#F58231',
    description: 'Numerical targets named as driving practice.\nInclude complaints about "the numbers".',
    codings: 3,
  }),
  code(3, 'Secret caseloads', 'Secret caseloads', null, {
    color: '#4363D8',
    description: 'Work done off the books: clients kept on informally after a case is closed.',
    position: 1,
    codings: 2,
  }),
  code(4, 'Little miracles', 'Little miracles', null, {
    color: '#3CB44B',
    description: 'Unexpected small successes practitioners tell as stories.',
    position: 2,
    codings: 2,
  }),
  code(5, 'Unused', 'Unused', null, { color: '#FFD8B1', position: 3 }),
];

// One level deeper than the shared fixture, to check nesting below Heading 2.
export const DEEP_CODES: CodeInfo[] = [
  ...CODES,
  {
    ...CODES[1]!,
    id: 9,
    guid: 'guid-9',
    parentId: 2,
    name: 'Daily quota',
    path: 'Managerial domination/Targets/Daily quota',
    color: '#000075',
    description: '',
    codings: 4,
  },
];

const byId = new Map(CODES.map((c) => [c.id, c]));
let nextId = 1;

export function excerpt(codeId: number, fields: Partial<Excerpt> & Pick<Excerpt, 'text'>): Excerpt {
  const c = byId.get(codeId)!;
  const id = nextId++;
  const before = fields.before ?? '…and I keep coming back to this: ';
  const after = fields.after ?? ' That is the reality for us…';
  const start = fields.start ?? 120 + id * 37;
  return {
    codingId: id,
    doc: 'Northgate FG1 12 March',
    documentId: 1,
    groups: ['Northgate'],
    speakers: ['Zoë (Housing)'],
    code: c.name,
    codeId: c.id,
    path: c.path,
    color: c.color,
    start,
    end: start + fields.text.length,
    context: before + fields.text + after,
    before,
    after,
    memo: null,
    coder: 'alice',
    createdAt: '2025-03-14T09:30:00.000Z',
    ...fields,
  };
}

export const EXCERPTS: Excerpt[] = [
  excerpt(2, {
    text: 'Honestly the targets drive everything. My manager counts tenancies sustained, not people helped. 😀',
    memo: 'Key quote for the paper — compare Eastbridge.\nAsk Sam whether police see the same.',
  }),
  excerpt(2, {
    doc: 'Eastbridge FG2 19 March',
    documentId: 2,
    groups: ['Eastbridge'],
    speakers: ['Facilitator', 'Sam (Police)'],
    text: 'Facilitator: And the numbers, do they matter?\n\nSam (Police): They matter more than the people, if I am honest. We get a league table every Monday.',
    coder: 'bob',
  }),
  excerpt(1, {
    text: 'It is audit, audit, audit. Nobody asks whether anyone is better off.',
    before: '',
    after: '',
  }),
  excerpt(3, {
    speakers: ['Zoë (Housing)'],
    text: "That's the secret caseload nobody reports. I still ring him every Friday.",
    memo: 'Secret caseload = informal continuation after closure.',
  }),
  excerpt(3, {
    doc: 'Eastbridge FG2 19 March',
    documentId: 2,
    groups: ['Eastbridge'],
    speakers: ['Sam (Police)'],
    text: 'Off the record, half my week is people I am not supposed to have any more.',
  }),
  excerpt(4, {
    speakers: ['Sam (Police)'],
    text: 'We had a little miracle last month. He turned up to probation on his own.',
    memo: 'Little miracles — the phrase recurs in both groups.',
  }),
  excerpt(4, {
    doc: 'Eastbridge FG2 19 March',
    documentId: 2,
    groups: ['Eastbridge', 'Pilot sites'],
    speakers: ['Facilitator', 'Zoë (Housing)'],
    text: 'Facilitator: What made that possible?\n\nZoë (Housing): Trust. An honest relationship with one worker who stayed.',
    coder: 'bob',
  }),
];
