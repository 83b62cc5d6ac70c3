// Each text gets its own position unit: selections written by different tools over the same BOM + CRLF
// text with emoji must all land on the same passages.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Project } from '../../db/project';
import { importQdpx } from '../../db/exchange/import-project';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { writeZip } from './helpers';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BOM = '\ufeff';

describe('position units per source, end to end', () => {
  const text =
    'Focus group 2\r\nMo: the bus 🚌 never comes 😤 on time.\r\nLi: we walk, it’s 3 km 🥾🥾.\r\nMo: and in winter ❄️ nobody walks.\r\n';
  const phrases = ['never comes', 'on time', 'we walk', 'winter ❄️ nobody', 'Mo: and in'];
  const count: Record<string, (prefix: string) => number> = {
    utf16: (s) => s.length,
    'codepoints-lf': (s) => Array.from(s.replace(/\r\n/g, '\n')).length,
    codepoints: (s) => Array.from(s).length,
    utf8: (s) => Buffer.byteLength(s),
  };

  it.each([
    ['NVivo for Windows 12.6', 'utf16'],
    ['ATLAS.ti for Windows 23', 'codepoints-lf'],
    ['QualCoder 3.6', 'codepoints'],
    ['Unknown tool', 'utf16'],
    ['Unknown tool', 'codepoints-lf'],
    ['Unknown tool', 'utf8'],
  ])('%s counting in %s', async (origin, unit) => {
    const selections = phrases
      .map((p, i) => {
        const at = text.indexOf(p);
        const [s, e] = [count[unit]!(text.slice(0, at)), count[unit]!(text.slice(0, at + p.length))];
        return `<PlainTextSelection guid="${G(200 + i)}" startPosition="${s}" endPosition="${e}"><Coding guid="${G(300 + i)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;
      })
      .join('');
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="${origin}"><CodeBook><Codes><Code guid="${G(1)}" name="c" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="${G(2)}" name="fg" plainTextPath="internal://${G(2)}.txt">${selections}</TextSource></Sources></Project>`;
    const file = writeZip({ 'project.qde': qde, [`sources/${G(2)}.txt`]: BOM + text });
    const path = join(tempDir(), 'units.commonplace');
    const { units } = await importQdpx(file, path, { detectSpeakers: false });
    expect(units).toEqual([expect.objectContaining({ unit, selections: 5, onWordBoundaries: 5 })]);
    const p = Project.open(path);
    const rows = p.db
      .prepare(
        'SELECT d.text, k.start, k.end FROM codings k JOIN documents d ON d.id = k.document_id ORDER BY k.start',
      )
      .all() as {
      text: string;
      start: number;
      end: number;
    }[];
    p.close();
    expect(rows.map((r) => r.text.slice(r.start, r.end)).sort()).toEqual([...phrases].sort());
  });
});
