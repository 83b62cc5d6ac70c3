import type { Database } from 'better-sqlite3';
import { buildTextMap } from '../document-cache';

// A second search index, over segments of each document instead of whole documents, so that a phrase
// found in 278 of 300 long documents is located by reading a few kilobytes around each hit rather than
// all the text. Segment j of document d (rowid d << 20 | j) covers text map checkpoints [16j, 16j + 16)
// and indexes two more (512 UTF-16 units), so every match up to that long starting in the segment lies
// wholly inside one row. documents_fts stays for check.ts and for documents without a text map.
export const SEGMENT_CHECKPOINTS = 16;
export const SEGMENT_OVERLAP_CHECKPOINTS = 2;
export const SEGMENT_ROWID_SHIFT = 20;

const segmentsOf = (row: 'new' | 'old') => `
  json_each(${row}.map, '$.bytes') j
  WHERE j.key % ${SEGMENT_CHECKPOINTS} = 0 AND j.key < json_array_length(${row}.map, '$.bytes') - 1`;
// The one-row subquery runs first, so the text is read once for all its segments.
const insertSegments = `
  INSERT INTO segments_fts(rowid, text)
  SELECT (new.id << ${SEGMENT_ROWID_SHIFT}) + j.key / ${SEGMENT_CHECKPOINTS},
    CAST(substr(d.b, abs(j.value) + 1,
      abs(coalesce(new.map ->> ('$.bytes[' || (j.key + ${SEGMENT_CHECKPOINTS + SEGMENT_OVERLAP_CHECKPOINTS}) || ']'),
        new.map ->> '$.bytes[#-1]')) - abs(j.value)) AS TEXT)
  FROM (SELECT CAST(text AS BLOB) AS b FROM documents WHERE id = new.id LIMIT 1) d, ${segmentsOf('new')};`;
const deleteSegments = `
  DELETE FROM segments_fts WHERE rowid IN (
    SELECT (old.id << ${SEGMENT_ROWID_SHIFT}) + j.key / ${SEGMENT_CHECKPOINTS} FROM ${segmentsOf('old')});`;

export function migrate002SearchSegments(db: Database): void {
  db.exec(`
    -- A document's text map (document-cache.ts), id being the document's. Its own table rather than a
    -- column of documents: a column after the text would be read by walking the text's overflow pages.
    -- Recorded for undo like the documents, and the segment index follows it through these triggers.
    CREATE TABLE text_maps (
      id INTEGER PRIMARY KEY REFERENCES documents(id),
      map TEXT NOT NULL
    ) STRICT;

    -- Letters, digits and marks are word characters, as in the search's own matching (shared/search-query.ts).
    CREATE VIRTUAL TABLE segments_fts USING fts5(
      text, content='', contentless_delete=1,
      tokenize="unicode61 remove_diacritics 2 categories 'L* N* M*'"
    );
    CREATE TRIGGER segments_fts_insert AFTER INSERT ON text_maps BEGIN ${insertSegments} END;
    CREATE TRIGGER segments_fts_delete AFTER DELETE ON text_maps BEGIN ${deleteSegments} END;
    CREATE TRIGGER segments_fts_update AFTER UPDATE ON text_maps BEGIN ${deleteSegments} ${insertSegments} END;
    -- A text changed in place loses its map: it is then searched and sliced whole, as before.
    CREATE TRIGGER text_maps_stale AFTER UPDATE OF text ON documents BEGIN
      DELETE FROM text_maps WHERE id = new.id;
    END;
  `);
  // Undo records written before this version add or remove documents without their text maps, which the
  // foreign key then refuses (undoing an old import) or leaves unmapped: history up to the last such step
  // is dropped; later steps (codings, memos, attributes) stay undoable.
  const cut = db
    .prepare(
      `SELECT max(step_id) FROM history_ops
       WHERE sql LIKE 'DELETE FROM documents %' OR sql LIKE 'INSERT INTO documents(%'`,
    )
    .pluck()
    .get() as number | null;
  if (cut !== null) {
    db.prepare('DELETE FROM history_ops WHERE step_id <= ?').run(cut);
    db.prepare('DELETE FROM history_steps WHERE id <= ?').run(cut);
  }
  const ids = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
  const textOf = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const insertMap = db.prepare('INSERT INTO text_maps(id, map) VALUES (?, ?)');
  for (const id of ids) insertMap.run(id, JSON.stringify(buildTextMap(textOf.get(id) as string)));
}
