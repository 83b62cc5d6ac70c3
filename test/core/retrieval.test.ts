import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { createCode } from '../../db/codes';
import { addCodings } from '../../db/codings';
import { codingCounts, queryExcerpts } from '../../db/excerpts';
import { searchText } from '../../db/search';
import { autocode } from '../../db/autocode';
import { setAttribute } from '../../db/attributes';
import { projectStats } from '../../db/stats';
import { listSpeakers } from '../../db/speakers';
import { Project } from '../../db/project';

afterEach(cleanupTempDirs);

const EASTBRIDGE = `Eastbridge community of practice

Facilitator: What does a good week look like?

Priya (Probation): A week where nobody hides a secret caseload from the manager. Honestly, that's rare.

José (Charity): For us it's the little miracles: a client who gets a tenancy and keeps it.
`;

function setup() {
  const p = newProject();
  const north = addTextDocument(p, 'Northgate 1', FOCUS_GROUP, ['Northgate']);
  const east = addTextDocument(p, 'Eastbridge 1', EASTBRIDGE, ['Eastbridge']);
  const md = createCode(p, { name: 'Managerial domination', description: 'Targets over care' });
  const targets = createCode(p, { name: 'Targets', parentId: md });
  const secret = createCode(p, { name: 'Secret caseloads' });
  const at = (text: string, phrase: string) =>
    [text.indexOf(phrase), text.indexOf(phrase) + phrase.length] as const;
  const [s1, e1] = at(FOCUS_GROUP, 'the targets drive everything');
  const [s2, e2] = at(FOCUS_GROUP, "That's the secret caseload nobody reports.");
  const [s3, e3] = at(EASTBRIDGE, 'nobody hides a secret caseload from the manager');
  addCodings(p, [
    { documentId: north, codeId: targets, start: s1, end: e1 },
    { documentId: north, codeId: md, start: s1, end: e2 },
    { documentId: north, codeId: secret, start: s2, end: e2, memo: 'emoji before it' },
    { documentId: east, codeId: secret, start: s3, end: e3 },
  ]);
  return { p, north, east, md, targets, secret };
}

