// A defensive ZIP reader for archives from other people's tools. It reads the central directory, refuses
// entry names that could escape a folder, and inflates only the entries asked for, with limits on declared
// size, compression ratio and (while inflating) actual size, so a zip bomb stops after a bounded amount of
// work instead of filling memory.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { badInput } from '../../shared/errors';
import { crc32 } from './crc32';

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
    const out: Uint8Array[] = [];
    this.stream(entry, (chunk) => out.push(chunk));
    return Buffer.concat(out);
  }

  /**
   * Hands the entry's bytes to `sink` a piece at a time, inflated under the limits, so a large entry is
   * never in memory whole. The checksum can only be checked at the end, after `sink` has seen it all.
   */
  stream(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
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
    // Charged now, not once read: sources are read while project.qde is still streaming.
    this.readBytes += entry.size;
    const local = this.bytesAt(entry.localOffset, 30);
    if (local.readUInt32LE(0) !== 0x04034b50) this.fail(`has a damaged ${what}`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.fileSize)
      this.fail('is not a valid ZIP archive (a record points past the end of the file)');
    if (entry.method !== 0 && entry.method !== 8)
      this.fail(`has an ${what} compressed with an unsupported method (${entry.method})`);
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      this.fail(`has a damaged ${what} (size mismatch)`);
    let crc = 0;
    const inflater = entry.method === 8 ? new EntryInflater(entry.size) : null;
    const step = 1024 * 1024;
    for (let off = 0; off < entry.compressedSize || off === 0; off += step) {
      const piece = this.bytesAt(start + off, Math.min(step, entry.compressedSize - off));
      const last = off + step >= entry.compressedSize;
      const out = inflater ? this.inflate(inflater, piece, last, what) : [piece];
      for (const chunk of out) {
        crc = crc32(chunk, crc);
        sink(chunk);
      }
      if (entry.compressedSize === 0) break;
    }
    if (inflater && inflater.total !== entry.size)
      this.fail(`has a damaged ${what} (it inflates to ${inflater.total} bytes, not ${entry.size})`);
    if (crc !== entry.crc) this.fail(`has a damaged ${what} (checksum mismatch)`);
  }

  private inflate(inflater: EntryInflater, data: Uint8Array, last: boolean, what: string): Uint8Array[] {
    try {
      return inflater.push(data, last);
    } catch (e) {
      if (inflater.overflow)
        this.fail(
          `has an ${what} that inflates to more than its declared ${inflater.declared} bytes (a zip bomb?)`,
        );
      this.fail(`has a damaged ${what} (${(e as Error).message})`);
    }
  }
}

/** Inflates an entry in pieces, stopping as soon as the output passes the size the directory declares. */
class EntryInflater {
  total = 0;
  overflow = false;
  private out: Uint8Array[] = [];
  private readonly inflater = new Inflate((chunk) => {
    this.total += chunk.length;
    // The declared size can lie; stop as soon as the real output passes it.
    if (this.total > this.declared) {
      this.overflow = true;
      throw new Error('overflow');
    }
    this.out.push(chunk);
  });

  constructor(readonly declared: number) {}

  /** The output for this piece of compressed data. */
  push(data: Uint8Array, last: boolean): Uint8Array[] {
    const step = 16 * 1024;
    if (data.length === 0) this.inflater.push(data, last);
    for (let off = 0; off < data.length; off += step)
      this.inflater.push(data.subarray(off, off + step), last && off + step >= data.length);
    const out = this.out;
    this.out = [];
    return out;
  }
}
