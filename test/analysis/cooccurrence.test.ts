import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/project';
import { type Fixture, buildFixture, CODES, turnsOfDoc } from './fixture';
import { type ModelFilters, model } from './model';
import { computeCooccurrence, cooccurrencePassages, type CooccurrenceWithin } from '../../db/analysis';

let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
});
afterAll(() => {
  fx.project.close();
  cleanupTempDirs();
});

/** Every pair of codings, checked one by one. */
function bruteForce(within: CooccurrenceWithin, f: ModelFilters): number[][] {
  const m = model(f);
  const at = (code: string) => CODES.indexOf(code as (typeof CODES)[number]);
  const cells = CODES.map(() => CODES.map(() => 0));
  for (const k of m.codings) cells[at(k.code)]![at(k.code)]!++;
  if (within === 'overlap') {
    for (const a of m.codings)
      for (const b of m.codings)
        if (a.id < b.id && a.doc === b.doc && a.code !== b.code && a.start < b.end && b.start < a.end) {
          cells[at(a.code)]![at(b.code)]!++;
          cells[at(b.code)]![at(a.code)]!++;
        }
  } else {
    for (const doc of m.docs)
      for (const t of turnsOfDoc(doc).filter((t) => m.allowed(t.speaker))) {
        const codes = [
          ...new Set(
            m.codings.filter((k) => k.doc === doc && k.start < t.end && k.end > t.start).map((k) => k.code),
          ),
        ];
        for (const a of codes) for (const b of codes) if (a !== b) cells[at(a)]![at(b)]!++;
      }
  }
  return cells;
}

const FILTERS: [string, ModelFilters][] = [
  ['no filter', {}],
  ['facilitator excluded', { exclude: ['Facilitator'] }],
  ['coder tester', { coders: ['tester'] }],
  ['only Zoë and Sam', { speakers: ['Zoë', 'Sam'] }],
];

describe('co-occurrence against brute force', () => {
  for (const within of ['overlap', 'turn'] as const)
    for (const [name, f] of FILTERS)
      it(`${within}, ${name}`, () => {
        const r = computeCooccurrence(fx.project, {
          within,
          coderIds: f.coders?.map((c) => fx.coderId[c]!),
          speakerIds: f.speakers?.map((s) => fx.speakerId[s]!),
          excludeSpeakerIds: f.exclude?.map((s) => fx.speakerId[s]!),
        });
        expect(r.codes.map((c) => c.path)).toEqual([...CODES]);
        expect(r.cells).toEqual(bruteForce(within, f));
        r.cells.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(r.cells[j]![i])));
      });

  it('finds known pairs: the overlapping Targets and Managerial domination codings', () => {
    const r = computeCooccurrence(fx.project, { within: 'overlap' });
    const md = CODES.indexOf('Managerial domination');
    const targets = CODES.indexOf('Managerial domination/Targets');
    expect(r.cells[md]![targets]).toBe(1);
    expect(r.cells[md]![md]).toBe(2);
  });
});

describe('co-occurrence passages', () => {
  it('gives the overlapping passages with their shared range', () => {
    const trust = fx.codeId['Relationships/Trust']!;
    const secret = fx.codeId['Secret caseloads']!;
    const passages = cooccurrencePassages(fx.project, { within: 'overlap' }, secret, trust);
    expect(passages).toHaveLength(computeCooccurrence(fx.project).cells[5]![4]!);
    for (const p of passages) {
      expect(p.doc).toBe('north-1');
      expect(p.text).toContain('We keep a secret caseload.');
      expect(p.overlap!.start).toBeGreaterThanOrEqual(p.start);
      expect(p.overlap!.end).toBeLessThanOrEqual(p.end);
      expect(p.codingIds).toHaveLength(2);
    }
  });

  it('gives the turns holding both codes, with speaker and body text', () => {
    const audit = fx.codeId['Managerial domination/Audit']!;
    const md = fx.codeId['Managerial domination']!;
    const passages = cooccurrencePassages(fx.project, { within: 'turn' }, audit, md);
    expect(passages.map((p) => [p.doc, p.speaker])).toEqual([
      ['north-2', 'Priya'],
      ['north-2', 'José'],
    ]);
    expect(passages[0]!.text).toBe('Audits take our time. The paperwork never ends.');
    const trustDiag = cooccurrencePassages(fx.project, { within: 'turn' }, md, md);
    expect(trustDiag).toHaveLength(2);
  });
});
