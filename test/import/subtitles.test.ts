// WebVTT (Teams, Zoom) and SRT exports as meeting tools write them.

import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../db/import/read-source';
import { parseSrt, parseVtt } from '../../shared/transcript';
import { bodyOf, checkTurnInvariants, labelOf, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

const summary = (doc: ReturnType<typeof parseVtt>) =>
  doc.turns.map((t) => [t.speaker, t.time, labelOf(doc, t), bodyOf(doc, t)]);

describe('WebVTT', () => {
  it('Microsoft Teams: <v Name> voice tags, consecutive cues of one voice form one turn', async () => {
    const vtt = [
      'WEBVTT',
      '',
      'b6a2c1e0-4f1d-4a8e-9f3e-1c2d3e4f5a6b/12-0',
      '00:00:01.000 --> 00:00:04.000',
      '<v Smith, Jo (Guest)>Hello everyone, thanks for joining.</v>',
      '',
      'b6a2c1e0-4f1d-4a8e-9f3e-1c2d3e4f5a6b/13-0',
      '00:00:04.500 --> 00:00:06.000',
      '<v Smith, Jo (Guest)>Shall we start?</v>',
      '',
      'NOTE Teams adds no notes, but other tools do',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'b6a2c1e0-4f1d-4a8e-9f3e-1c2d3e4f5a6b/14-0',
      '00:00:06.200 --> 00:00:09.000',
      '<v.loud Zoë Brown>Yes &amp; I have <c.yellow>notes</c>,',
      '<i>lots</i> of <00:00:08.000>notes.</v>',
      '',
      'b6a2c1e0-4f1d-4a8e-9f3e-1c2d3e4f5a6b/15-0',
      '00:01:05.000 --> 00:01:07.000',
      '<v Smith, Jo (Guest)>Great.</v>',
      '',
    ].join('\r\n');
    const doc = await readSource(tmp.write('teams.vtt', vtt));
    expect(doc).toMatchObject({ format: 'vtt', encoding: 'utf-8' });
    expect(doc.text).toBe(
      'Smith, Jo (Guest): Hello everyone, thanks for joining. Shall we start?\n\n' +
        'Zoë Brown: Yes & I have notes, lots of notes.\n\n' +
        'Smith, Jo (Guest): Great.',
    );
    expect(summary(doc)).toEqual([
      ['Smith, Jo (Guest)', 1, 'Smith, Jo (Guest): ', 'Hello everyone, thanks for joining. Shall we start?'],
      ['Zoë Brown', 6.2, 'Zoë Brown: ', 'Yes & I have notes, lots of notes.'],
      ['Smith, Jo (Guest)', 65, 'Smith, Jo (Guest): ', 'Great.'],
    ]);
    checkTurnInvariants(doc);
  });

  it('Zoom: numbered cues with `Name: ` prefixes, hours optional, unlabelled cues continue', () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:00.000 --> 00:00:03.500',
      "Niamh O'Brien: Hi, can you hear me?",
      '',
      '2',
      '00:03.600 --> 00:05.000',
      'José García: Yes, loud and clear.',
      '',
      '3',
      '00:05.100 --> 00:09.000',
      'José García: Let me share my screen.',
      '',
      '4',
      '01:02.000 --> 01:04.000',
      'It should be showing now.',
      '',
      '5',
      '01:00:04.250 --> 01:00:06.000',
      "Niamh O'Brien: Got it: 17:30 works.",
    ].join('\n');
    const doc = parseVtt(vtt, 'zoom.vtt');
    expect(summary(doc)).toEqual([
      ["Niamh O'Brien", 0, "Niamh O'Brien: ", 'Hi, can you hear me?'],
      [
        'José García',
        3.6,
        'José García: ',
        'Yes, loud and clear. Let me share my screen. It should be showing now.',
      ],
      ["Niamh O'Brien", 3604.25, "Niamh O'Brien: ", 'Got it: 17:30 works.'],
    ]);
    checkTurnInvariants(doc);
  });

  it('without any speakers, cues join into paragraphs broken at pauses', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nFirst\n\n00:02.100 --> 00:03.000\nline.\n\n00:09.000 --> 00:10.000\nLater.';
    expect(parseVtt(vtt, 'plain.vtt')).toEqual({ text: 'First line.\n\nLater.', turns: [] });
  });

  it('YouTube rolling captions: lines repeated in the next cue appear once', () => {
    const cue = (from: string, to: string, ...lines: string[]) =>
      `${from} --> ${to} align:start position:0%\n${lines.join('\n')}`;
    const vtt = [
      'WEBVTT\nKind: captions\nLanguage: en',
      cue('00:00:00.000', '00:00:02.000', 'so<00:00:00.500><c> the</c><00:00:01.000><c> lift</c>'),
      cue('00:00:02.000', '00:00:02.010', 'so the lift', ' '),
      cue('00:00:02.010', '00:00:04.000', 'so the lift', 'broke<00:00:03.000><c> again</c>'),
      cue('00:00:04.000', '00:00:04.010', 'broke again'),
      cue('00:00:04.010', '00:00:06.000', 'broke again', 'and<c> again</c>'),
      cue('00:00:06.000', '00:00:08.000', 'and again', 'and again'),
    ].join('\n\n');
    expect(parseVtt(vtt, 'youtube.vtt').text).toBe('so the lift broke again and again and again');
  });

  it('a prose `Note:` cue is not a speaker', () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\nNote: this was recorded late.\n\n00:02.100 --> 00:03.000\nSo anyway.';
    expect(parseVtt(vtt, 'note.vtt').turns).toEqual([]);
  });
});

