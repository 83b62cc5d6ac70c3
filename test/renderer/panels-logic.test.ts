import { describe, expect, it } from 'vitest';
import type { CodeInfo, Excerpt, SearchHit } from '../../shared/types';
import { groupExcerpts, limitGroups, squash } from '../../renderer/panels/excerpts/group';
import { base64ToBytes } from '../../renderer/save-file';
import { codeDepth, filterCodes, pickerOptions, TOP_LEVEL } from '../../renderer/components/code-filter';
import {
  autocodeSummary,
  firstHits,
  hitsByDocument,
  hitSpeakers,
  hitSummary,
} from '../../renderer/panels/search/hits';
import { actionInfo, blockShortcut } from '../../renderer/panels/memo/shortcuts';
import { isFindKey, isFindMessage } from '../../renderer/panels/find-command';
import { MENU_MESSAGE_TYPE } from '../../renderer/commands';

const code = (id: number, path: string, parentId: number | null = null): CodeInfo => ({
  id,
  guid: `g${id}`,
  parentId,
  name: path.split('/').at(-1)!,
  path,
  color: '#112233',
  description: '',
  position: id,
  codings: 0,
});

const CODES = [
  code(1, 'Trust'),
  code(2, 'Trust/Named worker', 1),
  code(3, 'Zoë’s targets'),
  code(4, 'Failure'),
];

const excerpt = (codingId: number, codeId: number, doc = 'A'): Excerpt => ({
  codingId,
  doc,
  documentId: doc === 'A' ? 1 : 2,
  groups: [],
  speakers: [],
  code: '',
  codeId,
  path: CODES.find((c) => c.id === codeId)?.path ?? `Gone ${codeId}`,
  color: '#000000',
  start: codingId,
  end: codingId + 1,
  text: 't',
  context: 't',
  before: '',
  after: '',
  memo: null,
  coder: 'me',
  createdAt: '',
});

const hit = (documentId: number, start: number, speaker: string | null): SearchHit => ({
  doc: `Doc ${documentId}`,
  documentId,
  start,
  end: start + 3,
  speaker,
  context: '',
  before: '',
  match: 'abc',
  after: '',
});

describe('excerpt grouping', () => {
  it('groups by code in codebook order with counts; codes no longer in the codebook go last', () => {
    const groups = groupExcerpts(
      [excerpt(1, 4), excerpt(2, 2), excerpt(3, 1), excerpt(4, 4, 'B'), excerpt(5, 99)],
      CODES,
    );
    expect(groups.map((g) => [g.path, g.total, g.excerpts.map((x) => x.codingId)])).toEqual([
      ['Trust', 1, [3]],
      ['Trust/Named worker', 1, [2]],
      ['Failure', 2, [1, 4]],
      ['Gone 99', 1, [5]],
    ]);
  });

  it('draws long results a page at a time, keeping each code’s full count', () => {
    const groups = groupExcerpts(
      [1, 2, 3, 4, 5].map((i) => excerpt(i, i <= 3 ? 1 : 4)),
      CODES,
    );
    const page = limitGroups(groups, 4);
    expect(page.map((g) => [g.path, g.excerpts.length, g.total])).toEqual([
      ['Trust', 3, 3],
      ['Failure', 1, 2],
    ]);
    expect(limitGroups(groups, 3)).toHaveLength(1);
    expect(squash('a\n  b\tc')).toBe('a b c');
  });
});

describe('code picker filter', () => {
  it('matches every typed word anywhere in the path, ignoring case and accents, in codebook order', () => {
    expect(filterCodes(CODES, '').map((c) => c.id)).toEqual([1, 2, 3, 4]);
    expect(filterCodes(CODES, 'trust').map((c) => c.id)).toEqual([1, 2]);
    expect(filterCodes(CODES, 'trust WORK').map((c) => c.id)).toEqual([2]);
    expect(filterCodes(CODES, 'zoe').map((c) => c.id)).toEqual([3]);
    expect(filterCodes(CODES, 'nothing like it')).toEqual([]);
    expect(codeDepth(CODES[1]!)).toBe(1);
  });

  it('lists the top level first, when offered, whatever is typed', () => {
    const values = (query: string, top?: boolean) => pickerOptions(CODES, query, top).map((o) => o.value);
    expect(values('trust')).toEqual([1, 2]);
    expect(values('trust', true)).toEqual([TOP_LEVEL, 1, 2]);
    expect(values('nothing like it', true)).toEqual([TOP_LEVEL]);
    expect(pickerOptions(CODES, 'work')[0]).toMatchObject({
      name: 'Named worker',
      path: 'Trust/Named worker',
      depth: 1,
    });
  });
});

