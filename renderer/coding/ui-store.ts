import { create } from 'zustand';

// UI state of coding in the open transcript: which popup is open, over which passage, and where focus
// goes back to when it closes. Passages are document offsets, never DOM nodes, so they survive the
// transcript updating underneath an open popup.

export interface Passage {
  documentId: number;
  start: number;
  end: number;
}

export interface QuickCodeRequest extends Passage {
  /** What is being coded, in words ("Whole turn of Priya", or the start of the selected text). */
  what: string;
  /** The block to focus afterwards. */
  blockKey: string | null;
  /** A mouse selection is given back when the popup is dismissed, so it can still be copied. */
  reselect: boolean;
}

export interface CodingInfoRequest extends Passage {
  /** Codings to show (the popover follows the document: removed ones drop out). */
  codingIds: number[];
  blockKey: string | null;
  /** Opened by click or key: focus moves in and it stays until dismissed. Hover popovers are not. */
  pinned: boolean;
}

export interface Flash extends Passage {
  nonce: number;
}

export interface CodingUiState {
  quick: QuickCodeRequest | null;
  info: CodingInfoRequest | null;
  help: boolean;
  flash: Flash | null;
  /** The last store.jumpTarget nonce acted on, so reopening a document does not jump again. */
  handledJump: number;
  /** What the last coding action did, for screen readers (a polite live region). */
  announcement: string;
  openQuick(request: QuickCodeRequest): void;
  closeQuick(): void;
  openInfo(request: CodingInfoRequest): void;
  closeInfo(): void;
  setHelp(open: boolean): void;
  flashPassage(passage: Passage): void;
  clearFlash(nonce: number): void;
  markJumpHandled(nonce: number): void;
  announce(text: string): void;
  /** Closes everything that belongs to the open document (it is being closed). */
  reset(): void;
}

let flashes = 0;

export const useCodingUi = create<CodingUiState>()((set, get) => ({
  quick: null,
  info: null,
  help: false,
  flash: null,
  handledJump: 0,
  announcement: '',
  openQuick: (quick) => set({ quick, info: null, help: false }),
  closeQuick: () => set({ quick: null }),
  openInfo: (info) => set({ info, quick: null }),
  closeInfo: () => set({ info: null }),
  setHelp: (help) => set({ help }),
  flashPassage: (p) => set({ flash: { ...p, nonce: ++flashes } }),
  clearFlash: (nonce) => {
    if (get().flash?.nonce === nonce) set({ flash: null });
  },
  markJumpHandled: (handledJump) => set({ handledJump }),
  announce: (announcement) => set({ announcement }),
  reset: () => set({ quick: null, info: null, flash: null }),
}));
