// A small hand-built study for the analysis tests: 3 documents in 2 overlapping groups, a facilitator and
// 5 participants with roles, 6 codes with sub-codes, overlapping codings, codings spanning two turns, a
// coding in a title outside any turn, a coding that starts on a speaker label, and two coders.
import type { Project } from '../../db/project';
import { addTextDocument, newProject, turnsOf } from '../helpers/project';
import { createCode } from '../../db/codes';
import { addCodings } from '../../db/codings';
import { setAttribute } from '../../db/attributes';
import type { ParsedTurn } from '../../shared/types';

export const DOCS = [
  {
    name: 'north-1',
    groups: ['North'],
    text: `North session one [00:00:05]

Facilitator: Welcome everyone. Tell me about targets at work.

Zoë: The targets drive everything here. My manager counts tenancies, not people. We keep a secret caseload.

Sam: Trust matters most. We had a little miracle last month.

Facilitator: What made that possible?

Zoë: Trust again. An honest worker who stayed [00:03:10] for years.
`,
  },
  {
    name: 'north-2',
    groups: ['North', 'East'],
    text: `Facilitator: Second round. What about audits?

Priya: Audits take our time. The paperwork never ends.

José: Paperwork is a barrier to trust. The audit culture hurts.

Sam: I agree with José about the audit culture.
`,
  },
  {
    name: 'east-1',
    groups: ['East'],
    text: `Facilitator: Welcome to Eastbridge.

Priya: A secret caseload keeps people safe. Trust is earned.

Jo: Targets again, always targets.
`,
  },
] as const;

/** Code paths in tree order (parents before children, siblings in creation order). */
export const CODES = [
  'Managerial domination',
  'Managerial domination/Targets',
  'Managerial domination/Audit',
  'Relationships',
  'Relationships/Trust',
  'Secret caseloads',
] as const;

export const ROLES: Record<string, string> = {
  Zoë: 'Housing',
  Sam: 'Police',
  Priya: 'Housing',
  José: 'Health',
  Jo: 'Police',
};
export const WAVE: Record<string, string> = { 'north-1': '1', 'north-2': '2', 'east-1': '1' };

export interface SpecCoding {
  doc: string;
  code: string;
  /** The coded text: it starts at a word, and is unique in its document. */
  phrase: string;
  coder: 'tester' | 'other';
}

export const CODINGS: SpecCoding[] = [
  { doc: 'north-1', code: 'Managerial domination/Targets', phrase: 'targets at work.', coder: 'tester' },
  {
    doc: 'north-1',
    code: 'Managerial domination/Targets',
    phrase: 'The targets drive everything here.',
    coder: 'tester',
  },
  {
    doc: 'north-1',
    code: 'Managerial domination',
    phrase: 'The targets drive everything here. My manager counts tenancies, not people.',
    coder: 'tester',
  },
  { doc: 'north-1', code: 'Secret caseloads', phrase: 'We keep a secret caseload.', coder: 'tester' },
  {
    doc: 'north-1',
    code: 'Relationships/Trust',
    phrase: 'We keep a secret caseload.\n\nSam: Trust matters most.',
    coder: 'tester',
  },
  {
    doc: 'north-1',
    code: 'Relationships',
    phrase: 'Trust again. An honest worker who stayed [00:03:10] for years.',
    coder: 'tester',
  },
  { doc: 'north-1', code: 'Secret caseloads', phrase: 'North session one', coder: 'tester' },
  { doc: 'north-1', code: 'Relationships/Trust', phrase: 'Sam: Trust matters most. We had', coder: 'other' },
  { doc: 'north-2', code: 'Managerial domination/Audit', phrase: 'What about audits?', coder: 'tester' },
  {
    doc: 'north-2',
    code: 'Managerial domination/Audit',
    phrase: 'Audits take our time. The paperwork never ends.',
    coder: 'other',
  },
  {
    doc: 'north-2',
    code: 'Managerial domination',
    phrase: 'The paperwork never ends.\n\nJosé: Paperwork is a barrier',
    coder: 'tester',
  },
  {
    doc: 'north-2',
    code: 'Relationships/Trust',
    phrase: 'Paperwork is a barrier to trust.',
    coder: 'tester',
  },
  {
    doc: 'north-2',
    code: 'Managerial domination/Audit',
    phrase: 'The audit culture hurts.',
    coder: 'tester',
  },
  {
    doc: 'north-2',
    code: 'Managerial domination/Audit',
    phrase: 'I agree with José about the audit culture.',
    coder: 'tester',
  },
  {
    doc: 'east-1',
    code: 'Secret caseloads',
    phrase: 'A secret caseload keeps people safe.',
    coder: 'tester',
  },
  { doc: 'east-1', code: 'Relationships/Trust', phrase: 'Trust is earned.', coder: 'tester' },
  {
    doc: 'east-1',
    code: 'Managerial domination/Targets',
    phrase: 'Targets again, always targets.',
    coder: 'other',
  },
  {
    doc: 'east-1',
    code: 'Relationships',
    phrase: 'Welcome to Eastbridge.\n\nPriya: A secret caseload',
    coder: 'tester',
  },
];

export interface Fixture {
  project: Project;
  docId: Record<string, number>;
  codeId: Record<string, number>;
  speakerId: Record<string, number>;
  coderId: Record<string, number>;
}

export function rangeOf(c: SpecCoding): { start: number; end: number } {
  const text = DOCS.find((d) => d.name === c.doc)!.text;
  const start = text.indexOf(c.phrase);
  if (start < 0 || text.indexOf(c.phrase, start + 1) >= 0) throw new Error(`phrase not unique: ${c.phrase}`);
  return { start, end: start + c.phrase.length };
}

export const turnsOfDoc = (doc: string): ParsedTurn[] => turnsOf(DOCS.find((d) => d.name === doc)!.text);

export function buildFixture(): Fixture {
  const project = newProject('tester');
  const docId: Record<string, number> = {};
  for (const d of DOCS) docId[d.name] = addTextDocument(project, d.name, d.text, [...d.groups]);
  const codeId: Record<string, number> = {};
  for (const path of CODES) {
    const parts = path.split('/');
    const parent = parts.length > 1 ? codeId[parts[0]!] : null;
    codeId[path] = createCode(project, { name: parts[parts.length - 1]!, parentId: parent });
  }
  for (const coder of ['tester', 'other'] as const) {
    project.coder = coder;
    addCodings(
      project,
      CODINGS.filter((c) => c.coder === coder).map((c) => ({
        documentId: docId[c.doc]!,
        codeId: codeId[c.code]!,
        ...rangeOf(c),
      })),
    );
  }
  project.coder = 'tester';
  const speakerId = Object.fromEntries(
    (project.db.prepare('SELECT id, name FROM speakers').all() as { id: number; name: string }[]).map((s) => [
      s.name,
      s.id,
    ]),
  );
  for (const [name, role] of Object.entries(ROLES))
    setAttribute(project, 'speaker', speakerId[name]!, 'role', role);
  for (const [doc, wave] of Object.entries(WAVE))
    setAttribute(project, 'document', docId[doc]!, 'wave', wave, 'number');
  const coderId = Object.fromEntries(
    (project.db.prepare('SELECT id, name FROM coders').all() as { id: number; name: string }[]).map((c) => [
      c.name,
      c.id,
    ]),
  );
  return { project, docId, codeId, speakerId, coderId };
}
