import type { Database } from 'better-sqlite3';

// Indexes that answer the hot whole-project reads without touching the tables (measured on 9M words and
// 200,000 codings):
// - analysis loads every coding and every turn in document order: from the table that needs a sort of
//   200,000 rows (~300 ms); these wider indexes replace the (document_id, start) ones and hand the rows
//   over already sorted (~60 ms). Lookups by document use them as before.
// - a document's columns after its text (words, format, hash...) are only reachable by walking the text's
//   overflow pages, so listing 300 documents read all 64 MB of text (~85 ms); a summary index holds them.
// - the speaker list sums each speaker's turns and words: from the speaker index plus a table lookup per
//   turn (~50 ms for 175,000 turns); the wider index answers it alone.
export function migrate003CoveringIndexes(db: Database): void {
  db.exec(`
    DROP INDEX codings_document;
    CREATE INDEX codings_document_range ON codings(document_id, start, end, code_id, coder_id);
    DROP INDEX turns_document_start;
    CREATE INDEX turns_document_range ON turns(document_id, start, end, body_start, speaker_id);
    DROP INDEX turns_speaker;
    CREATE INDEX turns_speaker_words ON turns(speaker_id, document_id, words);
    CREATE INDEX documents_summary
      ON documents(name, words, format, encoding, original_name, imported_at, content_hash);
  `);
}
