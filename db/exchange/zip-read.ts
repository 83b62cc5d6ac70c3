// A defensive ZIP reader for archives from other people's tools. It reads the central directory, refuses
// entry names that could escape a folder, and inflates only the entries asked for, with limits on declared
// size, compression ratio and (while inflating) actual size, so a zip bomb stops after a bounded amount of
// work instead of filling memory.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { badInput } from '../../shared/errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest uncompressed entry we will read. */
  maxEntryBytes: number;
  /** Sum of everything read from one archive. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio, checked for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 512 * 2 ** 20,
  maxTotalBytes: 2 ** 30,
  maxRatio: 200,
  ratioFloorBytes: 2 ** 20,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(chunks: Uint8Array[]): number {
  let c = -1;
  for (const d of chunks) for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Why an entry name is unsafe to resolve against a folder, or null when it is fine. */
export function unsafeEntryName(name: string): string | null {
  if (!name) return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/')) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(n)) return 'is an absolute path with a drive letter';
  if (n.split('/').some((seg) => seg === '..')) return 'climbs out of the archive with ".."';
  return null;
}

export class SafeZip {
  readonly entries: ZipEntry[] = [];
  private readBytes = 0;

  private constructor(
    private readonly fd: number,
    private readonly fileSize: number,
    readonly file: string,
    private readonly limits: ZipLimits,
  ) {}

  /** Opens an archive and checks its directory; the caller must `close()` it. */
  static open(file: string, limits: Partial<ZipLimits> = {}): SafeZip {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (e) {
      throw badInput(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const zip = new SafeZip(fd, fstatSync(fd).size, file, { ...DEFAULT_ZIP_LIMITS, ...limits });
    try {
      zip.readDirectory();
    } catch (e) {
      zip.close();
      throw e;
    }
    return zip;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  private fail(problem: string): never {
    throw badInput(this.file, problem);
  }

  private bytesAt(offset: number, length: number): Buffer {
    if (offset < 0 || length < 0 || offset + length > this.fileSize)
      this.fail('is not a valid ZIP archive (a record points past the end of the file)');
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buf, done, length - done, offset + done);
      if (n === 0) this.fail('is not a valid ZIP archive (cut short)');
      done += n;
    }
    return buf;
  }

  private readDirectory(): void {
    const tailLength = Math.min(this.fileSize, 22 + 0xffff);
    const tail = this.bytesAt(this.fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) this.fail('is not a ZIP archive (a .qdpx file is a ZIP archive)');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff)
      this.fail('is a ZIP64 archive, which is not supported');
    if (count > this.limits.maxEntries)
      this.fail(`has ${count} entries, more than the limit of ${this.limits.maxEntries}`);
    const dir = this.bytesAt(dirOffset, dirSize);
    const seen = new Set<string>();
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) this.fail('has a damaged ZIP directory');
      const flags = dir.readUInt16LE(p + 8);
      const nameLength = dir.readUInt16LE(p + 28);
      const rawName = dir.subarray(p + 46, p + 46 + nameLength);
      // Bit 11 marks UTF-8 names; others are CP437, which matches ASCII for the names REFI files use.
      const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
      const entry: ZipEntry = {
        name,
        flags,
        method: dir.readUInt16LE(p + 10),
        crc: dir.readUInt32LE(p + 16),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
      };
      const unsafe = unsafeEntryName(name);
      if (unsafe) this.fail(`has an entry "${name}" that ${unsafe}; refusing the archive`);
      const key = name.replace(/\\/g, '/').toLowerCase();
      if (seen.has(key)) this.fail(`has two entries named "${name}" (names compared without case)`);
      seen.add(key);
      if (!name.endsWith('/')) this.entries.push(entry);
      p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
  }

  /** The entry's bytes, inflated under the limits. */
  read(entry: ZipEntry): Uint8Array {
    const { limits } = this;
    const what = `entry "${entry.name}"`;
    if (entry.flags & 1) this.fail(`has an encrypted ${what}; export it again without a password`);
    if (entry.size > limits.maxEntryBytes)
      this.fail(`has an ${what} of ${entry.size} bytes, more than the limit of ${limits.maxEntryBytes}`);
    if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio)
      this.fail(
        `has an ${what} that expands ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times (a zip bomb?)`,
      );
    if (this.readBytes + entry.size > limits.maxTotalBytes)
      this.fail(`holds more than ${limits.maxTotalBytes} bytes of data in the entries needed`);
    const local = this.bytesAt(entry.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) this.fail(`has a damaged ${what}`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = this.bytesAt(start, entry.compressedSize);
    const out = this.inflate(entry, data, what);
    this.readBytes += entry.size;
    const bytes = Buffer.concat(out);
    if (crc32(out) !== entry.crc) this.fail(`has a damaged ${what} (checksum mismatch)`);
    return bytes;
  }

  private inflate(entry: ZipEntry, data: Uint8Array, what: string): Uint8Array[] {
    if (entry.method === 0) {
      if (data.length !== entry.size) this.fail(`has a damaged ${what} (size mismatch)`);
      return [data];
    }
    if (entry.method !== 8)
      this.fail(`has an ${what} compressed with an unsupported method (${entry.method})`);
    const out: Uint8Array[] = [];
    let total = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      // The declared size can lie; stop as soon as the real output passes it.
      if (total > entry.size) {
        overflow = true;
        throw new Error('overflow');
      }
      out.push(chunk);
    });
    const step = 16 * 1024;
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let off = 0; off < data.length; off += step)
        inflater.push(data.subarray(off, off + step), off + step >= data.length);
    } catch (e) {
      if (overflow)
        this.fail(`has an ${what} that inflates to more than its declared ${entry.size} bytes (a zip bomb?)`);
      this.fail(`has a damaged ${what} (${(e as Error).message})`);
    }
    if (total !== entry.size)
      this.fail(`has a damaged ${what} (it inflates to ${total} bytes, not ${entry.size})`);
    return out;
  }
}
