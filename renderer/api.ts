import type { Bridge, CallArgs, CallName, CallResult } from '../shared/contract';
import { webBridgeFromLocation } from './web-bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload (or a test harness); absent in a plain browser. */
    commonplace?: Bridge;
  }
}

/** A failed call, carrying the core's error code so the UI can react to kinds of failure. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

let bridge: Bridge | null | undefined;

function currentBridge(): Bridge | null {
  if (bridge === undefined) bridge = window.commonplace ?? webBridgeFromLocation(window.location);
  return bridge;
}

/** Calls the core and returns its value; failures become ApiError with the core's code and message. */
export async function call<K extends CallName>(name: K, args: CallArgs<K>): Promise<CallResult<K>> {
  const b = currentBridge();
  if (!b) {
    throw new ApiError(
      'no-bridge',
      'This page is not connected to a project. Open a project in the Commonplace app, ' +
        'or run "npm run web -- PROJECT" and open the address it prints.',
    );
  }
  const envelope = await b.call(name, args);
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

export function errorInfo(e: unknown): { code: string; message: string } {
  if (e instanceof ApiError) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: 'internal', message: e.message };
  return { code: 'internal', message: String(e) };
}
