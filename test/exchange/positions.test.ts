import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  codePointCounter,
  codePointToUtf16,
  POSITION_UNITS,
  PositionMap,
  type PositionUnit,
} from '../../shared/exchange/positions';
import { detectUnit, preferredUnits } from '../../shared/exchange/unit-detect';
import {
  parseTurnName,
  toDecimal,
  turnName,
  variableTypeOf,
  variableValue,
} from '../../shared/exchange/values';
import { exportGuid, guidKey, isGuid } from '../../shared/exchange/guid';
import { escapeAttr, escapeText } from '../../shared/exchange/xml-write';

/** Position of the raw prefix in each unit, computed the obvious (slow) way. */
function positionIn(unit: PositionUnit, rawPrefix: string): number {
  const lf = rawPrefix.replace(/\r\n/g, '\n');
  switch (unit) {
    case 'codepoints':
      return Array.from(rawPrefix).length;
    case 'codepoints-lf':
      return Array.from(lf).length;
    case 'utf16':
      return rawPrefix.length;
    case 'utf16-lf':
      return lf.length;
    case 'utf8':
      return Buffer.byteLength(rawPrefix, 'utf8');
  }
}

const TOKENS = ['a', 'Z', ' ', 'é', 'ő', '€', '😀', '👩🏽‍⚕️', '\r\n', '\n', '\r', '𝄞', '\t'];

/** Random raw text as tokens, never a lone CR right before an LF (that would be a CR LF pair). */
function randomTokens(seed: number, n: number): string[] {
  let x = seed;
  const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  while (out.length < n) {
    const t = TOKENS[Math.floor(rand() * TOKENS.length)]!;
    if (out.at(-1) === '\r' && t.startsWith('\n')) continue;
    out.push(t);
  }
  return out;
}

describe('PositionMap', () => {
  it('maps every unit to canonical UTF-16 offsets exactly, on random text with emoji and mixed line endings', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const tokens = randomTokens(seed, 120);
      const raw = tokens.join('');
      const canonical = canonicalize(raw);
      for (const unit of POSITION_UNITS) {
        const map = PositionMap.build(raw, unit);
        expect(map.length).toBe(positionIn(unit, raw));
        for (let k = 0; k <= tokens.length; k++) {
          // Token boundaries are code point boundaries; a ZWJ emoji is several code points, still whole here.
          const prefix = tokens.slice(0, k).join('');
          const expected = canonicalize(prefix).length;
          expect(map.toCanonical(positionIn(unit, prefix), 'start')).toEqual({
            offset: expected,
            exact: true,
          });
        }
        expect(canonical.length).toBe(map.toCanonical(map.length, 'end')!.offset);
      }
    }
  });

  it('flags positions inside a surrogate pair, a UTF-8 sequence or a CR LF pair as inexact, and snaps them', () => {
    const raw = 'a😀b\r\nc';
    const u16 = PositionMap.build(raw, 'utf16');
    expect(u16.toCanonical(2, 'start')).toEqual({ offset: 1, exact: false });
    expect(u16.toCanonical(2, 'end')).toEqual({ offset: 3, exact: false });
    // Between CR and LF: the canonical text has only the LF, so the offset is the LF's.
    expect(u16.toCanonical(5, 'start')).toEqual({ offset: 4, exact: false });
    expect(u16.toCanonical(6, 'start')).toEqual({ offset: 5, exact: true });
    const utf8 = PositionMap.build(raw, 'utf8');
    expect(utf8.toCanonical(3, 'end')).toEqual({ offset: 3, exact: false });
    expect(utf8.toCanonical(5, 'start')).toEqual({ offset: 3, exact: true });
  });

  it('refuses positions outside the text', () => {
    const map = PositionMap.build('abc', 'codepoints');
    expect(map.toCanonical(-1, 'start')).toBeNull();
    expect(map.toCanonical(4, 'end')).toBeNull();
    expect(map.toCanonical(1.5, 'end')).toBeNull();
    expect(map.toCanonical(3, 'end')).toEqual({ offset: 3, exact: true });
  });
});

describe('code points for export', () => {
  it('counts code points before any UTF-16 offset and converts back', () => {
    const text = 'x😀y👩🏽‍⚕️z𝄞\nend';
    const cp = codePointCounter(text);
    for (let i = 0; i <= text.length; i++) {
      const c = text.charCodeAt(i - 1);
      if (c >= 0xd800 && c <= 0xdbff) continue; // inside a pair
      expect(cp(i)).toBe(Array.from(text.slice(0, i)).length);
      expect(codePointToUtf16(text, cp(i))).toBe(i);
    }
  });
});

