// Characters no file system accepts in a name, and control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\x00-\x1f]+/g;

/** A project or code name made safe to suggest as a file name (never empty). */
export const safeFileName = (s: string): string => s.replace(UNSAFE, '-').slice(0, 100) || 'project';
