import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../db/project';
import { buildTextMap, checkpointUnit, DocumentCache } from '../../db/document-cache';
import { searchText } from '../../db/search';
import { queryExcerpts } from '../../db/excerpts';
import { addCodings } from '../../db/codings';
import { insertCode } from '../../db/codes';
import { deleteDocument } from '../../db/documents';
import { parseQuery, toRegExp } from '../../shared/search-query';
import { surrounding } from '../../shared/text';
import type { SearchHit } from '../../shared/types';
import { addTextDocument, cleanupTempDirs, newProject } from '../helpers/project';

afterEach(cleanupTempDirs);

// Long transcripts (several 4,096-unit segments each) with accents, emoji and astral letters (𝐀, 𠀀) in
// every position, so that some checkpoints fall inside surrogate pairs and some hits cross segments.
const WORDS = [
  'the',
  'secret',
  'caseload',
  'manager',
  'tenancy',
  'tenancies',
  'café',
  'Zoë',
  'naïve',
  'MIRACLE',
  'little',
  '😀',
  '𝐀𝐁',
  '𠀀x',
  'don’t',
  'it’s',
  '—',
  '12:30',
  'Secret',
  'CASELOAD',
  'Caseloads',
];
const SPEAKERS = ['Facilitator', 'Zoë (Housing)', 'Sam (Police)', 'Priya'];

function transcript(seed: number, units: number): string {
  let state = seed;
  const next = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) >> 8) % n;
  let text = '';
  while (text.length < units) {
    text += `${SPEAKERS[next(SPEAKERS.length)]}: `;
    const words = 20 + next(120);
    for (let i = 0; i < words; i++) text += WORDS[next(WORDS.length)] + (next(9) === 0 ? ',\n' : ' ');
    text += '\n\n';
  }
  return text;
}

/** The search as it was: the regex over every whole text, in document order. */
function reference(project: Project, query: string): SearchHit[] {
  const regex = toRegExp(parseQuery(query));
  const docs = project.db
    .prepare('SELECT id, name, text FROM documents ORDER BY name COLLATE NOCASE')
    .all() as { id: number; name: string; text: string }[];
  const cache = new DocumentCache(project);
  return docs.flatMap((d) =>
    [...d.text.matchAll(regex)].map((m): SearchHit => {
      const start = m.index;
      const end = start + m[0].length;
      const { before, after } = surrounding(d.text, start, end, 60);
      return {
        doc: d.name,
        documentId: d.id,
        start,
        end,
        speaker: cache.turnAt(d.id, start)?.speaker ?? null,
        context: `${before}${m[0]}${after}`,
        before,
        match: m[0],
        after,
      };
    }),
  );
}

const QUERIES = [
  'secret caseload',
  'caseload',
  'secr* caseload',
  'tenan*',
  'cafe',
  'zoe',
  'NAIVE',
  '𝐀𝐁',
  '𠀀x',
  'little miracle OR secret caseload*',
  'don’t',
  'manager the secret',
  'nothing here',
];

describe('text maps', () => {
  it('place every checkpoint on a character boundary, with its UTF-8 offset', () => {
    for (const text of ['', 'plain ascii', transcript(7, 5000)]) {
      const map = buildTextMap(text, 16);
      expect(map.length).toBe(text.length);
      map.bytes.forEach((b, k) => {
        const unit = checkpointUnit(map, k);
        expect(Buffer.byteLength(text.slice(0, unit))).toBe(Math.abs(b));
        expect(unit === k * 16 || unit === k * 16 - 1 || unit === text.length).toBe(true);
      });
    }
    // A checkpoint inside a surrogate pair moves to the pair's start, marked by a negative offset.
    expect(buildTextMap('abc😀de', 4)).toEqual({ step: 4, length: 7, bytes: [0, -3, 9] });
  });
});

