import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import {
  createCode,
  deleteCode,
  listCodes,
  mergeCode,
  moveCode,
  recolorCode,
  renameCode,
  describeCode,
} from '../../db/codes';
import { addCoding, listCodings, removeCodings, setCodingMemo } from '../../db/codings';
import { saveMemo, getMemo } from '../../db/memos';
import { setAttribute, listAttributes } from '../../db/attributes';
import { deleteDocument, listDocuments, renameDocument } from '../../db/documents';
import { Project } from '../../db/project';

afterEach(cleanupTempDirs);

/** Every domain table's rows, for before/after comparison. */
function snapshot(p: Project): Record<string, unknown[]> {
  const tables = [
    'documents',
    'doc_groups',
    'group_members',
    'speakers',
    'turns',
    'codes',
    'codings',
    'coders',
    'memos',
    'attribute_defs',
    'attribute_values',
  ];
  return Object.fromEntries(tables.map((t) => [t, p.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function expectUndoable(p: Project, act: () => void): void {
  const before = snapshot(p);
  act();
  const after = snapshot(p);
  expect(after).not.toEqual(before);
  p.history.undo();
  expect(snapshot(p)).toEqual(before);
  p.history.redo();
  expect(snapshot(p)).toEqual(after);
}

describe('undo and redo', () => {
  it('reverts and replays every kind of mutation exactly', () => {
    const p = newProject();
    expectUndoable(p, () => addTextDocument(p, 'Northgate 1', FOCUS_GROUP, ['Northgate']));
    const doc = listDocuments(p)[0]!.id;
    let targets = 0;
    expectUndoable(
      p,
      () => (targets = createCode(p, { name: 'Targets', description: 'Managerial domination' })),
    );
    const trust = createCode(p, { name: 'Trust' });
    expectUndoable(p, () => renameCode(p, targets, 'Managerial targets'));
    expectUndoable(p, () => recolorCode(p, targets, '#123456'));
    expectUndoable(p, () => describeCode(p, targets, 'When targets override care'));
    expectUndoable(p, () => moveCode(p, trust, targets));
    expectUndoable(p, () => addCoding(p, { documentId: doc, codeId: targets, start: 100, end: 140 }));
    const coding = listCodings(p, doc)[0]!.id;
    expectUndoable(p, () => setCodingMemo(p, coding, 'Key quote for the paper'));
    expectUndoable(p, () => saveMemo(p, 'project', 0, 'Journal: first pass done', '{"root":{}}'));
    expectUndoable(p, () => saveMemo(p, 'code', targets, 'Code memo'));
    expectUndoable(p, () => setAttribute(p, 'document', doc, 'site', 'Northgate'));
    expectUndoable(p, () => renameDocument(p, doc, 'Northgate session 1'));
    addCoding(p, { documentId: doc, codeId: trust, start: 100, end: 140 });
    expectUndoable(p, () => mergeCode(p, trust, targets));
    expectUndoable(p, () => removeCodings(p, [coding]));
    expectUndoable(p, () => deleteCode(p, targets));
    expectUndoable(p, () => deleteDocument(p, doc));
  });

  it('undoes deleting a code that has codings, sub-codes and a memo', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'Northgate 1', FOCUS_GROUP);
    const parent = createCode(p, { name: 'Authentic relationships' });
    const child = createCode(p, { name: 'Trust', parentId: parent });
    addCoding(p, { documentId: doc, codeId: parent, start: 10, end: 20 });
    addCoding(p, { documentId: doc, codeId: child, start: 30, end: 50, memo: 'why' });
    saveMemo(p, 'code', child, 'Trust memo');
    deleteCode(p, parent);
    expect(listCodes(p)).toHaveLength(0);
    expect(listCodings(p, doc)).toHaveLength(0);
    p.history.undo();
    expect(listCodes(p).map((c) => c.path)).toEqual([
      'Authentic relationships',
      'Authentic relationships/Trust',
    ]);
    expect(listCodings(p, doc).map((c) => c.memo)).toEqual([null, 'why']);
    expect(getMemo(p, 'code', child)?.contentText).toBe('Trust memo');
  });

  it('shares one history across connections (app and CLI) and drops the redo branch on a new change', () => {
    const p = newProject();
    createCode(p, { name: 'A' });
    createCode(p, { name: 'B' });
    p.close();
    const again = Project.open(p.path);
    expect(again.history.undo().label).toBe('Create code "B"');
    createCode(again, { name: 'C' });
    expect(again.history.peekRedo()).toBeUndefined();
    expect(listCodes(again).map((c) => c.name)).toEqual(['A', 'C']);
    expect(listAttributes(again)).toEqual([]);
    again.close();
  });

  it('reports when there is nothing to undo', () => {
    const p = newProject();
    expect(() => p.history.undo()).toThrow(/Nothing to undo/);
    expect(() => p.history.redo()).toThrow(/Nothing to redo/);
  });
});

describe('coalesced steps', () => {
  it('joins autosaves of the same memo into one undo step, but not across other changes', () => {
    const p = newProject();
    saveMemo(p, 'project', 0, 'First draft');
    saveMemo(p, 'project', 0, 'First draft, longer');
    saveMemo(p, 'project', 0, 'First draft, longer still');
    expect(p.db.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(1);
    p.history.undo();
    expect(getMemo(p, 'project')).toBeUndefined();
    p.history.redo();
    expect(getMemo(p, 'project')?.contentText).toBe('First draft, longer still');
    createCode(p, { name: 'A' });
    saveMemo(p, 'project', 0, 'After a code');
    saveMemo(p, 'code', listCodes(p)[0]!.id, 'Another memo');
    expect(p.db.prepare('SELECT count(*) FROM history_steps').pluck().get()).toBe(4);
    p.history.undo();
    p.history.undo();
    expect(getMemo(p, 'project')?.contentText).toBe('First draft, longer still');
  });
});
