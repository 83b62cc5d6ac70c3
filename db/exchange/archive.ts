// A .qdpx as REFI-QDA tools really write it (GUIDE §1): `project.qde` in any case, or a single `*.qde`
// named after the project (ATLAS.ti); sources in `sources/` or `Sources/` (NVivo); names matched without
// case. `internal://` references never get to name a path outside the sources folder.

import { badInput } from '../../shared/errors';
import { SafeZip, type ZipEntry, type ZipLimits } from './zip-read';
import { XmlBytesDecoder } from './xml-read';

export class QdpxArchive {
  private constructor(
    readonly zip: SafeZip,
    readonly qdeEntry: ZipEntry,
    readonly warnings: string[],
  ) {}

  static open(file: string, limits: Partial<ZipLimits> = {}): QdpxArchive {
    const zip = SafeZip.open(file, limits);
    try {
      const atRoot = zip.entries.filter((e) => !e.name.replace(/\\/g, '/').includes('/'));
      const qdes = atRoot.filter((e) => e.name.toLowerCase().endsWith('.qde'));
      const exact = qdes.find((e) => e.name.toLowerCase() === 'project.qde');
      const warnings: string[] = [];
      if (!exact && qdes.length !== 1) {
        throw badInput(
          file,
          qdes.length
            ? `holds ${qdes.length} .qde files and none is named project.qde, so the project is ambiguous`
            : 'holds no project.qde, so it is not a REFI-QDA project file',
        );
      }
      if (!exact) warnings.push(`The project XML is named "${qdes[0]!.name}" rather than project.qde.`);
      return new QdpxArchive(zip, exact ?? qdes[0]!, warnings);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  get file(): string {
    return this.zip.file;
  }

  /** project.qde inflated and decoded a piece at a time, each piece of text handed to `write`. */
  streamQde(write: (text: string) => void): void {
    const decoder = new XmlBytesDecoder(this.file, 'project.qde');
    this.zip.stream(this.qdeEntry, (bytes) => write(decoder.push(bytes)));
    write(decoder.end());
  }

  /**
   * The entry an `internal://NAME` path refers to, looked up in any top-level folder whose name is
   * `sources` in some case. Returns undefined for external (relative://, absolute://) paths.
   */
  internalEntry(path: string, where: string): ZipEntry | undefined {
    const m = /^internal:\/\/(.*)$/i.exec(path.trim());
    if (!m) return undefined;
    const name = decodeURIComponentSafe(m[1]!);
    if (!name || /[\\/]/.test(name) || name === '.' || name === '..')
      throw badInput(
        this.file,
        `${where} refers to "${path}", which is not a plain file name inside the archive`,
      );
    const wanted = `sources/${name}`.toLowerCase();
    const entry = this.zip.entries.find((e) => e.name.replace(/\\/g, '/').toLowerCase() === wanted);
    if (!entry)
      throw badInput(this.file, `${where} refers to "${path}", but the archive has no sources/${name}`);
    return entry;
  }

  read(entry: ZipEntry): Uint8Array {
    return this.zip.read(entry);
  }

  close(): void {
    this.zip.close();
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return s.includes('%') ? decodeURIComponent(s) : s;
  } catch {
    return s;
  }
}
