import type { Database } from 'better-sqlite3';

// Every domain table has an INTEGER PRIMARY KEY so the undo log can address rows by rowid.
// Foreign keys have no CASCADE: deletions of children are explicit, so each one is recorded in history.
export function migrate001Initial(db: Database): void {
  db.exec(`
    CREATE TABLE meta (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL) STRICT;

    CREATE TABLE coders (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE
    ) STRICT;

    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      text TEXT NOT NULL,
      format TEXT NOT NULL,
      original_name TEXT NOT NULL,
      encoding TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      words INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE doc_groups (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      description TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE group_members (
      id INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES doc_groups(id),
      document_id INTEGER NOT NULL REFERENCES documents(id),
      UNIQUE (group_id, document_id)
    ) STRICT;
    CREATE INDEX group_members_document ON group_members(document_id);

    CREATE TABLE speakers (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    -- [start, end) spans the whole turn including its label; body_start is where the spoken words begin.
    CREATE TABLE turns (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id),
      speaker_id INTEGER NOT NULL REFERENCES speakers(id),
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      body_start INTEGER NOT NULL,
      time REAL,
      words INTEGER NOT NULL,
      CHECK (start <= body_start AND body_start <= end)
    ) STRICT;
    CREATE INDEX turns_document_start ON turns(document_id, start);
    CREATE INDEX turns_speaker ON turns(speaker_id);

    CREATE TABLE codes (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      parent_id INTEGER REFERENCES codes(id),
      name TEXT NOT NULL,
      color TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX codes_sibling_name ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);

    CREATE TABLE codings (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      document_id INTEGER NOT NULL REFERENCES documents(id),
      code_id INTEGER NOT NULL REFERENCES codes(id),
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      coder_id INTEGER NOT NULL REFERENCES coders(id),
      created_at TEXT NOT NULL,
      memo TEXT,
      CHECK (start >= 0 AND end > start),
      UNIQUE (code_id, document_id, start, end)
    ) STRICT;
    CREATE INDEX codings_document ON codings(document_id, start);

    -- kind 'project' uses target_id 0: one project journal.
    CREATE TABLE memos (
      id INTEGER PRIMARY KEY,
      guid TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('project', 'document', 'code')),
      target_id INTEGER NOT NULL,
      content_json TEXT NOT NULL,
      content_text TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (kind, target_id)
    ) STRICT;

    CREATE TABLE attribute_defs (
      id INTEGER PRIMARY KEY,
      scope TEXT NOT NULL CHECK (scope IN ('document', 'speaker')),
      name TEXT NOT NULL COLLATE NOCASE,
      type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean')),
      UNIQUE (scope, name)
    ) STRICT;

    CREATE TABLE attribute_values (
      id INTEGER PRIMARY KEY,
      def_id INTEGER NOT NULL REFERENCES attribute_defs(id),
      target_id INTEGER NOT NULL,
      value TEXT NOT NULL,
      UNIQUE (def_id, target_id)
    ) STRICT;
    CREATE INDEX attribute_values_target ON attribute_values(target_id);

    CREATE TABLE history_steps (
      id INTEGER PRIMARY KEY,
      label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- Inverse SQL of each row change, replayed in reverse to undo (and re-recorded to redo).
    CREATE TABLE history_ops (
      id INTEGER PRIMARY KEY,
      step_id INTEGER NOT NULL REFERENCES history_steps(id),
      sql TEXT NOT NULL
    ) STRICT;
    CREATE INDEX history_ops_step ON history_ops(step_id, id);

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      text, content='documents', content_rowid='id', tokenize="unicode61 remove_diacritics 2"
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
      INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF text ON documents BEGIN
      INSERT INTO documents_fts(documents_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text);
    END;
  `);
}
