// The streamed export and import (issue 7) must give what the whole-in-memory paths give.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { exportQdpx, snapshotToQdpx } from '../../db/exchange/export-project';
import { buildSnapshot } from '../../db/exchange/snapshot';
import { parseQde, readQde } from '../../db/exchange/qde-reader';
import { SafeZip } from '../../db/exchange/zip-read';
import { ZipFileWriter } from '../../db/exchange/zip-write';
import { projectToQde } from '../../shared/exchange/qde-writer';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { buildStudy } from './helpers';

afterEach(cleanupTempDirs);

describe('streamed export', () => {
  it('writes the same entries as the in-memory archive, readable by our reader and by fflate', () => {
    const p = newProject();
    buildStudy(p);
    const out = join(tempDir(), 'study.qdpx');
    exportQdpx(p, out);
    const snapshot = buildSnapshot(p);
    p.close();
    const streamed = unzipSync(readFileSync(out));
    const inMemory = unzipSync(snapshotToQdpx(snapshot));
    expect(Object.keys(streamed)).toEqual(Object.keys(inMemory));
    for (const [name, bytes] of Object.entries(inMemory)) expect(streamed[name]).toEqual(bytes);
    expect(strFromU8(streamed['project.qde']!)).toBe(projectToQde(snapshot));
    const zip = SafeZip.open(out);
    try {
      for (const e of zip.entries) expect(zip.read(e)).toEqual(Buffer.from(inMemory[e.name]!));
    } finally {
      zip.close();
    }
  });

  it('deflates an entry larger than one piece into one valid stream', () => {
    const file = join(tempDir(), 'big.zip');
    const line = new TextEncoder().encode('<PlainTextSelection name="a fairly long line"/>\n');
    const chunks = Array.from({ length: 200_000 }, () => line);
    const zip = ZipFileWriter.create(file);
    try {
      zip.addEntry('big.txt', chunks);
      zip.addEntry('empty.txt', []);
      zip.finish();
    } finally {
      zip.close();
    }
    const entries = unzipSync(readFileSync(file));
    expect(entries['big.txt']!.length).toBe(line.length * chunks.length);
    expect(entries['empty.txt']!.length).toBe(0);
  });
});

describe('streamed project.qde reading', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="P &amp; Q">
  <Sources>
    <TextSource guid="00000000-0000-4000-8000-000000000001" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="00000000-0000-4000-8000-000000000002" name="line&#10;break &lt;here&gt;" startPosition="0" endPosition="4"/>
    </TextSource>
    <TextSource guid="00000000-0000-4000-8000-000000000003" name="Named" plainTextPath="internal://b.txt"/>
  </Sources>
  <Notes>
    <Note guid="00000000-0000-4000-8000-000000000004" name="n"><PlainTextContent>a &amp; <![CDATA[<b>]]></PlainTextContent></Note>
  </Notes>
</Project>
`;

  it('reads a file fed in small pieces as it reads it whole, with entities decoded once', () => {
    const pieces = (write: (s: string) => void) => {
      for (let i = 0; i < xml.length; i += 7) write(xml.slice(i, i + 7));
    };
    const model = readQde(pieces, 'f.qdpx');
    expect(model).toEqual(parseQde(xml, 'f.qdpx'));
    expect(model.name).toBe('P & Q');
    expect(model.sources.map((s) => s.name)).toEqual(['Source 1', 'Named']);
    expect(model.sources[0]!.texts[0]!.selections[0]!.name).toBe('line\nbreak <here>');
    expect(model.notes[0]!.content).toBe('a & <b>');
  });

  it('refuses a DOCTYPE split between two pieces', () => {
    const hostile = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "y">]><Project/>';
    const cut = hostile.indexOf('DOC') + 2;
    expect(() =>
      readQde((write) => {
        write(hostile.slice(0, cut));
        write(hostile.slice(cut));
      }, 'f.qdpx'),
    ).toThrow(/contains a DOCTYPE or ENTITY declaration/);
  });
});
