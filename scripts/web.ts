// `npm run web -- PROJECT`: opens a project and serves the workspace to a local browser.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { Project } from '../db/project';
import { createHandlers } from '../db/handlers';
import { isCommonplaceError } from '../shared/errors';
import { startWebServer } from './web-server';

const root = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const path = process.argv[2];

if (!path || path === '--help' || path === '-h') {
  console.error('Usage: npm run web -- PROJECT.commonplace\nServes the workspace for PROJECT on 127.0.0.1.');
  process.exit(path ? 0 : 2);
}
if (!existsSync(resolve(root, 'index.html'))) {
  console.error('The renderer is not built: run "npm run build" (or "npm run web", which builds it) first.');
  process.exit(1);
}

let project: Project;
try {
  project = Project.open(resolve(path));
} catch (e) {
  console.error(isCommonplaceError(e) ? e.message : e);
  process.exit(1);
}

const web = await startWebServer({ root, handlers: createHandlers(project) });
console.log(
  `Commonplace is serving "${project.name}" at\n\n  ${web.url}\n\nOpen it in a browser. Ctrl+C stops.`,
);

const stop = () => {
  void web.close().finally(() => {
    project.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
