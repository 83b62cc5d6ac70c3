// Child process for the lock tests: opens a project the way the desktop app does, says "ready",
// and keeps it open until it is killed or its stdin closes.
//
//   node --import tsx test/safety/hold-lock.ts PROJECT

import { writeSync } from 'node:fs';
import { Project } from '../../db/project';

const project = Project.open(process.argv[2]!, { lock: 'exclusive', app: 'Commonplace' });
writeSync(1, `ready ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  project.close();
  process.exit(0);
});
