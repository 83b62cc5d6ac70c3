// CRC-32 as ZIP uses it, continued across chunks. Node's zlib has a native one from 20.15 (and every
// Electron we ship); the table version covers older Node 20 releases.

import zlib from 'node:zlib';

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function tableCrc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array, previous?: number) => number }).crc32;

/** The CRC of `data`, continuing from `previous` (the CRC of what came before it, 0 at the start). */
export const crc32: (data: Uint8Array, previous?: number) => number = native ?? tableCrc32;
