// Speaker-label detection over plain text: the label styles researchers meet, the names they expect,
// and the prose that must not turn into speakers.

import { describe, expect, it } from 'vitest';
import { detectTurns } from '../../shared/transcript';
import { parseClock } from '../../shared/transcript/clock';
import { unifySpeakers } from '../../shared/transcript/speaker-names';
import { bodyOf, checkTurnInvariants, labelOf } from './helpers';

const parse = (text: string) => {
  const doc = { text, turns: detectTurns(text) };
  checkTurnInvariants(doc);
  return doc;
};
const summary = (text: string) => {
  const doc = parse(text);
  return doc.turns.map((t) => [t.speaker, bodyOf(doc, t)]);
};

describe('speaker labels', () => {
  it('focus group: facilitator and four participants, title lines, multi-paragraph turns', () => {
    const text = [
      'Focus group 3 — tenants, North ward',
      'Date: 12 March 2024',
      '',
      'Facilitator: Welcome, everyone. Could you each say a few words about your home?',
      '',
      'Zoë: I have lived in the block for eleven years.',
      '',
      'It was fine until the lifts broke.',
      '',
      'José: Same for me. For example: the heating was off for three weeks.',
      'Niamh: We called at 17:30 every day.',
      '17:30 was the only time anyone answered.',
      'Sam (Housing): I can speak to that.',
      'FACILITATOR: Thank you. Anything else?',
      'Zoë: No.',
      '',
    ].join('\n');
    const doc = parse(text);
    expect(doc.turns.map((t) => t.speaker)).toEqual([
      'Facilitator', 'Zoë', 'José', 'Niamh', 'Sam (Housing)', 'Facilitator', 'Zoë',
    ]); // prettier-ignore
    // Title and date belong to nobody.
    expect(doc.turns[0]!.start).toBe(text.indexOf('Facilitator:'));
    expect(bodyOf(doc, doc.turns[1]!)).toBe(
      'I have lived in the block for eleven years.\n\nIt was fine until the lifts broke.',
    );
    expect(bodyOf(doc, doc.turns[2]!)).toBe('Same for me. For example: the heating was off for three weeks.');
    expect(bodyOf(doc, doc.turns[3]!)).toBe(
      'We called at 17:30 every day.\n17:30 was the only time anyone answered.',
    );
    expect(labelOf(doc, doc.turns[5]!)).toBe('FACILITATOR: ');
    expect(doc.turns.at(-1)!.end).toBe(text.length - 1);
  });

  it('prefers the mixed-case spelling and the more common spacing of one speaker', () => {
    const turns = detectTurns(
      'FACILITATOR: a\nP1: b\nFACILITATOR: c\nFacilitator: d\n' +
        'Interviewer 1: e\nInterviewer1: f\nInterviewer1: g\nP1: h\n',
    );
    expect(turns.map((t) => t.speaker)).toEqual([
      'Facilitator', 'P1', 'Facilitator', 'Facilitator', 'Interviewer1', 'Interviewer1', 'Interviewer1', 'P1',
    ]); // prettier-ignore
    expect(unifySpeakers(['Dr. Smith', 'Dr Smith', 'Dr Smith'])).toEqual(
      new Map([
        ['Dr. Smith', 'Dr Smith'],
        ['Dr Smith', 'Dr Smith'],
      ]),
    );
  });

  it('keeps a role in parentheses, and a bare name joins its only role variant', () => {
    expect(summary('Sam (Housing): hello\nInterviewer: why?\nSam: because\n')).toEqual([
      ['Sam (Housing)', 'hello'],
      ['Interviewer', 'why?'],
      ['Sam (Housing)', 'because'],
    ]);
    // Two different Sams: a bare `Sam` is ambiguous and stays its own speaker.
    const names = detectTurns('Sam (Housing): a\nSam (Health): b\nSam: c\n').map((t) => t.speaker);
    expect(names).toEqual(['Sam (Housing)', 'Sam (Health)', 'Sam']);
  });

  it('label styles: French spacing, indentation, emphasis, bracketed ids, tabs', () => {
    expect(summary('Interviewer1 : Bonjour\n  Interviewee1 :  Salut\n')).toEqual([
      ['Interviewer1', 'Bonjour'],
      ['Interviewee1', 'Salut'],
    ]);
    const doc = parse('**Interviewer:** Hello there.\n__Zoë__: Hi.\n*Interviewer:*\tAnd?\n');
    expect(doc.turns.map((t) => [t.speaker, labelOf(doc, t)])).toEqual([
      ['Interviewer', '**Interviewer:** '],
      ['Zoë', '__Zoë__: '],
      ['Interviewer', '*Interviewer:*\t'],
    ]);
    expect(summary('[P1] I agree.\n[P2] I do not.\n[laughs] Fine.\n[P1] Ok.')).toEqual([
      ['P1', 'I agree.'],
      ['P2', 'I do not.\n[laughs] Fine.'],
      ['P1', 'Ok.'],
    ]);
  });

  it('non-speech annotations in brackets are words, not speakers', () => {
    const text =
      '[P1] We waited.\n[Music playing] Then what?\n[P2] Nothing.\n[inaudible 00:01:23] again\n[Laughter] Yes.\n';
    expect(summary(text)).toEqual([
      ['P1', 'We waited.\n[Music playing] Then what?'],
      ['P2', 'Nothing.\n[inaudible 00:01:23] again\n[Laughter] Yes.'],
    ]);
  });

  it('short lower-case labels count when they recur, as transcribers write them', () => {
    const text = 'Moderator: Any questions?\naudience member: Yes.\nModerator: Go on.\naudience member: Why?';
    expect(detectTurns(text).map((t) => t.speaker)).toEqual([
      'Moderator', 'audience member', 'Moderator', 'audience member',
    ]); // prettier-ignore
  });

  it('a leading timestamp is the turn time and not part of the words', () => {
    const text = '[00:01:02] Interviewer: How long?\n[00:01:05.5] Zoë: Years.\n(1:10) Interviewer: Ok.\n';
    const doc = parse(text);
    expect(doc.turns.map((t) => [t.speaker, t.time, labelOf(doc, t), bodyOf(doc, t)])).toEqual([
      ['Interviewer', 62, '[00:01:02] Interviewer: ', 'How long?'],
      ['Zoë', 65.5, '[00:01:05.5] Zoë: ', 'Years.'],
      ['Interviewer', 70, '(1:10) Interviewer: ', 'Ok.'],
    ]);
    expect(doc.turns[0]!.start).toBe(0);
  });

  it('Rev style `Name (00:00):` and `Name: [00:00]` give times; words may start on the next line', () => {
    const doc = parse(
      'Interviewer (00:00:03):\nWhere do you live?\n\nNiamh O’Connor (00:00:07):\nIn Cork.\n',
    );
    expect(doc.turns.map((t) => [t.speaker, t.time, bodyOf(doc, t)])).toEqual([
      ['Interviewer', 3, 'Where do you live?'],
      ['Niamh O’Connor', 7, 'In Cork.'],
    ]);
    const stamped = parse('Interviewer: [00:02:00] Go on.\nJosé: [00:02:04] Well [00:02:09] yes.\n');
    expect(stamped.turns.map((t) => [t.time, bodyOf(stamped, t)])).toEqual([
      [120, 'Go on.'],
      [124, 'Well [00:02:09] yes.'],
    ]);
  });

  it('transcription-service headers: `Speaker 1  0:03` on its own line', () => {
    const text = [
      'Interview with tenant — transcribed by a service',
      '',
      'Speaker 1  0:03',
      'So tell me about the repairs.',
      '',
      'Speaker 2  0:09',
      'Well, it started in March.',
      '',
      'Then it got worse.',
      '',
      'Speaker 1  1:02:15',
      'Note: we will come back to that.',
    ].join('\n');
    const doc = parse(text);
    expect(doc.turns.map((t) => [t.speaker, t.time, bodyOf(doc, t)])).toEqual([
      ['Speaker 1', 3, 'So tell me about the repairs.'],
      ['Speaker 2', 9, 'Well, it started in March.\n\nThen it got worse.'],
      ['Speaker 1', 3735, 'Note: we will come back to that.'],
    ]);
    expect(labelOf(doc, doc.turns[0]!)).toBe('Speaker 1  0:03\n');
  });

  it('text without a label continues the previous speaker; leading text has no speaker', () => {
    const doc = parse('Notes taken by JB\n\nP1: first\nstill P1\n\n\nP2: second   \n\n');
    expect(doc.turns.map((t) => [t.speaker, bodyOf(doc, t)])).toEqual([
      ['P1', 'first\nstill P1'],
      ['P2', 'second'],
    ]);
    expect(doc.turns[0]!.start).toBe('Notes taken by JB\n\n'.length);
  });

  it('offsets are UTF-16 units: astral characters before and inside turns slice back exactly', () => {
    // 𠮷 (U+20BB7, as in the surname 𠮷田) is a letter outside the BMP: two UTF-16 units.
    const text = '😀 Title 🎉\n𠮷田: I 😀 it\nJosé: 𝒳 marks\n𠮷田: bye 👋';
    const doc = parse(text);
    expect(doc.turns.map((t) => [t.speaker, labelOf(doc, t), bodyOf(doc, t)])).toEqual([
      ['𠮷田', '𠮷田: ', 'I 😀 it'],
      ['José', 'José: ', '𝒳 marks'],
      ['𠮷田', '𠮷田: ', 'bye 👋'],
    ]);
    expect(doc.turns[0]).toMatchObject({ start: 12, bodyStart: 17, end: 24 });
    expect(doc.turns.at(-1)!.end).toBe(text.length);
  });
});

