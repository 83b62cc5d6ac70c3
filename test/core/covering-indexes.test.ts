// Migration 003: the whole-project reads that large projects repeat are answered from indexes alone
// (see db/migrations/003-covering-indexes.ts for the measurements behind each).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTempDirs, newProject } from '../helpers/project';

afterEach(cleanupTempDirs);

const READS = {
  'analysis codings in document order':
    'SELECT id, code_id, document_id, start, end, coder_id FROM codings ORDER BY document_id, start, end, code_id',
  'analysis turns in document order':
    'SELECT id, document_id, speaker_id, start, body_start, end FROM turns ORDER BY document_id, start',
  'document list columns after the text':
    'SELECT d.id, d.name, d.words, d.format, d.encoding, d.original_name, d.imported_at FROM documents d',
  'speaker list':
    'SELECT s.id, count(t.id), sum(t.words), count(DISTINCT t.document_id) FROM speakers s JOIN turns t ON t.speaker_id = s.id GROUP BY s.id',
};

describe('covering indexes', () => {
  for (const [what, sql] of Object.entries(READS))
    it(`serve the ${what} without the table and without a sort`, () => {
      const p = newProject();
      const plan = (p.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      p.close();
      expect(plan).toMatch(/COVERING INDEX/);
      expect(plan).not.toMatch(/TEMP B-TREE FOR (ORDER|LAST)/);
    });
});