describe('search over the segment index', () => {
  let project: Project;
  beforeEach(() => {
    project = newProject();
    addTextDocument(project, 'beta', transcript(1, 30_000));
    addTextDocument(project, 'Alpha', transcript(2, 12_000));
    // A phrase across a segment boundary (4,096 units), and a prefix matching a word longer than the
    // text read after a segment.
    const filler = transcript(3, 5000).slice(0, 4090);
    addTextDocument(project, 'gamma', `${filler} secret caseload and tenan${'y'.repeat(900)} then\n`);
    addTextDocument(project, 'empty', '');
  });

  it('finds exactly what a scan of every whole text finds, in document order', () => {
    const maps = project.db.prepare('SELECT map FROM text_maps').pluck().all() as string[];
    expect(maps.some((m) => m.includes('-'))).toBe(true);
    for (const q of QUERIES) {
      const expected = reference(project, q);
      expect(searchText(project, q), q).toEqual(expected);
      expect(searchText(project, q, { limit: 5 }), q).toEqual(expected.slice(0, 5));
    }
    const gamma = searchText(project, 'secret caseload').filter((h) => h.doc === 'gamma');
    expect(gamma.some((h) => h.start < 4096 && h.end > 4096)).toBe(true);
    const longWord = searchText(project, 'tenan*').find((h) => h.match.startsWith('tenany'));
    expect(longWord!.match).toHaveLength(905);
  });

  it('searches a document without a text map (or whose text changed) through its whole text', () => {
    const expected = QUERIES.map((q) => reference(project, q));
    project.db
      .prepare("DELETE FROM text_maps WHERE id = (SELECT id FROM documents WHERE name = 'beta')")
      .run();
    QUERIES.forEach((q, i) => expect(searchText(project, q), q).toEqual(expected[i]));

    const alpha = project.db.prepare("SELECT id, text FROM documents WHERE name = 'Alpha'").get() as {
      id: number;
      text: string;
    };
    project.db
      .prepare('UPDATE documents SET text = ? WHERE id = ?')
      .run(`${alpha.text}\nPriya: a brand new secret caseload\n`, alpha.id);
    expect(project.db.prepare('SELECT count(*) FROM text_maps WHERE id = ?').pluck().get(alpha.id)).toBe(0);
    expect(searchText(project, 'brand new secret')).toEqual(reference(project, 'brand new secret'));
    expect(searchText(project, 'secret caseload')).toEqual(reference(project, 'secret caseload'));
  });

  it('follows undo and redo of an import and of a deletion', () => {
    const before = searchText(project, 'secret caseload');
    const segments = () => project.db.prepare('SELECT count(*) FROM segments_fts').pluck().get() as number;
    const all = segments();
    addTextDocument(project, 'delta', transcript(4, 9000));
    expect(searchText(project, 'secret caseload')).toEqual(reference(project, 'secret caseload'));
    project.history.undo();
    expect(segments()).toBe(all);
    expect(searchText(project, 'secret caseload')).toEqual(before);
    project.history.redo();
    expect(searchText(project, 'secret caseload')).toEqual(reference(project, 'secret caseload'));

    const beta = project.db.prepare("SELECT id FROM documents WHERE name = 'beta'").pluck().get() as number;
    deleteDocument(project, beta);
    expect(searchText(project, 'secret caseload').some((h) => h.doc === 'beta')).toBe(false);
    project.history.undo();
    expect(searchText(project, 'secret caseload')).toEqual(reference(project, 'secret caseload'));
    expect(searchText(project, 'secret caseload').some((h) => h.doc === 'beta')).toBe(true);
  });
});

describe('excerpts cut from windows of the text', () => {
  it('are those of the whole text, with emoji and astral letters, with or without a text map', () => {
    const project = newProject();
    const ids = [transcript(5, 20_000), transcript(6, 3000)].map((t, i) =>
      addTextDocument(project, `d${i}`, t),
    );
    const code = project.mutate('Add code', () => insertCode(project, { name: 'Theme', color: '#E6194B' }));
    const texts = ids.map(
      (id) => project.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string,
    );
    const codings = ids.flatMap((documentId, d) =>
      [...texts[d]!.matchAll(/caseload|😀|𝐀𝐁|tenancy/g)].map((m) => ({
        documentId,
        codeId: code,
        start: m.index,
        end: m.index + m[0].length + (m.index % 7),
      })),
    );
    codings.push({ documentId: ids[0]!, codeId: code, start: 0, end: 3 });
    codings.push({ documentId: ids[1]!, codeId: code, start: texts[1]!.length - 2, end: texts[1]!.length });
    addCodings(project, codings);

    const excerpts = queryExcerpts(project, { codeIds: [code] });
    expect(excerpts.length).toBe(codings.length);
    for (const e of excerpts) {
      const text = texts[ids.indexOf(e.documentId)]!;
      const { before, after } = surrounding(text, e.start, e.end, 80);
      expect(e).toMatchObject({ text: text.slice(e.start, e.end), before, after });
      expect(e.context).toBe(`${before}${text.slice(e.start, e.end)}${after}`);
    }
    expect(excerpts.some((e) => /[\uD800-\uDFFF]/.test(e.text))).toBe(true);

    project.db.prepare('DELETE FROM text_maps').run();
    expect(queryExcerpts(project, { codeIds: [code] })).toEqual(excerpts);
    project.close();
  });

  it('follow a document replaced under the same id, though text maps are kept between queries', () => {
    const project = newProject();
    const code = project.mutate('Add code', () => insertCode(project, { name: 'Theme', color: '#E6194B' }));
    const first = addTextDocument(project, 'd', transcript(7, 8000));
    addCodings(project, [{ documentId: first, codeId: code, start: 5000, end: 5010 }]);
    queryExcerpts(project, { codeIds: [code] });
    deleteDocument(project, first);
    const text = `😀${transcript(8, 8000)}`;
    const second = addTextDocument(project, 'd', text);
    expect(second).toBe(first);
    addCodings(project, [{ documentId: second, codeId: code, start: 5000, end: 5010 }]);
    const [excerpt] = queryExcerpts(project, { codeIds: [code] });
    expect(excerpt).toMatchObject({ text: text.slice(5000, 5010), ...surrounding(text, 5000, 5010, 80) });
    project.close();
  });
});
