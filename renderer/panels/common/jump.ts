import { useWorkspace } from '../../store';

let nonce = Date.now();

/** Opens a document at a passage; each call is a new jump, so the view scrolls there again. */
export function jumpToPassage(documentId: number, start: number, end: number): void {
  nonce += 1;
  void useWorkspace.getState().jumpTo({ documentId, start, end, nonce });
}
