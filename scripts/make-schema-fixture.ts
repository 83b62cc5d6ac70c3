// Freezes a small, realistic project in today's schema as test/fixtures/schema-vN.commonplace, with
// schema-vN.expected.json describing its content. Run it once for every released schema version:
//
//   npx tsx scripts/make-schema-fixture.ts          (refuses to replace an existing fixture)
//
// and commit both files. Released fixtures are never regenerated: the migration tests open each one
// with the current code and check the upgraded content against its expectations.

import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { Project } from '../db/project';
import { SCHEMA_VERSION } from '../db/migrations';
import { importFiles } from '../db/import/import-files';
import { createCode } from '../db/codes';
import { addCoding, addCodings, setCodingMemo } from '../db/codings';
import { saveMemo } from '../db/memos';
import { setAttribute } from '../db/attributes';
import { listDocuments, getDocument } from '../db/documents';
import { listSpeakers } from '../db/speakers';
import { describeProject } from '../test/fixtures/describe';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../test/fixtures');

const NORTHGATE = `Northgate community of practice, 12 March

Facilitator: Welcome back, everyone. Let's talk about the Hartley case.

Zoë (Housing): Honestly the targets drive everything. My manager counts tenancies sustained, not people helped. 😀 That's the secret caseload nobody reports.

Sam (Police): We had a little miracle last month. He turned up to probation on his own.

Facilitator: What made that possible?

Zoë (Housing): Trust. An honest relationship with one worker who stayed.
`;

const EASTBRIDGE = `[00:00:04] Facilitator: Thanks for coming. How has the new audit changed your week?

[00:00:12] Priya (Health): It's all forms now. Every visit needs three boxes ticked before I can even sit down with someone.

[00:01:03] Tomás (Probation): Same. The targets crowd out the care — and the care is the job.

[00:01:40] Priya (Health): Some of us keep a secret caseload, people we still see off the books.
`;

/** The offsets of `phrase` in `text`, for coding by quotation rather than by counting. */
function span(text: string, phrase: string): { start: number; end: number } {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the document`);
  return { start, end: start + phrase.length };
}

async function build(path: string): Promise<void> {
  const sources = mkdtempSync(join(tmpdir(), 'commonplace-fixture-'));
  try {
    mkdirSync(join(sources, 'northgate'));
    mkdirSync(join(sources, 'eastbridge'));
    writeFileSync(join(sources, 'northgate', 'northgate-march.txt'), NORTHGATE);
    writeFileSync(join(sources, 'eastbridge', 'eastbridge-april.txt'), EASTBRIDGE);
    const project = Project.create(path, { coder: 'alex' });
    try {
      await importFiles(project, [sources], { groupFromFolder: true });
      const docs = Object.fromEntries(listDocuments(project).map((d) => [d.name, d.id]));
      const north = docs['northgate-march']!;
      const east = docs['eastbridge-april']!;
      const northText = getDocument(project, north).text;
      const eastText = getDocument(project, east).text;

      const managerial = createCode(project, {
        name: 'Managerial domination',
        color: '#E6194B',
        description: 'Targets and audit crowd out care',
      });
      const targets = createCode(project, { name: 'Targets', parentId: managerial });
      const secret = createCode(project, { name: 'Secret caseloads', color: '#3CB44B' });
      const trust = createCode(project, { name: 'Trust', description: 'Relationships that last' });

      addCodings(project, [
        { documentId: north, codeId: targets, ...span(northText, 'the targets drive everything') },
        {
          documentId: north,
          codeId: secret,
          ...span(northText, "That's the secret caseload nobody reports."),
        },
        { documentId: east, codeId: targets, ...span(eastText, 'The targets crowd out the care') },
        { documentId: east, codeId: managerial, ...span(eastText, "It's all forms now.") },
      ]);
      // A span that starts on an emoji (two UTF-16 code units) keeps offset handling honest.
      const emoji = addCoding(project, {
        documentId: north,
        codeId: managerial,
        ...span(northText, '😀 That'),
        memo: 'Irony, not joy',
      });
      project.coder = 'sam';
      const trustCoding = addCoding(project, {
        documentId: north,
        codeId: trust,
        ...span(northText, 'An honest relationship with one worker who stayed.'),
      });
      setCodingMemo(project, trustCoding.ids[0]!, 'Key quote for the paper');
      addCoding(project, {
        documentId: east,
        codeId: secret,
        ...span(eastText, 'people we still see off the books'),
      });
      saveMemo(project, 'project', 0, 'Second round of coding after the March workshop.');
      saveMemo(project, 'code', trust, 'Continuity of the worker, not the service.');
      saveMemo(project, 'document', east, 'Audio poor in the last ten minutes.');
      setAttribute(project, 'document', north, 'Site', 'Northgate');
      setAttribute(project, 'document', north, 'Held on', '2024-03-12', 'date');
      const zoe = listSpeakers(project).find((s) => s.name.startsWith('Zoë'))!;
      setAttribute(project, 'speaker', zoe.id, 'Years in post', '12', 'number');
      // Leave one undone step, so the redo stack is part of what an upgrade must keep.
      addCoding(project, { documentId: east, codeId: trust, ...span(eastText, 'sit down with someone') });
      project.history.undo();
      if (!emoji.ids.length) throw new Error('emoji coding not added');
      // Formatted as `npm run lint` expects, so the fixture commits cleanly.
      const expectedPath = path.replace(/\.commonplace$/, '.expected.json');
      const options = await prettier.resolveConfig(expectedPath);
      const json = JSON.stringify(describeProject(project));
      writeFileSync(expectedPath, await prettier.format(json, { ...options, filepath: expectedPath }));
    } finally {
      project.close();
    }
    // One self-contained file: everything checkpointed, rollback journal, no free pages.
    const db = new Database(path);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
    db.close();
    for (const side of ['-wal', '-shm'])
      if (existsSync(path + side)) throw new Error(`${path}${side} left over`);
  } finally {
    rmSync(sources, { recursive: true, force: true });
  }
}

const target = join(FIXTURES, `schema-v${SCHEMA_VERSION}.commonplace`);
if (existsSync(target) && !process.argv.includes('--force')) {
  console.error(
    `${target} exists. Released fixtures are frozen; pass --force only for an unreleased schema.`,
  );
  process.exit(1);
}
rmSync(target, { force: true });
await build(target);
console.log(`Wrote ${target}`);