describe('detectUnit', () => {
  const raw =
    '\r\nIntro line 😀 with emoji 🎉🎉.\r\nAnna: we like the new 👩🏽‍⚕️ clinic.\r\nBen: waiting lists are long, 😞 very long.\r\n';
  const canonical = canonicalize(raw);
  const phrases = ['emoji', 'new', 'clinic', 'waiting lists', 'very long', 'Ben'];
  const probes = (unit: PositionUnit) =>
    phrases.map((p) => {
      const i = raw.indexOf(p);
      return { start: positionIn(unit, raw.slice(0, i)), end: positionIn(unit, raw.slice(0, i + p.length)) };
    });

  it.each(POSITION_UNITS)('recognises selections counted in %s without help from the origin', (unit) => {
    const choice = detectUnit(raw, canonical, probes(unit), 'Some Tool 1.0');
    expect(choice.map.unit).toBe(unit);
    const selected = probes(unit).map((p) =>
      canonical.slice(
        choice.map.toCanonical(p.start, 'start')!.offset,
        choice.map.toCanonical(p.end, 'end')!.offset,
      ),
    );
    expect(selected).toEqual(phrases);
  });

  it('uses selection names (which often hold the text) when word boundaries cannot tell', () => {
    // One-letter words: shifted by the emoji's extra unit, both readings still fall on word boundaries.
    const text = '😀 a b c d e';
    expect(detectUnit(text, text, [{ start: 5, end: 8 }]).map.unit).toBe('codepoints');
    expect(detectUnit(text, text, [{ start: 5, end: 8, name: 'b c' }]).map.unit).toBe('utf16');
    expect(detectUnit(text, text, [{ start: 4, end: 7, name: 'b c' }]).map.unit).toBe('codepoints');
  });

  it("starts from the producer's habit: NVivo UTF-16, ATLAS.ti code points with CR LF as one", () => {
    expect(preferredUnits('NVivo for Windows 12.6')[0]).toBe('utf16');
    expect(preferredUnits('ATLAS.ti for Windows 23.2.3.27778')[0]).toBe('codepoints-lf');
    expect(preferredUnits('MAXQDA 24')[0]).toBe('codepoints');
    expect(detectUnit('plain ascii', 'plain ascii', [{ start: 0, end: 5 }], 'NVivo 12').map.unit).toBe(
      'utf16',
    );
  });

  it('prefers a reading with every selection inside the text', () => {
    const text = 'short 😀😀😀';
    const choice = detectUnit(text, text, [{ start: 6, end: 12 }]);
    expect(choice.map.unit).toBe('utf16');
    expect(choice.score!.outOfRange).toBe(0);
  });
});

describe('values, names and GUIDs', () => {
  it('writes numbers as xsd:decimal / xsd:integer, never in exponent notation', () => {
    expect(toDecimal(1.5)).toBe('1.5');
    expect(toDecimal(1.5e-7)).toBe('0.00000015');
    expect(toDecimal(-2.5e21)).toBe('-2500000000000000000000');
    expect(toDecimal(1e21)).toBe('1000000000000000000000');
    expect(variableValue('Integer', '1e+21')).toBe('1000000000000000000000');
    expect(Number(toDecimal(1.5e-7))).toBe(1.5e-7);
  });

  it('types a number attribute Integer only when every value is whole', () => {
    expect(variableTypeOf('number', ['1', '2'])).toBe('Integer');
    expect(variableTypeOf('number', ['1', '2.5'])).toBe('Float');
    expect(variableTypeOf('date', ['2024-01-01'])).toBe('Date');
    expect(variableTypeOf('boolean', ['true'])).toBe('Boolean');
    expect(variableTypeOf('text', ['x'])).toBe('Text');
  });

  it('names turn selections with the speaker and time, and reads them back exactly', () => {
    expect(turnName('Sam (Police)', null)).toBe('Sam (Police)');
    expect(turnName('Sam', 3723.25)).toBe('Sam [01:02:03.250]');
    for (const t of [0, 0.001, 62.1, 3.123, 86399.999, 100000.5])
      expect(parseTurnName(turnName('Jo [x]', t))).toEqual({ speaker: 'Jo [x]', time: t });
    expect(parseTurnName('Jo [x]')).toEqual({ speaker: 'Jo [x]', time: null });
  });

  it('compares GUIDs without case or braces and exports them upper-case', () => {
    expect(guidKey('{ABCDEF01-2345-6789-ABCD-EF0123456789}')).toBe('abcdef01-2345-6789-abcd-ef0123456789');
    expect(guidKey(' c001 ')).toBe('c001');
    expect(isGuid('c001')).toBe(false);
    expect(exportGuid('abcdef01-2345-6789-abcd-ef0123456789')).toBe('ABCDEF01-2345-6789-ABCD-EF0123456789');
  });

  it('escapes text and attributes so that line breaks, tabs and CRs survive parsing', () => {
    expect(escapeText('a < b & c\r\n')).toBe('a &lt; b &amp; c&#13;\n');
    expect(escapeAttr('"x"\n\ty')).toBe('&quot;x&quot;&#10;&#9;y');
    expect(escapeText('bad\u0001char')).toBe('bad\ufffdchar');
  });
});
