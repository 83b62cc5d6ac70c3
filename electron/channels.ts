// IPC channel names shared by main and preload. The renderer never sees them.
export const CALL_CHANNEL = 'commonplace:call';
export const MENU_CHANNEL = 'commonplace:menu';

/** Commands the native menu forwards to the page (which owns focus and knows what "undo" means there). */
export const MENU_COMMANDS = ['undo', 'redo', 'find', 'import', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The shape of the window message the preload posts for a menu command. */
export const MENU_MESSAGE_TYPE = 'commonplace:menu';
export interface MenuMessage {
  type: typeof MENU_MESSAGE_TYPE;
  command: MenuCommand;
}

/** Import progress reaches the page as a window message too. */
export const PROGRESS_CHANNEL = 'commonplace:progress';
export const PROGRESS_MESSAGE_TYPE = 'commonplace:progress';
export interface ProgressMessage {
  type: typeof PROGRESS_MESSAGE_TYPE;
  done: number;
  total: number;
  file: string;
}

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
