import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { exportQdpx } from '../../db/exchange/export-project';
import { cleanupTempDirs, FOCUS_GROUP, newProject, tempDir } from '../helpers/project';
import { buildStudy, canValidate, PROJECT_XSD, qdeText, schemaErrors, unzipFile } from './helpers';

afterEach(cleanupTempDirs);

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  trimValues: false,
  isArray: (_n, _p, _l, isAttr) => !isAttr,
});
const all = (n: Node | undefined, name: string) => (n?.[name] as Node[] | undefined) ?? [];
const one = (n: Node | undefined, name: string) => all(n, name)[0];
const text = (n: Node | undefined) => (typeof n === 'string' ? n : String(n?.['#text'] ?? ''));

async function exportStudy() {
  const p = newProject();
  const ids = buildStudy(p);
  const out = join(tempDir(), 'study.qdpx');
  const summary = await exportQdpx(p, out);
  const docGuids = Object.fromEntries(
    (
      p.db.prepare('SELECT name, upper(guid) AS guid FROM documents').all() as {
        name: string;
        guid: string;
      }[]
    ).map((d) => [d.name, d.guid]),
  );
  p.close();
  const xml = qdeText(out);
  const root = one(parser.parse(xml) as Node, 'Project')!;
  return { out, xml, root, summary, ids, docGuids };
}