describe('excerpts', () => {
  it('returns text, speakers, groups and context, in codebook order', () => {
    const { p, secret } = setup();
    const ex = queryExcerpts(p, { codeIds: [secret] });
    expect(ex.map((e) => [e.doc, e.text, e.speakers, e.groups, e.path, e.memo])).toEqual([
      [
        'Eastbridge 1',
        'nobody hides a secret caseload from the manager',
        ['Priya (Probation)'],
        ['Eastbridge'],
        'Secret caseloads',
        null,
      ],
      [
        'Northgate 1',
        "That's the secret caseload nobody reports.",
        ['Zoë (Housing)'],
        ['Northgate'],
        'Secret caseloads',
        'emoji before it',
      ],
    ]);
    expect(ex[1]!.before).toContain('😀');
    expect(ex[1]!.context).toBe(`${ex[1]!.before}${ex[1]!.text}${ex[1]!.after}`);
  });

  it('lists the distinct speakers of every turn a coding overlaps, in order, from any offset', () => {
    const { p, north } = setup();
    const code = createCode(p, { name: 'Spans' });
    const from = FOCUS_GROUP.indexOf('nobody reports');
    const ranges = [
      [from, FOCUS_GROUP.indexOf('An honest')], // Zoë, Sam, Facilitator, Zoë again
      [0, 5], // the title, before any turn
      [FOCUS_GROUP.indexOf('Trust.'), FOCUS_GROUP.length], // the last turn, to the end
      [FOCUS_GROUP.indexOf('Facilitator: Welcome'), FOCUS_GROUP.indexOf('Facilitator: Welcome') + 3],
    ];
    addCodings(
      p,
      ranges.map(([start, end]) => ({ documentId: north, codeId: code, start: start!, end: end! })),
    );
    const speakers = queryExcerpts(p, { codeIds: [code] }).map((e) => [e.start, e.speakers]);
    expect(speakers).toEqual(
      [
        [0, []],
        [ranges[3]![0], ['Facilitator']],
        [from, ['Zoë (Housing)', 'Sam (Police)', 'Facilitator']],
        [ranges[2]![0], ['Zoë (Housing)']],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it('filters by sub-codes, groups, speakers, attributes and coder', () => {
    const { p, md, east, north } = setup();
    expect(queryExcerpts(p, { codeIds: [md] })).toHaveLength(1);
    expect(queryExcerpts(p, { codeIds: [md], subcodes: true }).map((e) => e.path)).toEqual([
      'Managerial domination',
      'Managerial domination/Targets',
    ]);
    const eastGroup = p.db
      .prepare("SELECT id FROM doc_groups WHERE name = 'Eastbridge'")
      .pluck()
      .get() as number;
    expect(queryExcerpts(p, { groupIds: [eastGroup] }).map((e) => e.documentId)).toEqual([east]);
    const priya = listSpeakers(p).find((s) => s.name === 'Priya (Probation)')!.id;
    expect(queryExcerpts(p, { speakerIds: [priya] })).toHaveLength(1);
    setAttribute(p, 'document', north, 'site', 'Northgate');
    expect(queryExcerpts(p, { documentAttributes: [{ name: 'site', value: 'Northgate' }] })).toHaveLength(3);
    setAttribute(p, 'speaker', priya, 'role', 'Probation');
    expect(
      queryExcerpts(p, { speakerAttributes: [{ name: 'role', value: 'Probation' }] }).map((e) => e.doc),
    ).toEqual(['Eastbridge 1']);
    expect(queryExcerpts(p, { coderIds: [12345] })).toEqual([]);
  });

  it('counts codings per code, with sub-codes rolled up', () => {
    const { p, md, targets, secret } = setup();
    expect(Object.fromEntries(codingCounts(p))).toEqual({ [md]: 1, [targets]: 1, [secret]: 2 });
    expect(codingCounts(p, true).get(md)).toBe(2);
  });
});

describe('full-text search', () => {
  it('finds words and phrases case- and accent-insensitively with exact offsets and speakers', () => {
    const { p } = setup();
    const hits = searchText(p, 'SECRET caseload');
    expect(hits.map((h) => [h.doc, h.match, h.speaker])).toEqual([
      ['Eastbridge 1', 'secret caseload', 'Priya (Probation)'],
      ['Northgate 1', 'secret caseload', 'Zoë (Housing)'],
    ]);
    const north = FOCUS_GROUP;
    expect(north.slice(hits[1]!.start, hits[1]!.end)).toBe('secret caseload');
    expect(searchText(p, 'zoe').map((h) => h.match)).toEqual(['Zoë', 'Zoë']);
    expect(searchText(p, 'miracle*').map((h) => h.match)).toEqual(['miracles', 'miracle']);
    expect(searchText(p, 'tenancy OR tenancies').map((h) => h.match)).toEqual(['tenancy', 'tenancies']);
    expect(searchText(p, 'nonexistentword')).toEqual([]);
    expect(() => searchText(p, '!!!')).toThrow(/no words/);
  });
});

describe('auto-coding', () => {
  it('codes matches, sentences or turns, optionally for given speakers, as one undoable step', () => {
    const { p } = setup();
    const trust = createCode(p, { name: 'Trust' });
    expect(autocode(p, { query: 'honest*', codeId: trust })).toMatchObject({ hits: 3, added: 3 });
    p.history.undo();
    const r = autocode(p, {
      query: 'honest*',
      codeId: trust,
      scope: 'sentence',
      speakers: ['Zoë (Housing)'],
    });
    expect(r).toMatchObject({ hits: 2, added: 2 });
    expect(queryExcerpts(p, { codeIds: [trust] }).map((e) => e.text)).toEqual([
      'Honestly the targets drive everything.',
      'An honest relationship with one worker who stayed.',
    ]);
    p.history.undo();
    autocode(p, { query: 'miracle', codeId: trust, scope: 'turn' });
    expect(queryExcerpts(p, { codeIds: [trust] }).map((e) => e.text)).toEqual([
      'We had a little miracle last month. He turned up to probation on his own.',
    ]);
  });
});

describe('project file', () => {
  it('counts words without labels, and refuses non-projects and newer schemas', () => {
    const { p } = setup();
    const stats = projectStats(p);
    expect(stats).toMatchObject({ documents: 2, codes: 3, codings: 4, speakers: 5 });
    const zoe = listSpeakers(p).find((s) => s.name === 'Zoë (Housing)')!;
    expect(zoe.words).toBe(19 + 9);
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    p.db.pragma('user_version = 999');
    p.close();
    expect(() => Project.open(p.path)).toThrow(/newer version of Commonplace/);
  });
});
