// Real public transcripts (see shared/fixtures/transcripts/SOURCE.md). Expected counts are worked out
// here from the raw bytes with simple regular expressions, independently of the importer.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../db/import/read-source';
import { countWords } from '../../shared/text';
import type { ParsedDocument } from '../../shared/types';
import { FIXTURES, bodyOf, checkTurnInvariants, labelOf, speakerSet } from './helpers';

const raw = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const load = (name: string) => readSource(path.join(FIXTURES, name));
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** No turn's words contain a line that starts with another label. */
function expectNoNestedLabel(doc: ParsedDocument, label: RegExp) {
  for (const t of doc.turns) expect(bodyOf(doc, t)).not.toMatch(label);
}

describe.skipIf(!existsSync(FIXTURES))('real transcripts', () => {
  it('French interview: `Name : ` with a space before the colon, accents kept', async () => {
    const file = 'mlsss_interview02_fr.txt';
    const doc = await load(file);
    expect(doc).toMatchObject({ format: 'txt', encoding: 'utf-8' });
    expect(doc.text).toBe(raw(file));
    expect(doc.turns).toHaveLength(count(raw(file), /^\s*Interview(?:er|ee)\d(?: 2)? ?: /gm));
    expect(doc.turns).toHaveLength(89);
    // The stray `Interviewer2 2` label is kept as written: merging it would be a guess.
    expect(speakerSet(doc)).toEqual(
      new Set(['Interviewer1', 'Interviewee1', 'Interviewer2', 'Interviewer2 2']),
    );
    const first = doc.turns[0]!;
    expect(first).toMatchObject({ speaker: 'Interviewer1', start: 0, time: null });
    expect(labelOf(doc, first)).toBe('Interviewer1 : ');
    expect(bodyOf(doc, first)).toMatch(/^OK donc en gros, les objectifs de l'entrevue/);
    expect(bodyOf(doc, first)).toContain('qualité des résultats');
    expect(doc.text).toContain('n’affecte pas');
    // Unlabelled lines continue the speaker before them.
    const continued = doc.turns.find((t) =>
      bodyOf(doc, t).includes('\nEt puis ça va être des bonnes informations'),
    );
    expect(continued?.speaker).toBe('Interviewer1');
    expectNoNestedLabel(doc, /\n\s*Interview(?:er|ee)\d/);
    checkTurnInvariants(doc);
  });

  it('interview with inline [hh:mm:ss] stamps: stamps stay in the words, turns have no time', async () => {
    const file = 'mlsss_interview06_timestamps.txt';
    const doc = await load(file);
    const text = raw(file);
    expect(doc.text).toBe(text);
    expect(doc.turns).toHaveLength(count(text, /^Interview(?:er\d|ee):/gm));
    expect(speakerSet(doc)).toEqual(new Set(['Interviewer1', 'Interviewer2', 'Interviewer3', 'Interviewee']));
    expect(doc.turns.filter((t) => t.speaker === 'Interviewee')).toHaveLength(count(text, /^Interviewee:/gm));
    expect(doc.turns.every((t) => t.time === null)).toBe(true);
    const stamps = [...doc.text.matchAll(/\[\d\d:\d\d:\d\d\]/g)];
    expect(stamps).toHaveLength(28);
    for (const s of stamps) {
      expect(doc.turns.some((t) => t.bodyStart <= s.index && s.index < t.end)).toBe(true);
    }
    // No trailing newline in the file: the last turn ends at the very end.
    expect(doc.turns.at(-1)!.end).toBe(doc.text.length);
    // Runs of blank lines between turns are not part of any turn.
    expect(doc.turns.every((t) => !/\n\n/.test(bodyOf(doc, t).slice(-2)))).toBe(true);
    const perTurnWords = doc.turns.reduce((n, t) => n + countWords(bodyOf(doc, t)), 0);
    const labelWords = doc.turns.reduce((n, t) => n + countWords(labelOf(doc, t)), 0);
    expect(perTurnWords + labelWords).toBe(countWords(doc.text));
    expectNoNestedLabel(doc, /\nInterview(?:er\d|ee):/);
    checkTurnInvariants(doc);
  });

  it('interview mixing `Interviewer1:` and `Interviewer 1:`, with indented labels', async () => {
    const file = 'mlsss_interview07.txt';
    const doc = await load(file);
    const text = raw(file);
    expect(doc.turns).toHaveLength(count(text, /^\s*Interview(?:er ?\d|ee):/gm));
    // 32 `Interviewer1:` + 4 `Interviewer 1:` are one person, named by the more common spelling.
    expect(doc.turns.filter((t) => t.speaker === 'Interviewer1')).toHaveLength(36);
    expect(speakerSet(doc)).toEqual(
      new Set(['Interviewer1', 'Interviewee', 'Interviewer2', 'Interviewer 3']),
    );
    const indented = doc.turns.filter((t) => doc.text[t.start - 1] === ' ');
    expect(indented).toHaveLength(2);
    for (const t of indented) expect(labelOf(doc, t)).toBe('Interviewee: ');
    // `Interviewee:  Um` — both spaces after the colon are skipped.
    const doubleSpaced = doc.turns.find((t) => bodyOf(doc, t).startsWith('Um, I am data scientist'));
    expect(labelOf(doc, doubleSpaced!)).toBe('Interviewee:  ');
    // Long turns continue over lines without a label.
    expect(bodyOf(doc, doubleSpaced!).split('\n').length).toBeGreaterThan(3);
    expectNoNestedLabel(doc, /\n\s*Interview(?:er ?\d|ee):/);
    checkTurnInvariants(doc);
  });

  it('interview with `Interviewer 1:` labels and blank lines between turns', async () => {
    const file = 'mlsss_interview12.txt';
    const doc = await load(file);
    const text = raw(file);
    expect(doc.turns).toHaveLength(count(text, /^Interview(?:er \d|ee):/gm));
    expect(speakerSet(doc)).toEqual(new Set(['Interviewer 1', 'Interviewer 2', 'Interviewee']));
    expect(doc.turns.slice(3, 5).map((t) => [t.speaker, bodyOf(doc, t)])).toEqual([
      ['Interviewer 1', "It's alright, you"],
      ['Interviewee', expect.stringMatching(/^know\? Okay\./)],
    ]);
    checkTurnInvariants(doc);
  });

  it('QualCoder focus group with bracketed ids', async () => {
    const file = 'qualcoder_example_transcript.txt';
    const doc = await load(file);
    const text = raw(file);
    expect(doc.turns).toHaveLength(count(text, /^\[id\d\] /gm));
    expect(doc.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(labelOf(doc, doc.turns[0]!)).toBe('[id1] ');
    expect(bodyOf(doc, doc.turns[0]!)).toMatch(/^hello, I like the course\./);
    expect(bodyOf(doc, doc.turns.at(-1)!)).toBe(
      'Hmm, I will ask the tutor for more help as I am really struggling.',
    );
    checkTurnInvariants(doc);
  });

  it('DOCX without labels: three paragraphs, one per line, € kept, no turns', async () => {
    const doc = await load('qualcoder_example_ID1.docx');
    expect(doc).toMatchObject({ format: 'docx', encoding: 'docx', turns: [] });
    expect(doc.text).toContain("I'm happy to pay €200.");
    const paragraphs = doc.text.split('\n').filter((l) => l.trim());
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^I really like learning new things\..*have been really good\.$/);
  });

  /** The speaker of each turn from the raw file: a `<v Name>` tag or a `Name: ` prefix on a cue's first line. */
  function rawTurns(text: string, timing: RegExp) {
    const turns: { speaker: string; time: number }[] = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      const m = /^<v ([^>]+)>|^(Travis|Sarah|Gilon): /.exec(line);
      const t = timing.exec(lines[i - 1] ?? '');
      if (!m || !t) return;
      turns.push({ speaker: (m[1] ?? m[2])!, time: +t[1]! * 3600 + +t[2]! * 60 + +t[3]! + +t[4]! / 1000 });
    });
    return turns;
  }

  it('WebVTT podcast: voice tags and plain labels, CRLF, one paragraph per turn', async () => {
    const file = 'podcastindex_example.vtt';
    const text = raw(file);
    expect(text).toContain('\r\n');
    const doc = await load(file);
    expect(doc).toMatchObject({ format: 'vtt', encoding: 'utf-8' });
    expect(doc.text).not.toContain('\r');
    expect(doc.text).not.toMatch(/<\/?v|-->|WEBVTT/);
    const expected = rawTurns(text, /^(\d\d):(\d\d):(\d\d)\.(\d{3}) -->/);
    expect(expected).toHaveLength(10);
    expect(doc.turns.map((t) => ({ speaker: t.speaker, time: t.time }))).toEqual(
      expected.map((e) => ({ speaker: e.speaker, time: expect.closeTo(e.time, 3) })),
    );
    expect(doc.turns[0]).toMatchObject({
      speaker: 'Travis',
      start: 0,
      bodyStart: 'Travis: '.length,
      time: 0.179,
    });
    expect(bodyOf(doc, doc.turns[0]!)).toMatch(
      /^When you first get started in podcasting, it's almost guaranteed/,
    );
    // Paragraphs are the turns, separated by one blank line.
    expect(doc.text.split('\n\n')).toHaveLength(10);
    doc.turns.forEach((t) => expect(labelOf(doc, t)).toBe(`${t.speaker}: `));
    // Every cue's words are kept: the text has the words of all cue lines (labels counted once each).
    const cueWords = text
      .split(/\r?\n/)
      .filter((l) => l && !l.includes('-->') && l !== 'WEBVTT')
      .map((l) => l.replace(/^<v [^>]+> ?/, ''))
      .join(' ');
    expect(countWords(doc.text)).toBe(countWords(cueWords) + 7);
    checkTurnInvariants(doc);
  });

  it('SRT podcast: same episode gives the same text and turns as the WebVTT file', async () => {
    const file = 'podcastindex_example.srt';
    const doc = await load(file);
    expect(doc).toMatchObject({ format: 'srt', encoding: 'utf-8' });
    const expected = rawTurns(raw(file), /^(\d\d):(\d\d):(\d\d),(\d{3}) -->/);
    expect(doc.turns.map((t) => [t.speaker, t.time])).toEqual(expected.map((e) => [e.speaker, e.time]));
    const vtt = await load('podcastindex_example.vtt');
    expect(doc.text).toBe(vtt.text);
    expect(doc.turns).toEqual(vtt.turns);
    expect(doc.text).not.toMatch(/^\d+$/m);
  });

  it('every fixture imports without speakers when detection is off', async () => {
    for (const name of ['mlsss_interview07.txt', 'podcastindex_example.vtt', 'qualcoder_example_ID1.docx']) {
      const doc = await readSource(path.join(FIXTURES, name), { detectSpeakers: false });
      expect(doc.turns).toEqual([]);
      expect(doc.text).toBe((await load(name)).text);
    }
  });
});
