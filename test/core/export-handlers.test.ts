import { afterEach, describe, expect, it } from 'vitest';
import { addTextDocument, cleanupTempDirs, FOCUS_GROUP, newProject } from '../helpers/project';
import { createHandlers, dispatch } from '../../db/handlers';
import { createCode } from '../../db/codes';
import { addCoding } from '../../db/codings';
import type { ExportedFile } from '../../shared/contract';

afterEach(cleanupTempDirs);

async function exported(name: string, args: unknown): Promise<ExportedFile> {
  const r = await dispatch(handlers, name, args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ExportedFile;
}

let handlers: ReturnType<typeof createHandlers>;

describe('exports through the contract', () => {
  it('gives every excerpt, codebook and project format as a file to save', async () => {
    const p = newProject();
    const doc = addTextDocument(p, 'Northgate 1', FOCUS_GROUP, ['Northgate']);
    const code = createCode(p, { name: 'Secret caseloads', description: 'Off the record' });
    const start = FOCUS_GROUP.indexOf("That's the secret caseload");
    addCoding(p, { documentId: doc, codeId: code, start, end: start + 26 });
    const progress: [number, number, string][] = [];
    handlers = createHandlers(p, undefined, { progress: (d, t, what) => progress.push([d, t, what]) });
    for (const format of ['docx', 'xlsx']) {
      const f = await exported('export.excerpts', { format, query: {} });
      expect(f).toMatchObject({ fileName: `study excerpts.${format}`, encoding: 'base64' });
      expect(Buffer.from(f.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    }
    // Long exports report progress to the host (the desktop app shows it), ending complete.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual([progress.at(-1)![1], progress.at(-1)![1], 'export']);
    const csv = await exported('export.excerpts', { format: 'csv', query: { codeIds: [code] } });
    expect(csv.data).toContain("That's the secret caseload");
    const docx = await exported('export.codebook', { format: 'docx' });
    expect(Buffer.from(docx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    const qdc = await exported('export.codebook', { format: 'qdc' });
    expect(qdc.data).toContain('urn:QDA-XML:codebook:1.0');
    expect(qdc.data).toContain('Secret caseloads');
    const qdpx = await exported('export.project', { format: 'qdpx' });
    expect(qdpx.fileName).toBe('study.qdpx');
    expect(Buffer.from(qdpx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
