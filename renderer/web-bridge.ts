import type { Bridge, Envelope } from '../shared/contract';

// Used only by `npm run web`: the same Bridge as the Electron preload, over fetch to the loopback server.
// The server prints a URL carrying a one-off token; every API request must repeat it.

export const TOKEN_PARAM = 'token';
export const TOKEN_HEADER = 'x-commonplace-token';
export const API_PATH = '/api/call';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const failure = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

export function webBridgeFromLocation(
  location: Pick<Location, 'search'>,
  doFetch: Fetch = fetch,
): Bridge | null {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM);
  if (!token) return null;
  const call = async (name: string, args: unknown): Promise<Envelope<unknown>> => {
    let response: Response;
    try {
      response = await doFetch(API_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ name, args }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return failure('io', 'Lost contact with the Commonplace web server. Is "npm run web" still running?');
    }
    if (response.status === 403) {
      return failure(
        'forbidden',
        'The server refused this page: open the exact address "npm run web" printed.',
      );
    }
    if (!response.ok) return failure('io', `The Commonplace web server answered ${response.status}.`);
    return (await response.json()) as Envelope<unknown>;
  };
  return { call } as Bridge;
}
