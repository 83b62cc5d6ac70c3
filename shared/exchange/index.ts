// Pure REFI-QDA helpers: position units, GUIDs, XML writing. No Node APIs.
export * from './positions';
export * from './unit-detect';
export * from './guid';
export * from './values';
export type * from './snapshot';
export { projectToQde } from './qde-writer';
export { codebookToQdc, PROJECT_NS, CODEBOOK_NS } from './codebook-xml';
