import { useWorkspace } from '../store';

let nonce = 0;

/** Opens the document at a passage (leaving Compare); every call scrolls again, even to the same place. */
export function jumpToPassage(documentId: number, start: number, end: number): void {
  nonce += 1;
  void useWorkspace.getState().jumpTo({ documentId, start, end, nonce });
}
