// A ZIP archive written to a file one entry at a time, each entry from a stream of chunks, so an export
// never holds the whole archive (or a whole entry) in memory. Each local header is written first and
// patched with the CRC and sizes once its data is out, the layout `zipSync` produces (no data
// descriptors, which some readers handle badly). No ZIP64: an archive past 4 GiB is refused.

import { closeSync, openSync, writeSync } from 'node:fs';
import zlib from 'node:zlib';
import { crc32 } from './crc32';

const LIMIT = 0xffffffff;
/**
 * Input is deflated in pieces this large. Each piece is a separate deflate run ending in a full flush
 * (byte-aligned, no back-references across it), so the pieces concatenate into one valid stream; at
 * this size that costs well under 1% of compression, and node's zlib is several times faster than a
 * JavaScript deflate.
 */
const PIECE = 4 * 2 ** 20;

interface Written {
  name: Uint8Array;
  utf8: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipFileWriter {
  private offset = 0;
  private readonly entries: Written[] = [];
  private readonly stamp = dosDateTime(new Date());

  private constructor(private readonly fd: number) {}

  /** Creates (or truncates) `path`; the caller must `close()` the writer, also after a failure. */
  static create(path: string): ZipFileWriter {
    return new ZipFileWriter(openSync(path, 'w'));
  }

  private write(bytes: Uint8Array, position?: number): void {
    let done = 0;
    while (done < bytes.length)
      done += writeSync(
        this.fd,
        bytes,
        done,
        bytes.length - done,
        position === undefined ? null : position + done,
      );
    if (position === undefined) {
      this.offset += bytes.length;
      if (this.offset > LIMIT) throw new Error('the archive would pass 4 GiB, which needs ZIP64');
    }
  }

  private header(central: boolean, e: Written): Buffer {
    const fixed = central ? 46 : 30;
    const b = Buffer.alloc(fixed + e.name.length);
    let p = 0;
    b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, p);
    p += 4;
    if (central) {
      b.writeUInt16LE(20, p); // made by: version 2.0, MS-DOS attributes
      p += 2;
    }
    b.writeUInt16LE(20, p); // version needed: deflate
    b.writeUInt16LE(e.utf8 ? 0x800 : 0, p + 2);
    b.writeUInt16LE(8, p + 4);
    b.writeUInt16LE(this.stamp.time, p + 6);
    b.writeUInt16LE(this.stamp.date, p + 8);
    b.writeUInt32LE(e.crc, p + 10);
    b.writeUInt32LE(e.compressedSize, p + 14);
    b.writeUInt32LE(e.size, p + 18);
    b.writeUInt16LE(e.name.length, p + 22);
    // Extra field, comment, disk and attributes stay zero.
    if (central) b.writeUInt32LE(e.offset, 42);
    b.set(e.name, fixed);
    return b;
  }

  /** Adds a deflated entry whose content is the concatenation of `chunks`. */
  addEntry(name: string, chunks: Iterable<Uint8Array>): void {
    const nameBytes = Buffer.from(name, 'utf8');
    const entry: Written = {
      name: nameBytes,
      utf8: nameBytes.length !== name.length,
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset: this.offset,
    };
    this.write(this.header(false, entry));
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const deflate = (last: boolean) => {
      const input = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const out = zlib.deflateRawSync(input, {
        level: 6,
        finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH,
      });
      entry.compressedSize += out.length;
      this.write(out);
    };
    for (const chunk of chunks) {
      entry.crc = crc32(chunk, entry.crc);
      entry.size += chunk.length;
      if (entry.size > LIMIT) throw new Error(`"${name}" would pass 4 GiB, which needs ZIP64`);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= PIECE) deflate(false);
    }
    deflate(true);
    this.write(this.header(false, entry), entry.offset);
    this.entries.push(entry);
  }

  /** Writes the central directory; the archive is complete once this returns. */
  finish(): void {
    if (this.entries.length > 0xffff) throw new Error('the archive would have too many entries for a ZIP');
    const start = this.offset;
    for (const e of this.entries) this.write(this.header(true, e));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }

  close(): void {
    closeSync(this.fd);
  }
}
