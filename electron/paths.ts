import { extname, resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../db/project';

/**
 * The project file named on the command line, if any. Electron's argv is [exe, app, ...] in development
 * (`electron . study.commonplace`) and [exe, ...] when packaged; Chromium switches start with '-'.
 */
export function projectFromArgv(argv: readonly string[], packaged: boolean, cwd: string): string | null {
  const rest = argv.slice(packaged ? 1 : 2);
  const arg = rest.find((a) => a.length > 0 && !a.startsWith('-'));
  return arg === undefined ? null : resolve(cwd, arg);
}

/** Save dialogs on Linux do not add the extension from the filter; add it so the file is recognisable. */
export function withProjectExtension(path: string): string {
  return extname(path).toLowerCase() === PROJECT_EXTENSION ? path : `${path}${PROJECT_EXTENSION}`;
}
