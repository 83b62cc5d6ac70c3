import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import {
  changeAttributeType,
  checkAttributeValue,
  convertAttributeValue,
  deleteAttribute,
  dropAttribute,
  listAttributeDefs,
  listAttributes,
  renameAttribute,
  setAttribute,
  setAttributes,
} from '../../db/attributes';
import { expectNothingWritten, expectOneUndoableStep } from './undo';

afterEach(cleanupTempDirs);

function setup() {
  const p = newProject();
  const doc = addTextDocument(p, 'north', FOCUS_GROUP);
  const doc2 = addTextDocument(p, 'east', 'Priya: hello there\n');
  const sam = p.db.prepare("SELECT id FROM speakers WHERE name = 'Sam (Police)'").pluck().get() as number;
  return { p, doc, doc2, sam };
}

const values = (p: ReturnType<typeof setup>['p']) =>
  listAttributes(p).map((a) => [a.scope, a.target, a.name, a.type, a.value]);

describe('typed attributes', () => {
  it('sets several values as one undoable step, checking and normalising by type', () => {
    const { p, doc } = setup();
    expectOneUndoableStep(p, () =>
      setAttributes(p, 'document', doc, [
        { name: 'site', value: 'Northgate' },
        { name: 'size', value: ' 12 ' },
      ]),
    );
    setAttribute(p, 'document', doc, 'recorded', '2026-03-12', 'date');
    setAttribute(p, 'document', doc, 'pilot', 'Yes', 'boolean');
    expect(values(p)).toEqual([
      ['document', 'north', 'pilot', 'boolean', 'true'],
      ['document', 'north', 'recorded', 'date', '2026-03-12'],
      ['document', 'north', 'site', 'text', 'Northgate'],
      ['document', 'north', 'size', 'text', ' 12 '],
    ]);
    expectNothingWritten(p, () => setAttribute(p, 'document', doc, 'recorded', '2026-02-30'), /is a date/);
    expectNothingWritten(
      p,
      () =>
        setAttributes(p, 'document', doc, [
          { name: 'site', value: 'Eastbridge' },
          { name: 'pilot', value: 'maybe' },
        ]),
      /pilot is yes\/no; "maybe" is neither/,
    );
  });

  it('edits and deletes one value, and drops an attribute everywhere', () => {
    const { p, doc, doc2 } = setup();
    setAttribute(p, 'document', doc, 'site', 'Northgate');
    setAttribute(p, 'document', doc2, 'site', 'Eastbridge');
    expectOneUndoableStep(p, () => setAttribute(p, 'document', doc, 'site', 'North'));
    expectOneUndoableStep(p, () => deleteAttribute(p, 'document', doc, 'SITE'));
    expect(values(p)).toEqual([['document', 'east', 'site', 'text', 'Eastbridge']]);
    expect(() => deleteAttribute(p, 'document', doc, 'site')).toThrow(/has no value for "site"/);
    expect(() => deleteAttribute(p, 'document', doc, 'colour')).toThrow(
      /No document attribute named "colour"/,
    );
    expectOneUndoableStep(p, () => dropAttribute(p, 'document', 'site'));
    expect(listAttributeDefs(p)).toEqual([]);
  });

  it('renames an attribute, refusing a name already taken', () => {
    const { p, doc, sam } = setup();
    setAttribute(p, 'document', doc, 'site', 'Northgate');
    setAttribute(p, 'document', doc, 'town', 'Northgate');
    setAttribute(p, 'speaker', sam, 'site', 'HQ');
    expectOneUndoableStep(p, () => renameAttribute(p, 'document', 'site', 'Location'));
    expect(listAttributeDefs(p).map((d) => [d.scope, d.name])).toEqual([
      ['document', 'Location'],
      ['document', 'town'],
      ['speaker', 'site'],
    ]);
    expectNothingWritten(
      p,
      () => renameAttribute(p, 'document', 'location', 'TOWN'),
      /named "town" already exists/,
    );
    renameAttribute(p, 'document', 'location', 'LOCATION');
    expect(listAttributeDefs(p, 'document')[0]!.name).toBe('LOCATION');
  });

  it('changes type converting every value, or refuses naming the values that do not fit', () => {
    const { p, doc, doc2 } = setup();
    setAttribute(p, 'document', doc, 'size', '12');
    setAttribute(p, 'document', doc2, 'size', '7.5');
    expectOneUndoableStep(p, () => changeAttributeType(p, 'document', 'size', 'number'));
    expect(listAttributes(p).map((a) => [a.type, a.value])).toEqual([
      ['number', '7.5'],
      ['number', '12'],
    ]);
    expectNothingWritten(
      p,
      () => changeAttributeType(p, 'document', 'size', 'date'),
      /Cannot make "size" a date attribute: 2 value\(s\) do not fit: east \("7.5"\), north \("12"\)/,
    );
    setAttribute(p, 'document', doc, 'pilot', 'yes', 'boolean');
    setAttribute(p, 'document', doc2, 'pilot', 'no');
    changeAttributeType(p, 'document', 'pilot', 'number');
    expect(
      listAttributes(p)
        .filter((a) => a.name === 'pilot')
        .map((a) => a.value),
    ).toEqual(['0', '1']);
    changeAttributeType(p, 'document', 'pilot', 'boolean');
    changeAttributeType(p, 'document', 'pilot', 'text');
    expect(
      listAttributes(p)
        .filter((a) => a.name === 'pilot')
        .map((a) => a.value),
    ).toEqual(['no', 'yes']);
  });

  it('converts single values sensibly', () => {
    expect(convertAttributeValue('number', 'text', 'n', '3')).toBe('3');
    expect(convertAttributeValue('text', 'boolean', 'b', 'Y')).toBe('true');
    expect(convertAttributeValue('date', 'text', 'd', '2026-01-31')).toBe('2026-01-31');
    expect(() => convertAttributeValue('date', 'number', 'd', '2026-01-31')).toThrow(/is a number/);
    expect(checkAttributeValue('date', 'd', '2024-02-29')).toBe('2024-02-29');
    expect(() => checkAttributeValue('date', 'd', '2023-02-29')).toThrow(/is a date/);
  });
});
