// Attribute values in REFI-QDA's typed forms, and the turn-time label Commonplace puts in turn names.

import type { AttributeType } from '../types';
import type { VariableType } from './snapshot';

/** A number as xsd:decimal / xsd:integer text: never exponent notation, which neither type allows. */
export function toDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', exp] = m;
  const digits = lead! + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The REFI type for an attribute, given all its stored values. */
export function variableTypeOf(type: AttributeType, values: readonly string[]): VariableType {
  switch (type) {
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'number':
      return values.every((v) => Number.isInteger(Number(v))) ? 'Integer' : 'Float';
    default:
      return 'Text';
  }
}

/** A stored attribute value in the lexical form of its REFI type. */
export function variableValue(type: VariableType, stored: string): string {
  if (type === 'Integer') return BigInt(Number(stored)).toString();
  if (type === 'Float') return toDecimal(Number(stored));
  return stored;
}

/** `hh:mm:ss.mmm`, the form used in turn selection names. */
export function formatClock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

const TURN_NAME = /^(.*\S)\s+\[(\d{2,}):(\d{2}):(\d{2})\.(\d{3})\]$/s;

/** Turn selections are named `Speaker` or `Speaker [hh:mm:ss.mmm]`. */
export const turnName = (speaker: string, time: number | null): string =>
  time === null ? speaker : `${speaker} [${formatClock(time)}]`;

export function parseTurnName(name: string): { speaker: string; time: number | null } {
  const m = TURN_NAME.exec(name);
  if (!m) return { speaker: name.trim(), time: null };
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000 + Number(m[5]);
  return { speaker: m[1]!, time: ms / 1000 };
}