describe('not speakers', () => {
  it('prose with colons, clock times and URLs has no turns', () => {
    const essay = [
      'Reflections on the pilot',
      'Note: names have been changed.',
      'For example: the residents met at 17:30 on Tuesdays.',
      '17:30: the meeting started.',
      'https://example.org: see the report.',
      'The three things that mattered most to the residents were these:',
      'Overall: it went well.',
      'Summary: more work needed.',
      'Monday: site visit.',
      'Tuesday: interviews.',
    ].join('\n');
    expect(detectTurns(essay)).toEqual([]);
  });

  it('a single name-like label in a document is not enough, two distinct ones are', () => {
    expect(detectTurns('Dear Sam: thanks for the notes.\nHere they are.')).toEqual([]);
    expect(detectTurns('Interviewer: Hi.\nSam: Hello.').map((t) => t.speaker)).toEqual([
      'Interviewer',
      'Sam',
    ]);
    // A label that recurs is trusted even alone (a monologue with a repeated speaker).
    expect(detectTurns('sam: one\nmore\nsam: two').map((t) => t.speaker)).toEqual(['sam', 'sam']);
  });

  it('prose-like labels inside a real transcript stay in the words', () => {
    const text =
      'Interviewer: What happened?\nP1: Lots.\nFor example: the lift.\nIn other words: chaos.\n' +
      'what I mean is: nothing worked\nP1 said later: fine\nInterviewer: Thanks.';
    expect(summary(text)).toEqual([
      ['Interviewer', 'What happened?'],
      [
        'P1',
        'Lots.\nFor example: the lift.\nIn other words: chaos.\nwhat I mean is: nothing worked\nP1 said later: fine',
      ],
      ['Interviewer', 'Thanks.'],
    ]);
  });

  it('labels longer than 40 characters or 5 words are sentences', () => {
    const text = 'Interviewer: so\nParticipant From The North Ward Group Two: hi\nInterviewer: ok\n';
    expect(detectTurns(text).map((t) => t.speaker)).toEqual(['Interviewer', 'Interviewer']);
    const long = 'Interviewer: so\nAbsolutely everybody on our street agreed: hi\nInterviewer: ok\n';
    expect(detectTurns(long).map((t) => t.speaker)).toEqual(['Interviewer', 'Interviewer']);
  });

  it('a label style used once does not outvote the document’s own style', () => {
    const doc = parse('[id1] hello\n[id2] hi\n[id1] ok\nNote: nothing\n');
    expect(doc.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id1']);
    expect(bodyOf(doc, doc.turns[2]!)).toBe('ok\nNote: nothing');
  });
});

describe('clock stamps', () => {
  it.each([
    ['0:03', 3],
    ['01:02', 62],
    ['00:01:02', 62],
    ['1:02:03.5', 3723.5],
    ['00:00:02,399', 2.399],
    ['12:75', null],
    ['1:60:00', null],
  ])('%s -> %s', (stamp, seconds) => expect(parseClock(stamp)).toBe(seconds));
});
