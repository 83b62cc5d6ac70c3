// Bytes of a text-based transcript -> decoded text and the name of its encoding. Researchers get files
// from Word on old Windows machines, transcription services and Macs, so we read UTF-8 (with or without
// BOM), UTF-16 and Windows-1252, and refuse anything else rather than store mojibake.

import iconv from 'iconv-lite';
import { badInput } from '../../shared/errors';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Well-known binary formats that people try to import, with advice in their own terms. */
function binaryKind(bytes: Uint8Array): string | null {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
    return 'is a PDF file, not plain text. Copy the text into a .txt or .docx file and import that';
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    return 'is a ZIP archive (perhaps a Word document), not plain text. A Word file must end in .docx';
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return 'is an old Word 97-2003 (.doc) or other Office file, not plain text. Save it as .docx in Word first';
  }
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) {
    return 'is a Rich Text (.rtf) file. Save it as .docx or plain text (.txt) first';
  }
  return null;
}

const strict = (label: string) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return strict(label).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM shows up as a zero byte beside almost every ASCII character. Checking both
 * halves keeps a binary file with scattered zeros from passing as text.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

// C0 controls other than tab, LF, VT, FF, CR; a few strays happen in real files, many mean binary.
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g; // eslint-disable-line no-control-regex

function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls >= 16 || controls * 1000 > text.length;
}

const BINARY =
  'is not a text file (it contains binary data). Transcripts must be plain text, Markdown, Word (.docx), WebVTT or SRT';

/** Decodes a whole text file; throws badInput naming the problem when it is not readable text. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const kind = binaryKind(bytes);
  if (kind) throw badInput(file, kind);

  let decoded: DecodedText | null = null;
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) {
    throw badInput(
      file,
      'is encoded as UTF-32, which is not supported. Save it as UTF-8 and import it again',
    );
  } else if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === null) throw badInput(file, 'is marked as UTF-8 but contains bytes that are not valid UTF-8');
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const body = bytes.subarray(2);
    // Real UTF-16 text has zero bytes beside its ASCII characters; without any, a body that is valid
    // UTF-8 was mislabelled, and decoding it as UTF-16 would store CJK-looking garbage.
    if (body.length >= 8 && !body.includes(0) && decodeStrict(body, 'utf-8') !== null) {
      throw badInput(
        file,
        'starts with a UTF-16 byte-order mark but its text is UTF-8. Save it again as UTF-8 and import it again',
      );
    }
    const text = decodeStrict(body, encoding);
    if (text === null)
      throw badInput(file, 'is marked as UTF-16 but is damaged or cut short (invalid UTF-16)');
    decoded = { text, encoding };
  } else {
    const utf16 = bomlessUtf16(bytes);
    const text16 = utf16 ? decodeStrict(bytes, utf16) : null;
    if (utf16 && text16 !== null) decoded = { text: text16, encoding: utf16 };
  }

  if (!decoded) {
    if (bytes.includes(0)) throw badInput(file, BINARY);
    const utf8 = decodeStrict(bytes, 'utf-8');
    if (utf8 !== null) {
      decoded = { text: utf8, encoding: 'utf-8' };
    } else {
      // Node's TextDecoder('windows-1252') decodes as Latin-1 (0x92 -> U+0092), so use iconv-lite.
      const text = iconv.decode(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        'windows-1252',
      );
      // Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned in Windows-1252: the file is in some other encoding.
      if (text.includes('\ufffd')) {
        throw badInput(
          file,
          'is in a text encoding we cannot recognise (not UTF-8, UTF-16 or Windows-1252). Save it as UTF-8 and import it again',
        );
      }
      decoded = { text, encoding: 'windows-1252' };
    }
  }
  if (looksBinary(decoded.text)) throw badInput(file, BINARY);
  return decoded;
}
