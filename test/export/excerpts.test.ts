import { describe, expect, it } from 'vitest';
import { excerptsToCsv, excerptsToJson, excerptsToMarkdown } from '../../shared/export/excerpts';
import { EXCERPTS, parseCsv } from './fixtures';

describe('excerptsToCsv', () => {
  const csv = excerptsToCsv(EXCERPTS);
  const rows = parseCsv(csv.slice(1));

  it('is a BOM-prefixed, CRLF-terminated file with the documented header', () => {
    expect(csv.startsWith('\uFEFFDocument,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([
      'Document',
      'Groups',
      'Speakers',
      'Code',
      'Code path',
      'Start',
      'End',
      'Text',
      'Context',
      'Memo',
      'Coder',
      'Created',
    ]);
    expect(rows).toHaveLength(EXCERPTS.length + 1);
  });

  it('writes every field back exactly, lists joined with "; "', () => {
    const e = EXCERPTS[0]!;
    expect(rows[1]).toEqual([
      'FG2 Tenants, Leeds.docx',
      'Tenants; Leeds',
      'Facilitator; Zoë (Housing)',
      'Targets',
      'Managerial domination/Targets',
      String(e.start),
      String(e.end),
      'Facilitator: And the targets?\nZoë (Housing): They say "hit 40 a day", or else. 😀 Honestly.',
      e.context,
      'Compare with FG1 — same "or else" framing.\nFollow up in round 2.',
      'alice',
      e.createdAt,
    ]);
  });

  it('keeps leading/trailing spaces and writes a null memo as empty', () => {
    const padded = rows[6]!;
    expect(padded[7]).toBe(' padded ');
    expect(padded[9]).toBe('');
    expect(padded[10]).toBe('');
  });

  it('neutralises formulas in text cells', () => {
    expect(rows[2]![7]).toBe('\'=HYPERLINK("http://evil.example","click") is what I typed, lol');
    expect(rows[5]![7]).toBe("'@everyone +1 on that");
    expect(rows[3]![7]).toBe("'- you just do it, *nobody* pays you for [that]");
  });
});

describe('excerptsToJson', () => {
  const json = excerptsToJson(EXCERPTS);
  const parsed = JSON.parse(json) as Record<string, unknown>[];

  it('is a pretty array ending in a newline', () => {
    expect(json.startsWith('[\n  {\n    "doc": ')).toBe(true);
    expect(json.endsWith(']\n')).toBe(true);
    expect(parsed).toHaveLength(EXCERPTS.length);
  });

  it('has exactly the contract keys, in order, with the original values', () => {
    const keys = [
      'doc',
      'groups',
      'speakers',
      'code',
      'path',
      'start',
      'end',
      'text',
      'context',
      'memo',
      'coder',
    ];
    parsed.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(keys);
      const e = EXCERPTS[i]!;
      expect(row).toEqual({
        doc: e.doc,
        groups: e.groups,
        speakers: e.speakers,
        code: e.code,
        path: e.path,
        start: e.start,
        end: e.end,
        text: e.text,
        context: e.context,
        memo: e.memo,
        coder: e.coder,
      });
    });
    expect(parsed[1]!.memo).toBeNull();
  });

  it('is "[]" plus newline for no excerpts', () => {
    expect(excerptsToJson([])).toBe('[]\n');
  });
});

describe('excerptsToMarkdown', () => {
  const md = excerptsToMarkdown(EXCERPTS, {
    title: 'Round 1 *draft*',
    descriptions: new Map([['Managerial domination/Targets', 'Numeric quotas.\n- imposed by managers']]),
  });
  const headings = md.split('\n').filter((l) => l.startsWith('## '));

  it('has an escaped title and a summary line', () => {
    expect(md.startsWith('# Round 1 \\*draft\\*\n\n6 excerpts · 5 codes · 3 documents\n')).toBe(true);
  });

  it('has one heading per code, parents before sub-codes, names escaped', () => {
    expect(headings).toEqual([
      '## Care work',
      '## Care work / Unpaid',
      '## Managerial domination',
      '## Managerial domination / Targets',
      '## Resistance / \\<script\\>alert(1)',
    ]);
  });

  /** The section of the report under a heading, up to the next one. */
  const section = (heading: string) => {
    const start = md.indexOf(`${heading}\n`);
    const next = md.indexOf('\n## ', start + 1);
    return md.slice(start, next < 0 ? undefined : next);
  };

  it('groups excerpts under their code with a count and the description', () => {
    const targets = section('## Managerial domination / Targets');
    expect(targets).toContain('\n\nNumeric quotas.\n\n\\- imposed by managers\n\n*2 excerpts*\n');
    expect(targets).toContain('> @everyone +1 on that');
    expect(targets).toContain('> Zoë (Housing): They say "hit 40 a day", or else. 😀 Honestly.');
    expect(section('## Managerial domination')).toContain('*1 excerpt*');
    expect((targets.match(/^— /gm) ?? []).length).toBe(2);
  });

  it('quotes multi-line excerpts line by line inside one blockquote', () => {
    expect(md).toContain(
      '> Facilitator: And the targets?\n>\n> Zoë (Housing): They say "hit 40 a day", or else. 😀 Honestly.',
    );
  });

  it('writes a source line with document, groups, speakers, position and coder', () => {
    const e = EXCERPTS[0]!;
    expect(md).toContain(
      `— **FG2 Tenants, Leeds.docx** · Groups: Tenants; Leeds · Speakers: Facilitator, Zoë (Housing) · ` +
        `Position ${e.start}–${e.end} · Coder: alice`,
    );
  });

  it('writes memos, multi-line ones with hard breaks', () => {
    expect(md).toContain('**Memo:** Compare with FG1 — same "or else" framing.\\\nFollow up in round 2.');
    expect(md).toContain('**Memo:** leading space memo');
  });

  it('escapes Markdown syntax in text and metadata', () => {
    const care = section('## Care work / Unpaid');
    expect(care).toContain('> \\- you just do it, \\*nobody\\* pays you for \\[that\\]');
    expect(md).toContain('**\\<script\\>alert("doc")\\</script\\>.txt**');
    expect(md).toContain('Speakers: Mallory \\<img src=x onerror=alert(1)\\>');
    expect(md).not.toMatch(/<script>/);
  });

  it('omits an empty coder and says so when there are no excerpts', () => {
    expect(section('## Care work\n')).not.toContain('Coder:');
    expect(excerptsToMarkdown([])).toBe(
      '# Coded excerpts\n\n0 excerpts · 0 codes · 0 documents\n\n*No excerpts.*\n',
    );
  });
});
