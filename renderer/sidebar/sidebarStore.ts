import { create } from 'zustand';

// UI state of the left column only (what is open, filtered, being edited). Project data stays in the
// workspace store, so an undo or a change made elsewhere always shows here.

export type CodeDialog =
  | { kind: 'delete-code'; id: number }
  | { kind: 'merge-code'; id: number }
  | { kind: 'move-code'; id: number }
  | { kind: 'color-code'; id: number }
  | { kind: 'describe-code'; id: number };

export type DocumentDialog =
  { kind: 'delete-document'; id: number } | { kind: 'document-groups'; id: number };

export type GroupDialog = { kind: 'delete-group'; id: number };

export type SidebarDialog = CodeDialog | DocumentDialog | GroupDialog;

export interface MenuRequest {
  kind: 'code' | 'document' | 'group';
  id: number;
  /** Which listing of a document (it may be under several groups), so focus returns to the right row. */
  groupKey?: string;
  /** Viewport position of the menu's top-left corner. */
  x: number;
  y: number;
}

export interface Toast {
  message: string;
  /** Offer an Undo button (the change went into the shared history). */
  undoable: boolean;
  /** Distinguishes two equal messages, so the live region announces both. */
  nonce: number;
}

interface SidebarState {
  collapsedCodes: ReadonlySet<number>;
  collapsedGroups: ReadonlySet<string>;
  codeFilter: string;
  documentFilter: string;
  /** The code with the tree's keyboard focus (roving tabindex). */
  focusedCodeId: number | null;
  /** Where a Shift-click range starts. */
  anchorCodeId: number | null;
  renamingCodeId: number | null;
  renamingDocument: { id: number; groupKey: string } | null;
  renamingGroupId: number | null;
  /** The new-code form: closed, or open with the parent it offers. */
  newCode: { parentId: number | null; asSubcode: boolean } | null;
  dialog: SidebarDialog | null;
  menu: MenuRequest | null;
  toast: Toast | null;
  /** Bumped to ask the tree to put DOM focus on its focused row once it has re-rendered. */
  treeFocusRequest: number;
  toggleCode(id: number, expanded?: boolean): void;
  toggleGroup(key: string): void;
  setCodeFilter(text: string): void;
  setDocumentFilter(text: string): void;
  focusCode(id: number | null, anchor?: boolean): void;
  setRenamingCode(id: number | null): void;
  setRenamingDocument(target: { id: number; groupKey: string } | null): void;
  setRenamingGroup(id: number | null): void;
  openNewCode(parentId: number | null, asSubcode: boolean): void;
  closeNewCode(): void;
  openDialog(dialog: SidebarDialog): void;
  closeDialog(): void;
  openMenu(menu: MenuRequest): void;
  closeMenu(): void;
  showToast(message: string, undoable?: boolean): void;
  dismissToast(): void;
  /** Focus this code's row after the next render (e.g. once a move has refreshed the tree). */
  refocusCode(id: number): void;
}

let nonce = 0;

export const useSidebar = create<SidebarState>()((set) => ({
  collapsedCodes: new Set(),
  collapsedGroups: new Set(),
  codeFilter: '',
  documentFilter: '',
  focusedCodeId: null,
  anchorCodeId: null,
  renamingCodeId: null,
  renamingDocument: null,
  renamingGroupId: null,
  newCode: null,
  dialog: null,
  menu: null,
  toast: null,
  treeFocusRequest: 0,

  toggleCode: (id, expanded) =>
    set((s) => {
      const next = new Set(s.collapsedCodes);
      const expand = expanded ?? next.has(id);
      if (expand) next.delete(id);
      else next.add(id);
      return { collapsedCodes: next };
    }),
  toggleGroup: (key) =>
    set((s) => {
      const next = new Set(s.collapsedGroups);
      if (!next.delete(key)) next.add(key);
      return { collapsedGroups: next };
    }),
  setCodeFilter: (codeFilter) => set({ codeFilter }),
  setDocumentFilter: (documentFilter) => set({ documentFilter }),
  focusCode: (id, anchor = false) =>
    set((s) => ({ focusedCodeId: id, anchorCodeId: anchor ? id : s.anchorCodeId })),
  setRenamingCode: (renamingCodeId) => set({ renamingCodeId }),
  setRenamingDocument: (renamingDocument) => set({ renamingDocument }),
  setRenamingGroup: (renamingGroupId) => set({ renamingGroupId }),
  openNewCode: (parentId, asSubcode) => set({ newCode: { parentId, asSubcode } }),
  closeNewCode: () => set({ newCode: null }),
  openDialog: (dialog) => set({ dialog, menu: null }),
  closeDialog: () => set({ dialog: null }),
  openMenu: (menu) => set({ menu }),
  closeMenu: () => set({ menu: null }),
  showToast: (message, undoable = false) => set({ toast: { message, undoable, nonce: ++nonce } }),
  dismissToast: () => set({ toast: null }),
  refocusCode: (id) => set((s) => ({ focusedCodeId: id, treeFocusRequest: s.treeFocusRequest + 1 })),
}));
