// The streamed export and import (issue 7) must give what the whole-in-memory paths give.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { listCodes } from '../../db/codes';
import { importCodebook } from '../../db/exchange/codebook';
import { exportQdpx } from '../../db/exchange/export-project';
import { buildSnapshot } from '../../db/exchange/snapshot';
import type { QdeProject, QdeText } from '../../db/exchange/qde-model';
import { readQde } from '../../db/exchange/qde-reader';
import { XmlStreamReader } from '../../db/exchange/xml-stream';
import { SafeZip } from '../../db/exchange/zip-read';
import { ZipFileWriter } from '../../db/exchange/zip-write';
import { projectToQde } from '../../shared/exchange/qde-writer';
import type { ProjectSnapshot } from '../../shared/exchange/snapshot';
import { cleanupTempDirs, newProject, tempDir } from '../helpers/project';
import { buildStudy } from './helpers';

afterEach(cleanupTempDirs);

/** The archive built whole in memory, as the reference the streamed export must match. */
function inMemoryQdpx(snapshot: ProjectSnapshot): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(projectToQde(snapshot)) };
  for (const s of snapshot.sources) files[`sources/${s.fileName}`] = strToU8(s.text);
  return zipSync(files, { level: 6 });
}

describe('streamed export', () => {
  it('writes the same entries as the in-memory archive, readable by our reader and by fflate', async () => {
    const p = newProject();
    buildStudy(p);
    const out = join(tempDir(), 'study.qdpx');
    await exportQdpx(p, out);
    const snapshot = buildSnapshot(p);
    p.close();
    const streamed = unzipSync(readFileSync(out));
    const inMemory = unzipSync(inMemoryQdpx(snapshot));
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

  it('deflates an entry larger than one piece into one valid stream', async () => {
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

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('streamed project.qde reading', () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="P &amp; Q" origin="Tool" creationDateTime="2024-01-02T03:04:05Z">
  <Users><User guid="${G(10)}" name=" Ann "/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${G(11)}" name="Parent" color="#FF0000" isCodable="false">
        <Description>d &lt;1&gt;</Description>
        <Code guid="{${G(12).toUpperCase()}}" name="Child" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="${G(1)}" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="${G(2)}" name="line&#10;break &lt;here&gt;" startPosition="0" endPosition="4" creatingUser="${G(10)}" creationDateTime="2024-01-02T03:04:05Z">
        <Coding guid="${G(5)}" creatingUser="${G(10)}"><CodeRef targetGUID="${G(12)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(3)}" name="Named\twith
a break" plainTextPath="internal://b.txt"/>
  </Sources>
  <Notes>
    <Note guid="${G(4)}" name="n"><PlainTextContent>a &amp; <![CDATA[<b>]]> c</PlainTextContent></Note>
  </Notes>
</Project>
`;

  const text = (t: Partial<QdeText> & Pick<QdeText, 'key' | 'name'>): QdeText => ({
    description: '',
    selections: [],
    codings: [],
    noteRefs: [],
    values: [],
    otherSelections: 0,
    ...t,
  });
  const source = (key: string, name: string, plainTextPath: string, t: Partial<QdeText> = {}) => ({
    kind: 'TextSource' as const,
    key,
    name,
    description: '',
    texts: [text({ key, name, plainTextPath, ...t })],
    mediaSelections: 0,
    mediaCodings: 0,
    codings: [],
    noteRefs: [],
    values: [],
  });
  const expected: QdeProject = {
    name: 'P & Q',
    origin: 'Tool',
    created: '2024-01-02T03:04:05Z',
    description: '',
    noteRefs: [],
    users: [{ key: G(10), name: 'Ann' }],
    codes: [
      {
        key: G(11),
        name: 'Parent',
        color: '#FF0000',
        codable: false,
        description: 'd <1>',
        noteRefs: [],
        // A braced, upper-case GUID is keyed as the GUID it is.
        children: [{ key: G(12), name: 'Child', codable: true, description: '', noteRefs: [], children: [] }],
      },
    ],
    variables: [],
    cases: [],
    sources: [
      // A source without a name is named by its place; the selection's name keeps its character reference.
      source(G(1), 'Source 1', 'internal://a.txt', {
        selections: [
          {
            key: G(2),
            name: 'line\nbreak <here>',
            start: 0,
            end: 4,
            user: G(10),
            created: '2024-01-02T03:04:05Z',
            description: '',
            codings: [{ key: G(5), code: G(12), user: G(10), noteRefs: [] }],
            noteRefs: [],
          },
        ],
      }),
      // Literal tabs and line breaks in an attribute are normalised to spaces.
      source(G(3), 'Named with a break', 'internal://b.txt'),
    ],
    notes: [text({ key: G(4), name: 'n', content: 'a & <b> c' })],
    links: [],
    sets: [],
    graphs: 0,
  };

  it('reads a file whole or fed in small pieces into the same model, with entities decoded once', async () => {
    const warnings: string[] = [];
    expect(readQde((write) => write(xml), 'f.qdpx', warnings)).toEqual(expected);
    for (const size of [1, 7, 64]) {
      const pieces = (write: (s: string) => void) => {
        for (let i = 0; i < xml.length; i += size) write(xml.slice(i, i + size));
      };
      expect(readQde(pieces, 'f.qdpx', warnings)).toEqual(expected);
    }
    expect(warnings).toEqual([]);
  });

  it('reads past a byte-order mark', async () => {
    expect(readQde((write) => write('\ufeff' + xml), 'f.qdpx')).toEqual(expected);
  });

  it('refuses a DOCTYPE however it is split between two pieces', async () => {
    const hostile = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x "y">]><Project/>';
    for (let cut = 1; cut < hostile.length; cut++)
      expect(() =>
        readQde((write) => {
          write(hostile.slice(0, cut));
          write(hostile.slice(cut));
        }, 'f.qdpx'),
      ).toThrow(/^f\.qdpx: project\.qde contains a DOCTYPE or ENTITY declaration/);
  });

  it('reports XML errors as such, but lets an exception from a handler through unchanged', async () => {
    expect(() => readQde((write) => write('<Project><Users></Project>'), 'f.qdpx')).toThrow(
      /^f\.qdpx: project\.qde is not well-formed XML \(line 1: unexpected close tag/,
    );
    const bug = new TypeError('a bug in a handler');
    const reader = new XmlStreamReader('f.qdpx', 'project.qde', {
      onElement: () => {
        throw bug;
      },
    });
    let thrown: unknown;
    try {
      reader.write(xml);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(bug);
  });
});

describe('a .qdc codebook, read by the same streaming reader', () => {
  const qdc = (codes: string) =>
    `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;
  const write = (content: string | Uint8Array) => {
    const file = join(tempDir(), 'in.qdc');
    writeFileSync(file, content);
    return file;
  };

  it('reads UTF-16 with a byte-order mark, entities decoded', async () => {
    const p = newProject();
    const xml = qdc(`<Code guid="${G(1)}" name="Targets &amp; audit" isCodable="true"/>`);
    const file = write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    expect(importCodebook(p, file)).toMatchObject({ added: 1 });
    expect(listCodes(p).map((c) => [c.guid, c.name])).toEqual([[G(1), 'Targets & audit']]);
    p.close();
  });

  it('refuses a file that is not a codebook, is not well-formed, or repeats a GUID, and changes nothing', async () => {
    const p = newProject();
    const project = write('<Project xmlns="urn:QDA-XML:project:1.0"/>');
    expect(() => importCodebook(p, project)).toThrow(
      `${project}: has a <Project> root, not a REFI-QDA <CodeBook>`,
    );
    const broken = write(qdc(`<Code guid="${G(1)}" name="a" isCodable="true">`));
    expect(() => importCodebook(p, broken)).toThrow(
      new RegExp(
        `^${broken.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}: the codebook is not well-formed XML \\(line 1: `,
      ),
    );
    const twice = write(
      qdc(
        `<Code guid="${G(1)}" name="a" isCodable="true"><Code guid="${G(1).toUpperCase()}" name="b" isCodable="true"/></Code>`,
      ),
    );
    expect(() => importCodebook(p, twice)).toThrow(
      `${twice}: the codebook gives the GUID ${G(1).toUpperCase()} to two elements (Code and Code); GUIDs must be unique, so references would be ambiguous`,
    );
    expect(listCodes(p)).toEqual([]);
    expect(p.history.peekUndo()).toBeUndefined();
    p.close();
  });
});
