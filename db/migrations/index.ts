import type { Database } from 'better-sqlite3';
import { migrate001Initial } from './001-initial';
import { migrate002SearchSegments } from './002-search-segments';
import { migrate003CoveringIndexes } from './003-covering-indexes';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

// Append only. A released migration is never edited: add a new one instead.
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migrate001Initial },
  { version: 2, name: 'search segments', up: migrate002SearchSegments },
  { version: 3, name: 'covering indexes', up: migrate003CoveringIndexes },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

// Tables whose row changes are recorded for undo/redo.
export const TRACKED_TABLES = [
  'meta',
  'coders',
  'documents',
  'doc_groups',
  'group_members',
  'speakers',
  'turns',
  'codes',
  'codings',
  'memos',
  'attribute_defs',
  'attribute_values',
  'text_maps',
] as const;
