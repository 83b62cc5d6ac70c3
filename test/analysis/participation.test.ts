import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/project';
import { type Fixture, buildFixture, DOCS, turnsOfDoc } from './fixture';
import { participationByDocument, speakerParticipation } from '../../db/analysis';
import { countWords } from '../../shared/text';
import { wordStarts } from '../../db/analysis/words';
import { computeMatrix } from '../../db/analysis';

let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
});
afterAll(() => {
  fx.project.close();
  cleanupTempDirs();
});

function bruteForce(docs: string[], exclude: string[] = []) {
  const out = new Map<string, { turns: number; words: number }>();
  for (const d of docs) {
    const text = DOCS.find((x) => x.name === d)!.text;
    for (const t of turnsOfDoc(d).filter((t) => !exclude.includes(t.speaker))) {
      const s = out.get(t.speaker) ?? { turns: 0, words: 0 };
      s.turns++;
      s.words += countWords(text.slice(t.bodyStart, t.end));
      out.set(t.speaker, s);
    }
  }
  return out;
}

describe('participation', () => {
  it('counts turns and words per speaker across documents', () => {
    const want = bruteForce(DOCS.map((d) => d.name));
    const got = speakerParticipation(fx.project);
    expect(got.map((s) => s.speaker)).toEqual([...want.keys()].sort((a, b) => a.localeCompare(b)));
    const words = [...want.values()].reduce((a, s) => a + s.words, 0);
    for (const s of got) {
      expect({ turns: s.turns, words: s.words }).toEqual(want.get(s.speaker));
      expect(s.wordsPercent).toBeCloseTo((100 * s.words) / words, 9);
    }
  });

  it('per document, without the facilitator, shares within each document', () => {
    const got = participationByDocument(fx.project, { excludeSpeakerIds: [fx.speakerId['Facilitator']!] });
    expect(got.map((d) => d.doc)).toEqual(['east-1', 'north-1', 'north-2']);
    for (const d of got) {
      const want = bruteForce([d.doc], ['Facilitator']);
      expect(new Map(d.speakers.map((s) => [s.speaker, { turns: s.turns, words: s.words }]))).toEqual(want);
      expect(d.speakers.reduce((a, s) => a + s.turnsPercent, 0)).toBeCloseTo(100, 9);
    }
  });
});

describe('word offsets', () => {
  it('count exactly the words countWords counts, timestamps and all', () => {
    const samples = [
      ...DOCS.map((d) => d.text),
      "[00:01:02] Jo: don't stop—it's 3.5 km, e.g. naïve café 😀 well-known 12:30 ok",
      '',
      '   ',
    ];
    for (const s of samples) expect(wordStarts(s).length).toBe(countWords(s));
  });

  it('are found the same in long texts read a stretch at a time', () => {
    const unit = "[00:01:02] Jo: don't stop—it's naïve café 😀 𝐀𝐁 well-known 12:30 ok\n";
    const long = [
      unit.repeat(900),
      '😀é-x'.repeat(12_000),
      ' ',
      unit.repeat(900),
      'word'.repeat(20_000),
    ].join('');
    const starts = Array.from(wordStarts(long).offsets());
    expect(starts.length).toBe(countWords(long));
    expect(starts.every((at, i) => i === 0 || at > starts[i - 1]!)).toBe(true);
    // Each start begins a word: a word character not preceded by one (nor joined by an apostrophe).
    for (const at of starts) {
      expect(long.codePointAt(at)! >= 0xdc00 && long.codePointAt(at)! <= 0xdfff).toBe(false);
      expect(/[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(long.codePointAt(at)!))).toBe(true);
    }
  });

  it('are recomputed when a document changes', () => {
    const before = computeMatrix(fx.project, { columns: { kind: 'document' }, measure: 'words' }).total;
    const id = fx.docId['east-1']!;
    const text = DOCS.find((d) => d.name === 'east-1')!.text;
    fx.project.db
      .prepare('UPDATE documents SET text = ?, content_hash = ? WHERE id = ?')
      // Same length, so every offset stays valid: "earned" becomes two words.
      .run(text.replace('Trust is earned.', 'Trust is ear ed.'), 'changed', id);
    const after = computeMatrix(fx.project, { columns: { kind: 'document' }, measure: 'words' }).total;
    expect(after).toBe(before + 1);
  });
});
