import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { deleteGroup, getGroup, listGroups, renameGroup, setDocumentGroups } from '../../db/groups';
import { listDocuments } from '../../db/documents';
import { createHandlers, dispatch } from '../../db/handlers';
import { checkProject } from '../../db/check';
import type { Project } from '../../db/project';

afterEach(cleanupTempDirs);

/** Two towns sharing document A2, so a delete shows what stays grouped. */
function towns(): { p: Project; townA: number; townB: number } {
  const p = newProject();
  addTextDocument(p, 'A1', FOCUS_GROUP, ['Town A']);
  addTextDocument(p, 'A2', FOCUS_GROUP, ['Town A', 'Town B']);
  addTextDocument(p, 'B1', FOCUS_GROUP, ['Town B']);
  const id = (name: string) => listGroups(p).find((g) => g.name === name)!.id;
  return { p, townA: id('Town A'), townB: id('Town B') };
}

const groupsOf = (p: Project) => listDocuments(p).map((d) => [d.name, d.groups]);
const rows = (p: Project) => ({
  groups: p.db.prepare('SELECT * FROM doc_groups ORDER BY id').all(),
  members: p.db.prepare('SELECT * FROM group_members ORDER BY id').all(),
});

describe('document groups', () => {
  it('renames a group, trimmed, and its documents follow', () => {
    const { p, townA } = towns();
    renameGroup(p, townA, '  Harbour town ');
    expect(getGroup(p, townA)).toMatchObject({ name: 'Harbour town', documents: 2 });
    expect(groupsOf(p)).toEqual([
      ['A1', ['Harbour town']],
      ['A2', ['Harbour town', 'Town B']],
      ['B1', ['Town B']],
    ]);
    expect(p.history.peekUndo()?.label).toBe('Rename group "Town A" to "Harbour town"');
  });

  it('refuses an empty name or another group’s name in any case, naming the clash, and changes nothing', () => {
    const { p, townA } = towns();
    const before = rows(p);
    const steps = p.history.peekUndo()?.id;
    expect(() => renameGroup(p, townA, '   ')).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: 'A group name cannot be empty.' }),
    );
    expect(() => renameGroup(p, townA, ' town b ')).toThrow(
      expect.objectContaining({ code: 'conflict', message: 'A group named "Town B" already exists.' }),
    );
    expect(() => renameGroup(p, 9999, 'Nowhere')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(rows(p)).toEqual(before);
    expect(p.history.peekUndo()?.id).toBe(steps);
  });

  it('stores runs of spaces as one, however the group is named, and refuses empty names alike', () => {
    const { p, townA, townB } = towns();
    renameGroup(p, townB, 'Harbour   town');
    expect(getGroup(p, townB).name).toBe('Harbour town');
    const a1 = listDocuments(p).find((d) => d.name === 'A1')!.id;
    setDocumentGroups(p, a1, ['Town  A', ' harbour  town ']);
    expect(listGroups(p).map((g) => g.name)).toEqual(['Harbour town', 'Town A']);
    expect(listDocuments(p).find((d) => d.id === a1)!.groups).toEqual(['Harbour town', 'Town A']);
    expect(getGroup(p, townA).documents).toBe(2);
    expect(() => setDocumentGroups(p, a1, ['  '])).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: 'A group name cannot be empty.' }),
    );
  });

  it('allows a change of letter case only, and records nothing for the same name', () => {
    const { p, townA } = towns();
    renameGroup(p, townA, 'TOWN A');
    expect(getGroup(p, townA).name).toBe('TOWN A');
    const step = p.history.peekUndo()?.id;
    renameGroup(p, townA, ' TOWN A ');
    expect(p.history.peekUndo()?.id).toBe(step);
  });

  it('deletes a group and its memberships but keeps every document', () => {
    const { p, townA } = towns();
    deleteGroup(p, townA);
    expect(listGroups(p).map((g) => [g.name, g.documents])).toEqual([['Town B', 2]]);
    expect(groupsOf(p)).toEqual([
      ['A1', []],
      ['A2', ['Town B']],
      ['B1', ['Town B']],
    ]);
    expect(p.db.prepare('SELECT count(*) FROM group_members WHERE group_id = ?').pluck().get(townA)).toBe(0);
    expect(checkProject(p).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(() => deleteGroup(p, townA)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('deletes an empty group', () => {
    const { p, townB } = towns();
    for (const d of listDocuments(p)) setDocumentGroups(p, d.id, []);
    expect(getGroup(p, townB).documents).toBe(0);
    deleteGroup(p, townB);
    expect(listGroups(p).map((g) => g.name)).toEqual(['Town A']);
  });

  it('undoes and redoes a rename and a delete exactly, memberships included', () => {
    const { p, townA } = towns();
    const before = rows(p);
    renameGroup(p, townA, 'Harbour town');
    deleteGroup(p, townA);
    expect(p.history.peekUndo()?.label).toBe('Delete group "Harbour town"');
    p.history.undo();
    expect(getGroup(p, townA)).toMatchObject({ name: 'Harbour town', documents: 2 });
    p.history.undo();
    expect(rows(p)).toEqual(before);
    p.history.redo();
    p.history.redo();
    expect(listGroups(p).map((g) => g.name)).toEqual(['Town B']);
    expect(groupsOf(p)[0]).toEqual(['A1', []]);
  });
});

describe('document groups through the contract', () => {
  it('renames and deletes by id, with the core’s refusals as typed errors', async () => {
    const { p, townA, townB } = towns();
    const handlers = createHandlers(p);
    expect(await dispatch(handlers, 'groups.rename', { id: townA, name: 'Harbour town' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(handlers, 'groups.rename', { id: townB, name: 'harbour TOWN' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A group named "Harbour town" already exists.' },
    });
    expect(await dispatch(handlers, 'groups.delete', { id: townB })).toEqual({ ok: true, value: null });
    const list = await dispatch(handlers, 'groups.list', {});
    expect(list.ok && list.value).toEqual([
      { id: townA, name: 'Harbour town', description: '', documents: 2 },
    ]);
    expect(await dispatch(handlers, 'groups.delete', { id: townB })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('rejects malformed arguments before they reach the core', async () => {
    const { p, townA } = towns();
    const handlers = createHandlers(p);
    const before = rows(p);
    for (const [name, args] of [
      ['groups.rename', { id: townA, name: '   ' }],
      ['groups.rename', { id: townA, name: 'x'.repeat(501) }],
      ['groups.rename', { id: townA }],
      ['groups.rename', { id: -1, name: 'A' }],
      ['groups.rename', { id: townA, name: 'A', description: 'extra' }],
      ['groups.delete', { id: '1' }],
      ['groups.delete', { id: 1.5 }],
      ['groups.delete', { id: townA, cascade: true }],
      ['groups.delete', {}],
    ] as const) {
      const r = await dispatch(handlers, name, args);
      expect(r, `${name} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringContaining(`Bad arguments for ${name}`) },
      });
    }
    expect(rows(p)).toEqual(before);
  });
});
