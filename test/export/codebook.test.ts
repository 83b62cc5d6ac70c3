import { describe, expect, it } from 'vitest';
import { codebookToCsv, codebookToMarkdown, treeOrder } from '../../shared/export/codebook';
import type { CodeInfo } from '../../shared/types';
import { CODES, parseCsv } from './fixtures';

describe('treeOrder', () => {
  it('puts parents before children and orders siblings by position, then name', () => {
    expect(treeOrder(CODES).map(({ code, depth }) => [code.path, depth])).toEqual([
      ['Managerial domination', 0],
      ['Managerial domination/Surveillance', 1],
      ['Managerial domination/Appraisal', 1],
      ['Managerial domination/Targets', 1],
      ['Managerial domination/Targets/Daily quota', 2],
      // Its parent (99) is not in the list, so it is treated as top-level rather than dropped.
      ['Orphan', 0],
      ['Care work', 0],
      ['Care work/Unpaid', 1],
    ]);
  });

  it('breaks position ties by name, case-insensitively', () => {
    const base = CODES[0]!;
    const codes: CodeInfo[] = ['beta', 'Alpha', 'gamma'].map((name, i) => ({
      ...base,
      id: i + 1,
      parentId: null,
      name,
      path: name,
      position: 0,
    }));
    expect(treeOrder(codes).map((e) => e.code.name)).toEqual(['Alpha', 'beta', 'gamma']);
  });

  it('never loses codes caught in a parent cycle', () => {
    const base = CODES[0]!;
    const codes: CodeInfo[] = [
      { ...base, id: 1, parentId: 2, name: 'A', path: 'A', position: 0 },
      { ...base, id: 2, parentId: 1, name: 'B', path: 'B', position: 1 },
      { ...base, id: 3, parentId: 3, name: 'Self', path: 'Self', position: 2 },
    ];
    const order = treeOrder(codes);
    expect(order.map((e) => e.code.name).sort()).toEqual(['A', 'B', 'Self']);
    expect(order.map((e) => [e.code.name, e.depth])).toEqual([
      ['Self', 0],
      ['A', 0],
      ['B', 1],
    ]);
  });

  it('is empty for no codes', () => {
    expect(treeOrder([])).toEqual([]);
  });
});

describe('codebookToCsv', () => {
  const csv = codebookToCsv(CODES);
  const rows = parseCsv(csv.slice(1));

  it('is BOM-prefixed CSV with the documented header and one row per code in tree order', () => {
    expect(csv.startsWith('\uFEFFPath,Name,Parent,Level,Color,Description,Codings\r\n')).toBe(true);
    expect(rows[0]).toEqual(['Path', 'Name', 'Parent', 'Level', 'Color', 'Description', 'Codings']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(treeOrder(CODES).map((e) => e.code.path));
  });

  it('writes parent path, 1-based level, colour, description and codings', () => {
    expect(rows[5]).toEqual([
      'Managerial domination/Targets/Daily quota',
      'Daily quota',
      'Managerial domination/Targets',
      '3',
      '#3366CC',
      '',
      '3',
    ]);
    expect(rows[1]).toEqual([
      'Managerial domination',
      'Managerial domination',
      '',
      '1',
      '#3366CC',
      'Control exercised by managers, e.g. "=SUM(A1)".',
      '1',
    ]);
    expect(rows[7]![5]).toBe('Paid and unpaid care.\n\n- includes kin care');
    expect(rows[6]![2]).toBe('');
  });
});

describe('codebookToMarkdown', () => {
  const md = codebookToMarkdown(CODES, { title: 'Codebook v2' });

  it('has a title and totals', () => {
    expect(md.startsWith('# Codebook v2\n\n8 codes · 16 codings\n\n')).toBe(true);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('nests sub-codes as indented list items in tree order', () => {
    const items = md.split('\n').filter((l) => /^\s*- /.test(l));
    expect(items).toEqual([
      '- **Managerial domination** (1 coding, 9 with sub-codes)',
      '  - **Surveillance** (0 codings)',
      '  - **Appraisal** (0 codings)',
      '  - **Targets** (5 codings, 8 with sub-codes)',
      '    - **Daily quota** (3 codings)',
      '- **Orphan** (1 coding)',
      '- **Care work** (2 codings, 6 with sub-codes)',
      '  - **Unpaid** (4 codings)',
    ]);
  });

  it('puts descriptions inside their item, escaped, one paragraph per line', () => {
    expect(md).toContain(
      '  - **Targets** (5 codings, 8 with sub-codes)\n\n    Numeric quotas imposed by managers.\n\n    - **Daily',
    );
    expect(md).toContain(
      '- **Care work** (2 codings, 6 with sub-codes)\n\n  Paid and unpaid care.\n\n  \\- includes kin care\n',
    );
  });

  it('escapes Markdown in code names and handles an empty codebook', () => {
    const weird: CodeInfo = {
      ...CODES[0]!,
      id: 1,
      parentId: null,
      name: '*Stars* & [links]',
      path: '*Stars* & [links]',
    };
    expect(codebookToMarkdown([weird])).toContain('- **\\*Stars\\* & \\[links\\]** (5 codings)');
    expect(codebookToMarkdown([])).toBe('# Codebook\n\n0 codes · 0 codings\n\n*No codes.*\n');
  });
});
