// Container and XML variants that real tools write (GUIDE §1, §2, §5), all accepted.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Project } from '../../db/project';
import { importQdpx } from '../../db/exchange/import-project';
import { listCodes } from '../../db/codes';
import { cleanupTempDirs, tempDir } from '../helpers/project';
import { writeZip } from './helpers';

afterEach(cleanupTempDirs);

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function load(entries: Record<string, string | Uint8Array>) {
  const path = join(tempDir(), 'p.commonplace');
  const result = await importQdpx(writeZip(entries), path);
  const project = Project.open(path);
  const facts = {
    codes: listCodes(project).map((c) => c.path),
    docs: project.db.prepare('SELECT name, text FROM documents').all(),
    codings: project.db.prepare('SELECT start, end FROM codings').all(),
  };
  project.close();
  return { result, facts };
}

describe('lenient reading', () => {
  it('takes Project.qde in any case, a namespace prefix, a BOM before <?xml and empty containers (Taguette)', async () => {
    const xml =
      '\ufeff<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n' +
      `<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="p"><qda:Users/><qda:CodeBook><qda:Codes>` +
      `<qda:Code guid="{${G(1)}}" name="Only" isCodable="true"/></qda:Codes></qda:CodeBook>` +
      `<qda:Sources><qda:TextSource guid="${G(2)}" name="Doc" plainTextPath="internal://X.txt">` +
      `<qda:PlainTextSelection guid="${G(3)}" startPosition="0" endPosition="4"><qda:Coding guid="${G(4)}">` +
      `<qda:CodeRef targetGUID="${G(1).toUpperCase()}"/></qda:Coding></qda:PlainTextSelection></qda:TextSource></qda:Sources>` +
      '<qda:Notes/><qda:Sets/><qda:Links/></qda:Project>';
    const { result, facts } = await load({ 'Project.QDE': xml, 'SOURCES/x.TXT': 'Text here' });
    expect(result.warnings).toEqual([]);
    expect(result.report).toEqual({
      sources: 1,
      codes: 1,
      codings: 1,
      memos: 0,
      cases: 0,
      variables: 0,
      skipped: [],
    });
    expect(facts).toEqual({
      codes: ['Only'],
      docs: [{ name: 'Doc', text: 'Text here' }],
      codings: [{ start: 0, end: 4 }],
    });
  });

  it('accepts non-GUID ids, resolving references by the same id', async () => {
    const xml =
      `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="c001" name="Home-made" isCodable="true"/>` +
      `</Codes></CodeBook><Sources><TextSource guid="s001"><PlainTextContent>abc def</PlainTextContent>` +
      `<PlainTextSelection guid="x1" startPosition="4" endPosition="7"><Coding guid="k1"><CodeRef targetGUID="C001"/></Coding>` +
      `</PlainTextSelection></TextSource></Sources></Project>`;
    const { result, facts } = await load({ 'project.qde': xml });
    expect(result.report.codings).toBe(1);
    expect(facts.docs).toEqual([{ name: 'Source 1', text: 'abc def' }]);
    expect(facts.codings).toEqual([{ start: 4, end: 7 }]);
  });

  it('skips a source whose text lives outside the archive, saying so', async () => {
    const xml =
      `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>` +
      `<TextSource guid="${G(2)}" name="Far away" plainTextPath="absolute:///C:/data/far.txt"/></Sources></Project>`;
    const { result } = await load({ 'project.qde': xml });
    expect(result.report.sources).toBe(0);
    expect(result.report.skipped).toEqual([
      {
        what: 'source "Far away"',
        why: 'its text is an external file (absolute:///C:/data/far.txt); only files inside the archive are read',
      },
    ]);
  });
});
