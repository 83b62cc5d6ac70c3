// Analysis keeps the project's codings and turns in memory between queries (db/analysis/data.ts): every
// kind of change, from this connection or another, must be seen by the next query.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/project';
import { buildFixture, rangeOf, CODINGS } from './fixture';
import { computeCooccurrence, computeMatrix } from '../../db/analysis';
import { addCoding, removeCodings } from '../../db/codings';
import { mergeSpeakers } from '../../db/speaker-edits';
import { deleteDocument } from '../../db/documents';
import { Project } from '../../db/project';

afterEach(cleanupTempDirs);

const bySpeaker = (p: Project, measure: 'codings' | 'words' = 'codings') =>
  computeMatrix(p, { columns: { kind: 'speaker' }, measure });

describe('analysis data cache', () => {
  it('sees codings added, removed, undone and redone', () => {
    const { project: p, docId, codeId } = buildFixture();
    const before = bySpeaker(p).total;
    const words = bySpeaker(p, 'words').total;
    const spec = CODINGS.find((c) => c.doc === 'east-1')!;
    const other = Object.values(codeId).find((id) => id !== codeId[spec.code])!;
    const { ids } = addCoding(p, { documentId: docId['east-1']!, codeId: other, ...rangeOf(spec) });
    expect(bySpeaker(p).total).toBe(before + 1);
    p.history.undo();
    expect(bySpeaker(p).total).toBe(before);
    p.history.redo();
    expect(bySpeaker(p).total).toBe(before + 1);
    removeCodings(p, ids);
    expect(bySpeaker(p).total).toBe(before);
    expect(bySpeaker(p, 'words').total).toBe(words);
    p.close();
  });

  it('computes after a change what a fresh connection computes, with unchanged rows reused', () => {
    const { project: p, docId, codeId } = buildFixture();
    const all = (q: Project) => [
      bySpeaker(q),
      bySpeaker(q, 'words'),
      computeCooccurrence(q, { within: 'turn' }),
      computeCooccurrence(q, { within: 'overlap' }),
    ];
    all(p);
    const spec = CODINGS.find((c) => c.doc === 'east-1')!;
    const other = Object.values(codeId).find((id) => id !== codeId[spec.code])!;
    addCoding(p, { documentId: docId['east-1']!, codeId: other, ...rangeOf(spec) });
    all(p);
    // Resized and recoded in place: same ids, different rows.
    p.db.prepare('UPDATE codings SET end = end - 3 WHERE id = (SELECT min(id) FROM codings)').run();
    const third = Object.values(codeId).find((id) => id !== other && id !== codeId[spec.code])!;
    p.db.prepare('UPDATE codings SET code_id = ? WHERE id = (SELECT max(id) FROM codings)').run(third);
    const fresh = Project.open(p.path, { lock: 'none' });
    expect(all(p)).toEqual(all(fresh));
    fresh.close();
    p.close();
  });

  it('sees speakers merged and documents deleted', () => {
    const { project: p, docId, speakerId } = buildFixture();
    const cols = bySpeaker(p).cols.length;
    mergeSpeakers(p, speakerId['Jo']!, speakerId['Priya']!);
    expect(bySpeaker(p).cols.length).toBe(cols - 1);
    const turnPairs = computeCooccurrence(p, { within: 'turn' })
      .cells.flat()
      .reduce((a, b) => a + b, 0);
    deleteDocument(p, docId['north-2']!);
    expect(
      computeCooccurrence(p, { within: 'turn' })
        .cells.flat()
        .reduce((a, b) => a + b, 0),
    ).toBeLessThan(turnPairs);
    p.close();
  });

  it('sees a change committed by another connection to the same file', () => {
    const { project: p, docId, codeId } = buildFixture();
    const before = bySpeaker(p).total;
    const other = Project.open(p.path, { lock: 'none' });
    const spec = CODINGS.find((c) => c.doc === 'north-1')!;
    const code = Object.values(codeId).find((id) => id !== codeId[spec.code])!;
    addCoding(other, { documentId: docId['north-1']!, codeId: code, ...rangeOf(spec) });
    other.close();
    expect(bySpeaker(p).total).toBeGreaterThan(before);
    p.close();
  });
});
