import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { defineAttribute, listAttributeDefs, listAttributes, setAttribute } from '../../db/attributes';
import { expectNothingWritten, expectOneUndoableStep } from './undo';

afterEach(cleanupTempDirs);

describe('declaring an attribute before it has values', () => {
  it('adds an empty typed attribute as one undoable step, which later values must fit', () => {
    const p = newProject();
    const doc = addTextDocument(p, 'north', FOCUS_GROUP);
    expectOneUndoableStep(p, () => defineAttribute(p, 'document', '  sessions ', 'number'));
    expect(listAttributeDefs(p).map((d) => [d.scope, d.name, d.type, d.values])).toEqual([
      ['document', 'sessions', 'number', 0],
    ]);
    expect(() => setAttribute(p, 'document', doc, 'sessions', 'four')).toThrow(/sessions is a number/);
    setAttribute(p, 'document', doc, 'sessions', '4');
    expect(listAttributes(p).map((a) => [a.name, a.type, a.value])).toEqual([['sessions', 'number', '4']]);
  });

  it('refuses a name already taken in that scope, whatever the letter case, but not in the other scope', () => {
    const p = newProject();
    defineAttribute(p, 'speaker', 'role', 'text');
    expectNothingWritten(
      p,
      () => defineAttribute(p, 'speaker', 'Role', 'number'),
      /named "role" already exists/,
    );
    defineAttribute(p, 'document', 'Role', 'text');
    expect(listAttributeDefs(p).map((d) => [d.scope, d.name])).toEqual([
      ['document', 'Role'],
      ['speaker', 'role'],
    ]);
  });
});
