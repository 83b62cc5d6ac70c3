// Reads a source's importable texts out of the archive, one at a time, and maps their selections to
// canonical offsets. Each text gets its own position unit (GUIDE §4): the raw file (BOM removed, line
// endings as stored) is what the producer counted over, so the candidates are judged against that.

import { decodeText } from '../import/decode';
import { badInput } from '../../shared/errors';
import { canonicalize, UNIT_DESCRIPTIONS, type PositionUnit } from '../../shared/exchange/positions';
import { detectUnit } from '../../shared/exchange/unit-detect';
import type { QdpxArchive } from './archive';
import type { QdeSource, QdeText } from './qde-model';
import type { Skipped } from './import-state';

export interface PreparedText {
  source: QdeSource;
  text: QdeText;
  /** Keys that refer to this document: the source's and (for PDF/AV) the inner text's. */
  keys: string[];
  canonical: string;
  encoding: string;
  originalName: string;
  /** Canonical [start, end) of each of `text.selections`, in their order. */
  ranges: [number, number][];
}

export interface UnitReport {
  source: string;
  unit: PositionUnit;
  description: string;
  selections: number;
  onWordBoundaries: number;
}

interface RawText {
  raw: string;
  encoding: string;
  originalName: string;
}

function readRaw(archive: QdpxArchive, text: QdeText, where: string): RawText | Skipped {
  if (text.plainTextPath) {
    const entry = archive.internalEntry(text.plainTextPath, where);
    if (!entry)
      return {
        what: where,
        why: `its text is an external file (${text.plainTextPath}); only files inside the archive are read`,
      };
    const decoded = decodeText(archive.read(entry), `${archive.file} (${entry.name})`);
    return { raw: decoded.text.replace(/^\ufeff/, ''), encoding: decoded.encoding, originalName: entry.name };
  }
  if (text.content !== undefined)
    return { raw: text.content.replace(/^\ufeff/, ''), encoding: 'utf-8', originalName: 'project.qde' };
  return {
    what: where,
    why: text.richTextPath
      ? 'it has only a rich-text (DOCX) file and no plain-text rendition, which positions refer to'
      : 'it has no text',
  };
}

function prepare(
  archive: QdpxArchive,
  origin: string | undefined,
  source: QdeSource,
  text: QdeText,
  skipped: Skipped[],
) {
  const where = `source "${text.name}"`;
  const raw = readRaw(archive, text, where);
  if ('why' in raw) {
    skipped.push(raw);
    return null;
  }
  if (text.richTextPath)
    skipped.push({
      what: `formatting of ${where}`,
      why: 'the rich-text (DOCX) rendition is not imported; its plain text is',
    });
  const canonical = canonicalize(raw.raw);
  const probes = text.selections.map((s) => ({ start: s.start, end: s.end, name: s.name }));
  const choice = detectUnit(raw.raw, canonical, probes, origin);
  const ranges: [number, number][] = [];
  for (const s of text.selections) {
    const a = choice.map.toCanonical(s.start, 'start');
    const b = choice.map.toCanonical(s.end, 'end');
    if (!a || !b || a.offset > b.offset) {
      throw badInput(
        archive.file,
        `selection ${s.key} in ${where} runs from ${s.start} to ${s.end}, outside its text (${Array.from(canonical).length} characters) however its positions are counted; refusing the file`,
      );
    }
    ranges.push([a.offset, b.offset]);
  }
  return {
    prepared: {
      source,
      text,
      keys: [...new Set([source.key, text.key])],
      canonical,
      encoding: raw.encoding,
      originalName: raw.originalName,
      ranges,
    } satisfies PreparedText,
    awkward: choice.score?.awkward ?? 0,
    unit: {
      source: text.name,
      unit: choice.map.unit,
      description: UNIT_DESCRIPTIONS[choice.map.unit],
      selections: probes.length,
      onWordBoundaries: choice.score?.onBoundaries ?? 0,
    } satisfies UnitReport,
  };
}

/** What reading texts found that the report tells: skipped parts, warnings, the unit of each text. */
export interface TextsReport {
  skipped: Skipped[];
  warnings: string[];
  units: UnitReport[];
}

/**
 * The source's texts we can import, each read only when the caller asks for the next, so that one at a
 * time is held; what is skipped (and why) goes to `report`.
 */
export function* prepareSourceTexts(
  archive: QdpxArchive,
  origin: string | undefined,
  source: QdeSource,
  report: TextsReport,
): Generator<PreparedText> {
  const { skipped, warnings, units } = report;
  if (source.kind !== 'TextSource') {
    const media = source.kind.replace('Source', '').toLowerCase();
    const kept = source.texts.length
      ? `; its text (${source.texts.length === 1 ? 'rendition' : 'transcripts'}) is imported`
      : '';
    skipped.push({ what: `${media} source "${source.name}"`, why: `Commonplace holds text only${kept}` });
    if (source.mediaSelections)
      skipped.push({
        what: `${source.mediaSelections} ${media} selection(s) in "${source.name}" (${source.mediaCodings} coding(s))`,
        why: `selections on a ${media} file have no place in a text`,
      });
  }
  for (const text of source.texts) {
    const done = prepare(archive, origin, source, text, skipped);
    if (!done) continue;
    units.push(done.unit);
    const { selections, onWordBoundaries } = done.unit;
    if (done.awkward)
      warnings.push(
        `${done.awkward} selection(s) in "${text.name}" cut a character or a line break in two; their ends were moved to whole characters.`,
      );
    if (selections >= 5 && onWordBoundaries < selections / 2)
      warnings.push(
        `Positions in "${text.name}" fit the text poorly (${onWordBoundaries} of ${selections} selections on word boundaries, read as ${done.unit.description}); check its codings.`,
      );
    if (text.otherSelections)
      skipped.push({
        what: `${text.otherSelections} transcript selection(s) in "${text.name}"`,
        why: 'they are tied to media sync points, which Commonplace does not keep',
      });
    yield done.prepared;
  }
}
