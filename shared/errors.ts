export type ErrorCode =
  | 'bad-input' // a file or value the user supplied cannot be used
  | 'not-found'
  | 'conflict' // e.g. a duplicate name
  | 'invalid-argument'
  | 'schema-too-new'
  | 'locked'
  | 'io'
  | 'unsupported'
  | 'internal';

// The one error type the core throws on purpose; front doors show `message` to the user as is.
export class CommonplaceError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'CommonplaceError';
    this.code = code;
    this.file = file;
  }
}

export function isCommonplaceError(e: unknown): e is CommonplaceError {
  return e instanceof CommonplaceError;
}

export const badInput = (file: string, problem: string) => new CommonplaceError('bad-input', problem, file);
export const notFound = (what: string) => new CommonplaceError('not-found', what);
export const conflict = (what: string) => new CommonplaceError('conflict', what);
export const invalidArgument = (what: string) => new CommonplaceError('invalid-argument', what);
