import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import {
  createCode,
  deleteCode,
  findCode,
  listCodes,
  mergeCode,
  moveCode,
  recolorCode,
  renameCode,
} from '../../db/codes';
import { addCoding, addCodings, listCodings } from '../../db/codings';
import { saveMemo, getMemo } from '../../db/memos';

afterEach(cleanupTempDirs);

describe('codebook', () => {
  it('keeps a tree with paths, positions and unique sibling names', () => {
    const p = newProject();
    const md = createCode(p, {
      name: 'Managerial domination',
      color: '#e6194b',
      description: 'Targets over care',
    });
    const rel = createCode(p, { name: 'Authentic relationships' });
    createCode(p, { name: 'Targets', parentId: md });
    createCode(p, { name: 'Targets', parentId: rel }); // same name, different parent: allowed
    expect(() => createCode(p, { name: 'targets', parentId: md })).toThrow(/already exists/);
    expect(() => createCode(p, { name: '  ' })).toThrow(/empty/);
    createCode(p, { name: 'Either / or' }); // other tools allow "/" in names; lookups match whole paths first
    expect(() => createCode(p, { name: 'X', color: 'red' })).toThrow(/colour/);
    expect(listCodes(p).map((c) => [c.path, c.color])).toEqual([
      ['Managerial domination', '#E6194B'],
      ['Managerial domination/Targets', expect.stringMatching(/^#[0-9A-F]{6}$/)],
      ['Authentic relationships', expect.stringMatching(/^#[0-9A-F]{6}$/)],
      ['Authentic relationships/Targets', expect.stringMatching(/^#[0-9A-F]{6}$/)],
      ['Either / or', expect.stringMatching(/^#[0-9A-F]{6}$/)],
    ]);
    expect(findCode(p, 'either / or')?.name).toBe('Either / or');
    expect(() => findCode(p, 'Targets')).toThrow(/several codes/);
    expect(findCode(p, 'managerial domination/targets')?.parentId).toBe(md);
  });

  it('reorders and reparents, refusing cycles and name clashes', () => {
    const p = newProject();
    const a = createCode(p, { name: 'A' });
    const b = createCode(p, { name: 'B' });
    const c = createCode(p, { name: 'C' });
    moveCode(p, c, null, 0);
    expect(listCodes(p).map((x) => x.name)).toEqual(['C', 'A', 'B']);
    moveCode(p, b, a);
    const a1 = createCode(p, { name: 'B' }); // top-level B again
    expect(() => moveCode(p, a1, a)).toThrow(/already exists/);
    expect(() => moveCode(p, a, b)).toThrow(/inside itself/);
    expect(listCodes(p).map((x) => x.path)).toEqual(['C', 'A', 'A/B', 'B']);
    renameCode(p, a, 'Alpha');
    recolorCode(p, a, '#00ff00');
    expect(listCodes(p).find((x) => x.id === a)).toMatchObject({ path: 'Alpha', color: '#00FF00' });
  });

  it('merges codings, collapsing duplicates, and moves sub-codes and memos', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'Northgate 1', FOCUS_GROUP);
    const trust = createCode(p, { name: 'Trust' });
    const honesty = createCode(p, { name: 'Honesty' });
    const sub = createCode(p, { name: 'Workers who stay', parentId: honesty });
    addCodings(p, [
      { documentId: doc, codeId: trust, start: 10, end: 20 },
      { documentId: doc, codeId: honesty, start: 10, end: 20 },
      { documentId: doc, codeId: honesty, start: 30, end: 40 },
    ]);
    saveMemo(p, 'code', honesty, 'Honesty memo');
    saveMemo(p, 'code', trust, 'Trust memo');
    mergeCode(p, honesty, trust);
    expect(listCodings(p, doc).map((c) => [c.codeId, c.start])).toEqual([
      [trust, 10],
      [trust, 30],
    ]);
    expect(listCodes(p).map((c) => c.path)).toEqual(['Trust', 'Trust/Workers who stay']);
    expect(listCodes(p).find((c) => c.id === sub)?.parentId).toBe(trust);
    expect(getMemo(p, 'code', trust)?.contentText).toContain('Honesty memo');
    expect(() => mergeCode(p, trust, sub)).toThrow(/own sub-code/);
  });

  it('deletes a code with its sub-codes and codings', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'd', FOCUS_GROUP);
    const a = createCode(p, { name: 'A' });
    const b = createCode(p, { name: 'B', parentId: a });
    addCoding(p, { documentId: doc, codeId: b, start: 0, end: 5 });
    deleteCode(p, a);
    expect(listCodes(p)).toEqual([]);
    expect(listCodings(p, doc)).toEqual([]);
  });
});

describe('codings', () => {
  it('allows overlaps, never duplicates the same code and range, and validates ranges', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'Northgate 1', FOCUS_GROUP);
    const a = createCode(p, { name: 'A' });
    const b = createCode(p, { name: 'B' });
    expect(addCoding(p, { documentId: doc, codeId: a, start: 10, end: 50 }).added).toBe(1);
    expect(addCoding(p, { documentId: doc, codeId: b, start: 30, end: 70 }).added).toBe(1);
    expect(addCoding(p, { documentId: doc, codeId: a, start: 10, end: 50 })).toMatchObject({
      added: 0,
      existing: 1,
    });
    expect(() => addCoding(p, { documentId: doc, codeId: a, start: 5, end: 5 })).toThrow(/not inside/);
    expect(() => addCoding(p, { documentId: doc, codeId: a, start: 0, end: FOCUS_GROUP.length + 1 })).toThrow(
      /not inside/,
    );
    expect(() => addCoding(p, { documentId: 999, codeId: a, start: 0, end: 1 })).toThrow(/No document/);
    expect(() => addCoding(p, { documentId: doc, codeId: 999, start: 0, end: 1 })).toThrow(/No code/);
    const coding = listCodings(p, doc)[0]!;
    expect(coding.coder).toBe('tester');
  });

  it('writes nothing when one coding of a batch is bad', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'd', FOCUS_GROUP);
    const a = createCode(p, { name: 'A' });
    expect(() =>
      addCodings(p, [
        { documentId: doc, codeId: a, start: 0, end: 5 },
        { documentId: doc, codeId: a, start: 0, end: 1e9 },
      ]),
    ).toThrow(/item 2/);
    expect(listCodings(p, doc)).toEqual([]);
    expect(p.history.peekUndo()?.label).toBe('Create code "A"');
  });
});
