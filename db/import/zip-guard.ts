// A .docx is a ZIP archive, and mammoth (through JSZip) unpacks whole entries into memory. A few
// kilobytes can declare, or simply inflate to, gigabytes, so before mammoth sees an archive we read
// its central directory and then inflate every entry as a stream, counting bytes and discarding
// them, and stop at the first limit. The declared sizes alone cannot be trusted: they can lie.

import { Inflate } from 'fflate';

export interface ZipLimits {
  maxEntries: number;
  /** Bytes all entries may unpack to together. */
  maxTotalBytes: number;
  /** Unpacked/packed ratio allowed for entries larger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/** Word's XML compresses about 10:1; images barely at all. A long transcript unpacks to tens of MB. */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 200 * MB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MB,
};

interface Entry {
  name: string;
  flags: number;
  method: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

const DAMAGED = 'is damaged or incomplete and cannot be opened as a Word document (.docx)';
const mb = (n: number) => `${Math.round(n / MB)} MB`;

class ZipProblem extends Error {}

function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.length) throw new ZipProblem(DAMAGED);
  };
  return {
    u16: (o: number) => (need(o, 2), view.getUint16(o, true)),
    u32: (o: number) => (need(o, 4), view.getUint32(o, true)),
    // Sizes beyond 2^53 are absurd for a transcript anyway; Number keeps the arithmetic simple.
    u64: (o: number) => (need(o, 8), Number(view.getBigUint64(o, true))),
    need,
  };
}

function findEndOfDirectory(bytes: Uint8Array, u32: (o: number) => number): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let o = bytes.length - 22; o >= lowest; o--) if (u32(o) === 0x06054b50) return o;
  throw new ZipProblem(DAMAGED);
}

function readDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const { u16, u32, u64, need } = reader(bytes);
  const end = findEndOfDirectory(bytes, u32);
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(end - 20) === 0x07064b50) {
    const zip64End = u64(end - 12);
    if (u32(zip64End) !== 0x06064b50) throw new ZipProblem(DAMAGED);
    count = u64(zip64End + 32);
    offset = u64(zip64End + 48);
  }
  if (count > limits.maxEntries) {
    throw new ZipProblem(
      `is not a normal Word document: it holds ${count.toLocaleString('en')} files (a Word document has a few dozen)`,
    );
  }
  const entries: Entry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (u32(o) !== 0x02014b50) throw new ZipProblem(DAMAGED);
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    need(o + 46, nameLength + extraLength);
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + nameLength)),
      flags: u16(o + 8),
      method: u16(o + 10),
      packed: u32(o + 20),
      unpacked: u32(o + 24),
      localOffset: u32(o + 42),
    };
    // ZIP64: the real values of fields saturated at 0xFFFFFFFF follow in extra field 0x0001, in order.
    for (let x = o + 46 + nameLength; x + 4 <= o + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let v = x + 4;
      for (const key of ['unpacked', 'packed', 'localOffset'] as const) {
        if (entry[key] === 0xffffffff) {
          entry[key] = u64(v);
          v += 8;
        }
      }
    }
    entries.push(entry);
    o += 46 + nameLength + extraLength + u16(o + 32);
  }
  return entries;
}

function tooBig(what: string, limits: ZipLimits): ZipProblem {
  return new ZipProblem(
    `is not a normal Word document: ${what} would unpack to more than ${mb(limits.maxTotalBytes)} (it may be a "zip bomb")`,
  );
}

function checkDeclared(entries: Entry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.unpacked;
    if (e.unpacked > limits.maxTotalBytes || total > limits.maxTotalBytes)
      throw tooBig(e.unpacked > limits.maxTotalBytes ? e.name : 'it', limits);
    if (e.unpacked > limits.ratioFloorBytes && e.unpacked > e.packed * limits.maxRatio) {
      throw new ZipProblem(
        `is not a normal Word document: ${e.name} is compressed more than ${limits.maxRatio} to 1 (it may be a "zip bomb")`,
      );
    }
  }
}

/**
 * Inflates one entry without keeping the output, and stops as soon as it unpacks to more than its
 * stated size; with the stated sizes already checked, that bounds the total too.
 */
function checkInflatedSize(bytes: Uint8Array, entry: Entry): void {
  const { u16, u32, need } = reader(bytes);
  const local = entry.localOffset;
  if (u32(local) !== 0x04034b50) throw new ZipProblem(DAMAGED);
  const start = local + 30 + u16(local + 26) + u16(local + 28);
  need(start, entry.packed);
  const data = bytes.subarray(start, start + entry.packed);
  if (entry.method === 0) {
    if (data.length > entry.unpacked) throw forged(entry);
    return;
  }
  if (entry.method !== 8)
    throw new ZipProblem('uses a ZIP compression method Word does not use, so it cannot be read');
  let size = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > entry.unpacked) over = true;
  });
  // Small input steps bound the output of each step (DEFLATE expands at most ~1032:1).
  const step = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !over; i += step)
      inflate.push(data.subarray(i, i + step), i + step >= data.length);
  } catch {
    throw new ZipProblem(DAMAGED);
  }
  if (over) throw forged(entry);
}

const forged = (entry: Entry) =>
  new ZipProblem(
    `is damaged or forged: ${entry.name} unpacks to more than its stated size (it may be a "zip bomb")`,
  );

/**
 * Why this archive must not be unpacked, in words for a researcher (after "FILE "), or null when it
 * is safe to hand to a ZIP library.
 */
export function zipProblem(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): string | null {
  try {
    const entries = readDirectory(bytes, limits);
    checkDeclared(entries, limits);
    for (const e of entries) {
      if (e.flags & 1) return 'is password-protected. Remove the password in Word and save it again';
      if (e.name.endsWith('/') && e.unpacked === 0) continue;
      checkInflatedSize(bytes, e);
    }
    return null;
  } catch (e) {
    if (e instanceof ZipProblem) return e.message;
    throw e;
  }
}
