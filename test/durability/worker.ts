// Child process for the durability test: applies codings (and some removals, undos and redos) one by
// one through the core, announcing each operation before it starts ("?…") and acknowledging it only
// after its transaction has committed. The parent kills it with SIGKILL at random moments and checks
// that every acknowledged change survived. Writes go straight to fd 1 with writeSync: process.stdout
// may buffer, and a buffered acknowledgement could claim more than was on the wire when it died.
//
//   node --import tsx test/durability/worker.ts PROJECT SEED LOCK(exclusive|none) [MAX_OPS]

import { writeSync } from 'node:fs';
import { Project } from '../../db/project';
import { addCoding, removeCodings } from '../../db/codings';
import { mulberry32 } from './random';

const [path, seedText, lockMode, maxText] = process.argv.slice(2);
if (!path || !seedText) throw new Error('usage: worker.ts PROJECT SEED LOCK [MAX_OPS]');
const random = mulberry32(Number(seedText));
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(1, bytes, done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

const project = Project.open(path, {
  lock: lockMode === 'exclusive' ? 'exclusive' : 'none',
  coder: 'worker',
});
const docs = (
  project.db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[]
).map((d) => ({ id: d.id, length: d.text.length }));
const codes = project.db.prepare('SELECT id FROM codes').pluck().all() as number[];
const live = project.db.prepare('SELECT id FROM codings').pluck().all() as number[];
const ranges = new Map<number, string>();
const rangeSql = `SELECT id, document_id || ' ' || code_id || ' ' || start || ' ' || end AS range FROM codings`;
for (const r of project.db.prepare(rangeSql).all() as { id: number; range: string }[])
  ranges.set(r.id, r.range);
say('ready');

// The coding whose addition is the newest undoable step, if the last operation was such an addition.
let topAdd: number | null = null;
const max = maxText ? Number(maxText) : Infinity;
for (let op = 0; op < max; op++) {
  const r = random();
  if (r < 0.05 && live.length > 0) {
    const id = live.splice(Math.floor(random() * live.length), 1)[0]!;
    say(`?R ${id}`);
    removeCodings(project, [id]);
    say(`R ${id}`);
    topAdd = null;
  } else if (r < 0.1 && topAdd !== null) {
    const id: number = topAdd;
    say(`?R ${id}`);
    project.history.undo();
    say(`R ${id}`);
    live.splice(live.indexOf(id), 1);
    topAdd = null;
    if (random() < 0.5) {
      say(`?A ${id} ${ranges.get(id)}`);
      project.history.redo();
      say(`A ${id} ${ranges.get(id)}`);
      live.push(id);
      topAdd = id;
    }
  } else {
    const doc = pick(docs);
    const start = Math.floor(random() * (doc.length - 1));
    const end = start + 1 + Math.floor(random() * Math.min(200, doc.length - start - 1));
    const range = `${doc.id} ${pick(codes)} ${start} ${end}`;
    const [, code] = range.split(' ');
    say(`?A - ${range}`);
    const result = addCoding(project, { documentId: doc.id, codeId: Number(code), start, end });
    const id = result.ids[0];
    if (id === undefined) {
      say('X'); // the same code on the same range already existed: nothing changed
      topAdd = null;
      continue;
    }
    say(`A ${id} ${range}`);
    ranges.set(id, range);
    live.push(id);
    topAdd = id;
  }
}
project.close();
say('done');