describe('search results', () => {
  it('groups hits under consecutive documents and lists their speakers once', () => {
    const hits = [hit(1, 0, 'Sam'), hit(1, 10, null), hit(2, 5, 'Jo'), hit(2, 9, 'Sam')];
    expect(hitsByDocument(hits).map((d) => [d.doc, d.hits.length])).toEqual([
      ['Doc 1', 2],
      ['Doc 2', 2],
    ]);
    expect(hitSpeakers(hits)).toEqual(['Sam', 'Jo']);
    const page = firstHits(hitsByDocument(hits), 3);
    expect(page.map((d) => d.hits.length)).toEqual([2, 1]);
    expect(firstHits(hitsByDocument(hits), 2)).toHaveLength(1);
  });

  it('says how many hits, and when the list stops short', () => {
    expect(hitSummary(0, 0, false)).toBe('No hits.');
    expect(hitSummary(1, 1, false)).toBe('1 hit in 1 document');
    expect(hitSummary(2000, 12, true)).toMatch(/^Showing the first 2,000 hits .*there are more/);
    expect(autocodeSummary({ hits: 12, added: 9, existing: 3 }, 'Trust')).toBe(
      '12 hits, 9 codings added to “Trust” (3 already coded).',
    );
    expect(autocodeSummary({ hits: 1, added: 1, existing: 0 }, 'Trust')).toBe(
      '1 hit, 1 coding added to “Trust”.',
    );
  });
});

describe('memo shortcuts', () => {
  const key = (code: string, mods: Partial<KeyboardEvent> = {}, altGraph = false) => ({
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
    getModifierState: (k: string) => k === 'AltGraph' && altGraph,
  });

  it('maps headings to Ctrl+Alt+digit and lists to Ctrl+Shift+7/8 (Cmd on a Mac)', () => {
    expect(blockShortcut(key('Digit1', { ctrlKey: true, altKey: true }), false)).toBe('h2');
    expect(blockShortcut(key('Digit2', { ctrlKey: true, altKey: true }), false)).toBe('h3');
    expect(blockShortcut(key('Digit0', { ctrlKey: true, altKey: true }), false)).toBe('paragraph');
    expect(blockShortcut(key('Digit8', { ctrlKey: true, shiftKey: true }), false)).toBe('bullet');
    expect(blockShortcut(key('Digit7', { metaKey: true, shiftKey: true }), true)).toBe('number');
    expect(actionInfo('number', true).keys).toBe('Meta+Shift+7');
  });

  it('leaves AltGr typing, plain digits and the other platform’s modifier alone', () => {
    expect(blockShortcut(key('Digit2', { ctrlKey: true, altKey: true }, true), false)).toBeNull();
    expect(blockShortcut(key('Digit1'), false)).toBeNull();
    expect(blockShortcut(key('Digit8', { metaKey: true, shiftKey: true }), false)).toBeNull();
    expect(blockShortcut(key('Digit8', { ctrlKey: true, shiftKey: true }), true)).toBeNull();
  });
});

describe('find command', () => {
  it('is Ctrl+F or Cmd+F, and the native menu’s find message', () => {
    const k = (key: string, mods: Partial<KeyboardEvent> = {}) => ({
      key,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(isFindKey(k('f', { ctrlKey: true }))).toBe(true);
    expect(isFindKey(k('F', { metaKey: true }))).toBe(true);
    expect(isFindKey(k('f'))).toBe(false);
    expect(isFindKey(k('f', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isFindMessage({ type: MENU_MESSAGE_TYPE, command: 'find' })).toBe(true);
    expect(isFindMessage({ type: MENU_MESSAGE_TYPE, command: 'undo' })).toBe(false);
    expect(isFindMessage(null)).toBe(false);
  });
});

describe('exported files', () => {
  it('decodes base64 to the exact bytes of a binary export', () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    expect([...base64ToBytes(Buffer.from(bytes).toString('base64'))]).toEqual([...bytes]);
    expect(base64ToBytes('')).toHaveLength(0);
  });
});