describe('exportQdpx', () => {
  it('writes project.qde and lower-case sources/ holding UTF-8 text without BOM, with LF', async () => {
    const { out, summary, docGuids } = await exportStudy();
    const entries = unzipFile(out);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'project.qde',
        `sources/${docGuids['Eastbridge April']}.txt`,
        `sources/${docGuids['Northgate March']}.txt`,
      ].sort(),
    );
    const north = entries[`sources/${docGuids['Northgate March']}.txt`]!;
    expect([...north.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(north)).toBe(FOCUS_GROUP);
    const east = strFromU8(entries[`sources/${docGuids['Eastbridge April']}.txt`]!);
    expect(east).not.toContain('\r');
    expect(east).toContain('👩🏽‍⚕️');
    expect(summary).toEqual({ sources: 2, codes: 5, codings: 8, memos: 5, cases: 5, variables: 8 });
  });

  it.skipIf(!canValidate)('produces XML that validates against Project.xsd', async () => {
    const { xml } = await exportStudy();
    expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
  });

  it('counts positions in code points over the exported text, end exclusive', async () => {
    const { out, root, docGuids } = await exportStudy();
    const sources = all(one(root, 'Sources'), 'TextSource');
    const north = sources.find((s) => s.name === 'Northgate March')!;
    const phrase = "😀 That's the secret caseload nobody reports.";
    const u16 = FOCUS_GROUP.indexOf(phrase);
    const sel = all(north, 'PlainTextSelection').find(
      (s) => one(s, 'Coding') && text(one(s, 'Description')).startsWith('Emoji'),
    )!;
    // Independent count: code points before the phrase in the UTF-16 text.
    expect(Number(sel.startPosition)).toBe(Array.from(FOCUS_GROUP.slice(0, u16)).length);
    expect(Number(sel.startPosition)).toBe(u16); // no astral character comes before it in this text
    const file = strFromU8(unzipFile(out)[`sources/${docGuids['Northgate March']}.txt`]!);
    const cps = Array.from(file);
    expect(cps.slice(Number(sel.startPosition), Number(sel.endPosition)).join('')).toBe(phrase);
    expect(Number(sel.endPosition) - Number(sel.startPosition)).toBe(phrase.length - 1); // the emoji is 2 units, 1 code point

    // After emoji the two units diverge; every coding must still select its text by code points.
    const east = sources.find((s) => s.name === 'Eastbridge April')!;
    const eastFile = Array.from(strFromU8(unzipFile(out)[`sources/${docGuids['Eastbridge April']}.txt`]!));
    const selected = all(east, 'PlainTextSelection')
      .filter((s) => one(s, 'Coding'))
      .map((s) => eastFile.slice(Number(s.startPosition), Number(s.endPosition)).join(''));
    expect(selected).toEqual([
      'hides a secret caseload',
      'rare 👩🏽‍⚕️.',
      'the little miracles',
      'the little miracles 🙏: a client',
    ]);
  });

  it('writes users, the code tree with colours and descriptions, and codings with their coder', async () => {
    const { root } = await exportStudy();
    const users = all(one(root, 'Users'), 'User');
    expect(users.map((u) => u.name)).toEqual(['second coder', 'tester']);
    const top = all(one(one(root, 'CodeBook'), 'Codes'), 'Code');
    expect(top.map((c) => [c.name, c.color, c.isCodable])).toEqual([
      ['Managerial domination', '#E6194B', 'true'],
      ['Secret caseloads', '#4363D8', 'true'],
      ['Little miracles', expect.stringMatching(/^#[0-9A-F]{6}$/), 'true'],
    ]);
    expect(text(one(top[0], 'Description'))).toBe(
      'Targets and audit crowd out care.\nLine two\twith a tab & <angle> "quotes"',
    );
    const targets = one(top[0], 'Code')!;
    expect(targets.name).toBe('Targets');
    expect(one(targets, 'Code')!.name).toBe('Metrics 📊');
    const coderOf = new Map(users.map((u) => [u.guid, u.name]));
    const codings = all(one(root, 'Sources'), 'TextSource').flatMap((s) =>
      all(s, 'PlainTextSelection').flatMap((sel) => all(sel, 'Coding')),
    );
    expect(codings).toHaveLength(8);
    expect(codings.map((c) => coderOf.get(c.creatingUser as string)).sort()).toEqual([
      ...Array(4).fill('second coder'),
      ...Array(4).fill('tester'),
    ]);
    expect(codings.every((c) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(c.creationDateTime as string))).toBe(
      true,
    );
  });

  it('writes memos as Notes referenced from the project, the source and the code; coding memos as Description', async () => {
    const { root } = await exportStudy();
    const notes = all(one(root, 'Notes'), 'Note');
    const byName = new Map(notes.map((n) => [n.name, n]));
    expect([...byName.keys()].sort()).toEqual([
      'Memo: Eastbridge April',
      'Memo: Managerial domination',
      'Project journal',
    ]);
    const journal = byName.get('Project journal')!;
    expect(text(one(journal, 'PlainTextContent'))).toBe('Journal: first pass done.\n\nNext: compare sites.');
    expect(all(root, 'NoteRef').map((r) => r.targetGUID)).toEqual([journal.guid]);
    const east = all(one(root, 'Sources'), 'TextSource').find((s) => s.name === 'Eastbridge April')!;
    expect(all(east, 'NoteRef').map((r) => r.targetGUID)).toEqual([
      byName.get('Memo: Eastbridge April')!.guid,
    ]);
    const md = all(one(one(root, 'CodeBook'), 'Codes'), 'Code')[0]!;
    expect(all(md, 'NoteRef').map((r) => r.targetGUID)).toEqual([
      byName.get('Memo: Managerial domination')!.guid,
    ]);
    const descriptions = all(one(root, 'Sources'), 'TextSource')
      .flatMap((s) => all(s, 'PlainTextSelection'))
      .map((s) => text(one(s, 'Description')))
      .filter(Boolean);
    expect(descriptions.sort()).toEqual(['Emoji before the quote\nsecond line', 'Good example']);
  });

  it('writes typed Variables, document values on sources, and speakers as Cases pointing at their turns', async () => {
    const { root } = await exportStudy();
    const vars = all(one(root, 'Variables'), 'Variable');
    expect(vars.map((v) => [v.name, v.typeOfVariable]).sort()).toEqual([
      ['Duration (h)', 'Float'],
      ['Held on', 'Date'],
      ['Participants', 'Integer'],
      ['Recorded', 'Boolean'],
      ['Role', 'Text'],
      ['Site', 'Text'],
      ['Staff', 'Boolean'],
      ['Years in post', 'Integer'],
    ]);
    const varName = new Map(vars.map((v) => [v.guid, v.name]));
    const north = all(one(root, 'Sources'), 'TextSource').find((s) => s.name === 'Northgate March')!;
    const values = Object.fromEntries(
      all(north, 'VariableValue').map((v) => {
        const [kind] = Object.keys(v).filter((k) => k.endsWith('Value'));
        return [varName.get(one(v, 'VariableRef')!.targetGUID), `${kind}:${text(one(v, kind!))}`];
      }),
    );
    expect(values).toEqual({
      Site: 'TextValue:Northgate',
      Participants: 'IntegerValue:4',
      'Duration (h)': 'FloatValue:1.5',
      'Held on': 'DateValue:2024-03-12',
      Recorded: 'BooleanValue:true',
    });
    const cases = all(one(root, 'Cases'), 'Case');
    expect(cases.map((c) => c.name)).toEqual([
      'Facilitator',
      'José (Charity)',
      'Priya (Probation)',
      'Sam (Police)',
      'Zoë (Housing)',
    ]);
    const zoe = cases.find((c) => c.name === 'Zoë (Housing)')!;
    const turnGuids = all(zoe, 'SelectionRef').map((r) => r.targetGUID);
    expect(turnGuids).toHaveLength(2);
    const turns = all(north, 'PlainTextSelection').filter((s) => turnGuids.includes(s.guid));
    expect(turns.map((t) => [t.name, all(t, 'Coding').length])).toEqual([
      ['Zoë (Housing)', 0],
      ['Zoë (Housing)', 0],
    ]);
    const file = Array.from(FOCUS_GROUP);
    expect(file.slice(Number(turns[0]!.startPosition), Number(turns[0]!.endPosition)).join('')).toMatch(
      /^Zoë \(Housing\): Honestly the targets.*nobody reports\.$/,
    );
    expect(all(zoe, 'VariableValue')).toHaveLength(2);
  });

  it('writes groups as Sets of sources with their description', async () => {
    const { root, docGuids } = await exportStudy();
    const sets = all(one(root, 'Sets'), 'Set');
    expect(
      sets.map((s) => [s.name, text(one(s, 'Description')), all(s, 'MemberSource').map((m) => m.targetGUID)]),
    ).toEqual([
      ['All sites', 'Every site', [docGuids['Eastbridge April'], docGuids['Northgate March']]],
      ['Northgate', '', [docGuids['Northgate March']]],
    ]);
  });

  it('leaves out empty containers, so an empty project is still schema-valid', async () => {
    const p = newProject();
    const out = join(tempDir(), 'empty.qdpx');
    await exportQdpx(p, out);
    p.close();
    const xml = qdeText(out);
    expect(xml).not.toMatch(/<(Users|CodeBook|Sources|Notes|Sets|Cases|Variables)\b/);
    if (canValidate) expect(schemaErrors(xml, PROJECT_XSD)).toBe('');
  });

  it('leaves nothing behind when the target cannot be written', async () => {
    const p = newProject();
    const dir = tempDir();
    await expect(exportQdpx(p, join(dir, 'missing-folder', 'x.qdpx'))).rejects.toThrow(
      /cannot write the file/,
    );
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    p.close();
  });
});
