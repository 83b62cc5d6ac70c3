// Text from the renderer may hold lone UTF-16 surrogates (a paste cut mid-emoji). SQLite cannot store
// them and writes replacement characters instead, so the core must see the text it will store.
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../db/handlers';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';

afterEach(cleanupTempDirs);

describe('text with lone surrogates', () => {
  it('is stored as the core saw it, so uniqueness and undo hold', async () => {
    const project = newProject();
    addTextDocument(project, 'A1', FOCUS_GROUP, ['Town A']);
    const handlers = createHandlers(project);
    expect(
      await dispatch(handlers, 'codes.create', { name: 'Trust \ud800', color: '#112233' }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await dispatch(handlers, 'codes.create', { name: 'Trust \udc00', color: '#112233' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const group = project.db.prepare('SELECT id FROM doc_groups').pluck().get() as number;
    expect(await dispatch(handlers, 'groups.rename', { id: group, name: 'Town \udbff B' })).toEqual({
      ok: true,
      value: null,
    });
    const stored = () => project.db.prepare('SELECT name FROM doc_groups').pluck().get();
    expect(stored()).toBe('Town \ufffd B');
    await dispatch(handlers, 'history.undo', {});
    expect(stored()).toBe('Town A');
    await dispatch(handlers, 'history.redo', {});
    expect(stored()).toBe('Town \ufffd B');
    project.close();
  });
});