describe('SRT', () => {
  it('numbered cues, comma milliseconds, labels on the first cue of a turn, markup removed', async () => {
    const srt = [
      '1',
      '00:00:01,500 --> 00:00:03,000',
      '<i>Interviewer:</i> So, how did',
      'it start?',
      '',
      '2',
      '00:00:03,100 --> 00:00:05,000',
      '{\\an8}Zoë: It started with',
      '<font color="#ffff00">the damp</font>.',
      '',
      '3',
      '00:00:05,100 --> 00:00:07,000',
      'Then the mould.',
      '',
      '4',
      '00:02:00,000 --> 00:02:02,000',
      'Interviewer: I see.',
      '',
    ].join('\n');
    const doc = await readSource(tmp.write('interview.srt', srt));
    expect(doc).toMatchObject({ format: 'srt', encoding: 'utf-8' });
    expect(doc.text).toBe(
      'Interviewer: So, how did it start?\n\nZoë: It started with the damp. Then the mould.\n\nInterviewer: I see.',
    );
    expect(doc.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Interviewer', 1.5],
      ['Zoë', 3.1],
      ['Interviewer', 120],
    ]);
    checkTurnInvariants(doc);
  });

  it('reads UTF-16 and Windows-1252 subtitle files like text files', async () => {
    const text =
      '1\r\n00:00:01,000 --> 00:00:02,000\r\nJosé: Olá, café!\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nAna: Oi.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const fromUtf16 = await readSource(tmp.write('u16.srt', le));
    expect(fromUtf16).toMatchObject({ encoding: 'utf-16le', text: 'José: Olá, café!\n\nAna: Oi.' });
    const latin = Buffer.from(text, 'latin1');
    expect(await readSource(tmp.write('cp1252.srt', latin))).toMatchObject({
      encoding: 'windows-1252',
      text: 'José: Olá, café!\n\nAna: Oi.',
    });
  });

  it('tolerates missing cue numbers and dots before milliseconds', () => {
    const doc = parseSrt(
      '00:00:01.000 --> 00:00:02.000\nP1: one\n\n00:00:03.000 --> 00:00:04.000\nP2: two\n',
      'x.srt',
    );
    expect(doc.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['P1', 1],
      ['P2', 3],
    ]);
  });
});
