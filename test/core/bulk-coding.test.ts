import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { createCode } from '../../db/codes';
import { addCoding, addCodings, listCodings, type NewCoding } from '../../db/codings';
import { newGuid } from '../../db/sql';

afterEach(cleanupTempDirs);

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function project() {
  const p = newProject();
  const doc = addTextDocument(p, 'Northgate 1', FOCUS_GROUP);
  const code = createCode(p, { name: 'Targets' });
  const other = createCode(p, { name: 'Trust' });
  const third = createCode(p, { name: 'Care' });
  return { p, doc, code, other, third };
}

// A batch of 1,000 or more takes the bulk path (insert trigger dropped, index-ordered inserts).
function bigBatch(doc: number, codes: number[]): NewCoding[] {
  const out: NewCoding[] = [];
  for (let i = 0; i < 400; i++)
    for (const codeId of codes) out.push({ documentId: doc, codeId, start: i, end: i + 5 });
  return out.reverse();
}

describe('batch coding', () => {
  it('undoes and redoes a bulk batch as one step, and single codings stay undoable after it', () => {
    const { p, doc, code, other, third } = project();
    const r = addCodings(p, bigBatch(doc, [code, other, third]));
    expect(r.added).toBe(1200);
    expect(new Set(r.ids).size).toBe(1200);
    p.history.undo();
    expect(listCodings(p, doc)).toHaveLength(0);
    p.history.redo();
    expect(listCodings(p, doc)).toHaveLength(1200);

    // The row trigger is back: a later single coding is recorded and undone on its own.
    addCoding(p, { documentId: doc, codeId: code, start: 420, end: 440 });
    expect(listCodings(p, doc)).toHaveLength(1201);
    p.history.undo();
    expect(listCodings(p, doc)).toHaveLength(1200);
  });

  it('writes nothing and keeps undo working when a bulk batch fails half-way', () => {
    const { p, doc, code } = project();
    const batch = bigBatch(doc, [code, code, code]);
    batch.push({ documentId: doc, codeId: code, start: 10, end: 1e9 });
    expect(() => addCodings(p, batch)).toThrow(/not inside the document/);
    expect(listCodings(p, doc)).toHaveLength(0);
    addCoding(p, { documentId: doc, codeId: code, start: 1, end: 9 });
    p.history.undo();
    expect(listCodings(p, doc)).toHaveLength(0);
  });

  it('counts a range ending past the code-point length but inside the UTF-16 length as inside', () => {
    const p = newProject();
    const text = 'Facilitator: 🎉🎉🎉 great';
    const doc = addTextDocument(p, 'Emoji', text);
    const code = createCode(p, { name: 'Joy' });
    expect(
      addCoding(p, { documentId: doc, codeId: code, start: text.length - 5, end: text.length }).added,
    ).toBe(1);
    expect(() => addCoding(p, { documentId: doc, codeId: code, start: 0, end: text.length + 1 })).toThrow(
      /not inside/,
    );
  });

  it('gives new rows time-ordered version 7 UUIDs', () => {
    const guids = Array.from({ length: 5000 }, () => newGuid());
    for (const g of guids) expect(g).toMatch(UUID_V7);
    expect(new Set(guids).size).toBe(guids.length);
    expect([...guids].sort()).toEqual(guids);
  });
});
