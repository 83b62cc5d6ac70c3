// The duplicate-GUID check of a streamed read (GUIDs must be unique, or references would be ambiguous).
// A large project.qde has over half a million GUIDs, all held until the end, so they are kept compactly.

import { badInput, type CommonplaceError } from '../../shared/errors';
import { guidKey } from '../../shared/exchange/guid';
import { GuidMap } from './guid-map';
import type { XNode } from './xml-read';

export class UniqueGuids {
  private readonly elementNames: string[] = [];
  /** The first repeat, reported once the file has been read (XML errors come first). */
  error: CommonplaceError | undefined;

  /** `seen`: GUID -> the element that has it, as its place in `elementNames` (column 0). */
  constructor(
    private readonly file: string,
    private readonly what: string,
    private readonly seen = new GuidMap(),
  ) {}

  /** Each start tag, as the reader meets it. */
  see(name: string, node: XNode): void {
    const g = node['guid'];
    // A Codebook's Set/MemberCode names its code with `guid`: a reference, not a second definition.
    if (typeof g !== 'string' || name === 'MemberCode' || this.error !== undefined) return;
    const k = guidKey(g);
    const before = this.seen.get(k);
    if (before === undefined) {
      if (!this.elementNames.includes(name)) this.elementNames.push(name);
      this.seen.set(k, this.elementNames.indexOf(name));
      return;
    }
    this.error = badInput(
      this.file,
      `${this.what} gives the GUID ${g} to two elements (${this.elementNames[before]} and ${name}); GUIDs must be unique, so references would be ambiguous`,
    );
  }
}
