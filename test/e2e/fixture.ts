import { join } from 'node:path';
import { Project } from '../../db/project';
import { insertDocument } from '../../db/documents';
import { createCode } from '../../db/codes';
import { addCoding } from '../../db/codings';
import type { ParsedTurn } from '../../shared/types';
import { addTextDocument, FOCUS_GROUP } from '../helpers/project';

// A small but realistic project for the end-to-end tests: a timestamped multi-speaker transcript,
// a nested codebook, and codings that overlap.

export const RIVERSIDE = `Riverside tenants' panel, 3 April

[00:00:05] Facilitator: Thanks for coming. Let's start with the repairs backlog.

[00:00:42] Priya (Tenant): Honestly, nobody calls back. You report the damp, you get a reference number,
and then nothing for weeks.

[00:01:30] Marcus (Caretaker): We log everything, but the targets are about closing tickets, not fixing homes. I trust the residents more than the system.

[00:02:15] Priya (Tenant): That's it exactly. When Marcus says he'll come, he comes.
`;

/** Turns of `[hh:mm:ss] Name: words` paragraphs. */
function timedTurns(text: string): ParsedTurn[] {
  const re = /^\[(\d\d):(\d\d):(\d\d)\] ([^\n:]+): ([^\n]*(?:\n(?!\n)[^\n]*)*)/gm;
  return [...text.matchAll(re)].map((m) => {
    const bodyStart = m.index + m[0].length - m[5]!.length;
    return {
      speaker: m[4]!,
      start: m.index,
      bodyStart,
      end: m.index + m[0].length,
      time: Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]),
    };
  });
}

export const CODES = {
  targets: { name: 'Managerial targets', color: '#E6194B' },
  trust: { name: 'Trust', color: '#3CB44B' },
  named: { name: 'Named worker', color: '#F58231' },
  failure: { name: 'System failure', color: '#4363D8' },
} as const;

function range(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function createRiversideProject(dir: string): Project {
  const project = Project.create(join(dir, 'Riverside study.commonplace'), { coder: 'e2e' });
  const doc = project.mutate('Import "Riverside panel 2"', () =>
    insertDocument(project, {
      name: 'Riverside panel 2',
      originalName: 'riverside-2.txt',
      text: RIVERSIDE,
      format: 'txt',
      encoding: 'utf-8',
      turns: timedTurns(RIVERSIDE),
      groups: ['Riverside'],
    }),
  );
  addTextDocument(project, 'Northgate 1', FOCUS_GROUP, ['Northgate']);

  const targets = createCode(project, CODES.targets);
  const trust = createCode(project, CODES.trust);
  const named = createCode(project, { ...CODES.named, parentId: trust });
  const failure = createCode(project, CODES.failure);
  const code = (codeId: number, phrase: string) =>
    addCoding(project, { documentId: doc, codeId, ...range(RIVERSIDE, phrase) });

  code(targets, 'the targets are about closing tickets, not fixing homes');
  code(trust, 'I trust the residents more than the system');
  // Overlaps the end of the targets coding and the start of the trust coding.
  code(failure, 'not fixing homes. I trust the residents');
  code(failure, 'nobody calls back');
  code(trust, "When Marcus says he'll come, he comes.");
  // Nested inside the trust coding above.
  code(named, "Marcus says he'll come");
  return project;
}
