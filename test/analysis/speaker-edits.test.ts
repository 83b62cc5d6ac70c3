import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, newProject } from '../helpers/project';
import { mergeSpeakers, renameSpeaker } from '../../db/speaker-edits';
import { listSpeakers } from '../../db/speakers';
import { listAttributes, setAttribute } from '../../db/attributes';
import { computeMatrix } from '../../db/analysis';
import { expectNothingWritten, expectOneUndoableStep } from './undo';

afterEach(cleanupTempDirs);

function setup() {
  const p = newProject();
  addTextDocument(p, 'one', 'Jo: I said this.\n\nSam: And I said that.\n');
  addTextDocument(p, 'two', 'Jo B.: Hello again.\n\nSam: Welcome back.\n\nJo B.: Thanks.\n');
  const id = (name: string) =>
    p.db.prepare('SELECT id FROM speakers WHERE name = ?').pluck().get(name) as number;
  return { p, jo: id('Jo'), joB: id('Jo B.'), sam: id('Sam') };
}

describe('speaker edits', () => {
  it('renames a speaker everywhere as one undoable step, keeping the transcript text', () => {
    const { p, jo } = setup();
    expectOneUndoableStep(p, () => renameSpeaker(p, jo, '  Jo   Bloggs '));
    expect(listSpeakers(p).map((s) => s.name)).toEqual(['Jo B.', 'Jo Bloggs', 'Sam']);
    expect(p.db.prepare("SELECT text FROM documents WHERE name = 'one'").pluck().get()).toMatch(
      /^Jo: I said/,
    );
    renameSpeaker(p, jo, 'JO BLOGGS');
    expect(listSpeakers(p).map((s) => s.name)).toContain('JO BLOGGS');
  });

  it('refuses a name another speaker has, suggesting a merge', () => {
    const { p, jo } = setup();
    expectNothingWritten(
      p,
      () => renameSpeaker(p, jo, 'sam'),
      /"Sam" already exists; merge "Jo" into "Sam" instead/,
    );
    expectNothingWritten(p, () => renameSpeaker(p, jo, '  '), /cannot be empty/);
  });

  it('merges speakers: turns move, the target wins attribute conflicts, which are reported', () => {
    const { p, jo, joB, sam } = setup();
    setAttribute(p, 'speaker', jo, 'role', 'Housing');
    setAttribute(p, 'speaker', jo, 'years', '4', 'number');
    setAttribute(p, 'speaker', jo, 'town', 'Leeds');
    setAttribute(p, 'speaker', joB, 'role', 'Police');
    setAttribute(p, 'speaker', joB, 'town', 'Leeds');
    const r = expectOneUndoableStep(p, () => mergeSpeakers(p, joB, jo));
    expect(r).toEqual({
      from: 'Jo B.',
      into: 'Jo',
      turns: 2,
      attributesAdded: [],
      conflicts: [{ name: 'role', kept: 'Housing', dropped: 'Police' }],
    });
    expect(listSpeakers(p).map((s) => [s.name, s.turns, s.documents])).toEqual([
      ['Jo', 3, 2],
      ['Sam', 2, 2],
    ]);
    expect(listAttributes(p, 'speaker').map((a) => [a.target, a.name, a.value])).toEqual([
      ['Jo', 'role', 'Housing'],
      ['Jo', 'town', 'Leeds'],
      ['Jo', 'years', '4'],
    ]);
    const m = computeMatrix(p, { columns: { kind: 'speaker' } });
    expect(m.cols.map((c) => c.label)).toEqual(['Jo', 'Sam']);
    expect(() => mergeSpeakers(p, sam, sam)).toThrow(/into itself/);
  });

  it('takes over attributes the target lacks', () => {
    const { p, jo, joB } = setup();
    setAttribute(p, 'speaker', joB, 'role', 'Police', 'text');
    const r = mergeSpeakers(p, joB, jo);
    expect(r.attributesAdded).toEqual(['role']);
    expect(listAttributes(p, 'speaker').map((a) => [a.target, a.value])).toEqual([['Jo', 'Police']]);
    expect(() => mergeSpeakers(p, joB, jo)).toThrow(/No speaker with id/);
  });
});
