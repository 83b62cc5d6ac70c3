// Reading back DOCX/XLSX packages, and converting them with LibreOffice, for the report tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { tempDir } from '../helpers/project';

/** Every part of an OOXML package, decoded as UTF-8 text (the tests only look at XML parts). */
export function parts(buffer: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buffer));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

// Characters XML 1.0 forbids; a part containing one is what makes Word call a file corrupt.
const ILLEGAL_XML =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Problems that would stop Word or Excel opening the package: ill-formed XML or illegal characters. */
export function xmlProblems(buffer: Buffer): string[] {
  const problems: string[] = [];
  for (const [name, text] of Object.entries(parts(buffer))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const illegal = ILLEGAL_XML.exec(text);
    if (illegal)
      problems.push(`${name}: illegal character U+${illegal[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    const valid = XMLValidator.validate(text);
    if (valid !== true) problems.push(`${name}: ${valid.err.msg} (line ${valid.err.line})`);
  }
  return problems;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface Para {
  /** Paragraph style id, '' for Normal. */
  style: string;
  text: string;
  xml: string;
}

/** The body paragraphs of word/document.xml in order, with style and visible text. */
export function paragraphs(buffer: Buffer): Para[] {
  const xml = parts(buffer)['word/document.xml']!;
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1]!;
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : decode(t[1]!)))
      .join('');
    return { style, text, xml: body };
  });
}

export const headings = (ps: Para[]) => ps.filter((p) => /^Heading\d$/.test(p.style));

/** LibreOffice's binary, or null when it is not installed. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const hasPdftotext = () => spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

/**
 * Converts files to PDF in one LibreOffice run and returns each PDF's text (whitespace collapsed).
 * A private profile directory lets test files convert in parallel without fighting over the lock.
 */
export function convertToPdfText(soffice: string, files: Record<string, Buffer>): Record<string, string> {
  const dir = tempDir();
  const names = Object.keys(files);
  const stems = names.map((n) => n.replace(/\.[^.]+$/, ''));
  // LibreOffice names each PDF after its input's stem, so two inputs must not share one.
  if (new Set(stems).size !== stems.length)
    throw new Error(`Input names must differ before the extension: ${names.join(', ')}`);
  for (const name of names) writeFileSync(join(dir, name), files[name]!);
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync(
    soffice,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names],
    { cwd: dir, stdio: 'pipe', timeout: 120_000 },
  );
  const out: Record<string, string> = {};
  for (const name of names) {
    const pdf = join(dir, name.replace(/\.[^.]+$/, '.pdf'));
    readFileSync(pdf); // throws with the path if LibreOffice produced nothing
    out[name] = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  }
  return out;
}
