import { formatTime } from '../format';

// The header of a speaker turn: speaker, time, the codes present (as named chips, so colour is never
// the only signal) and the turn's action. Plain DOM outside Lexical's managed content; clicks reach the
// transcript through delegation on data-action.

/** A code named in a turn's header. */
export interface TurnCode {
  id: number;
  name: string;
  path: string;
  color: string;
}

export interface TurnHeading {
  speaker: string;
  time: number | null;
  codes: readonly TurnCode[];
}

export function turnLabel(speaker: string, time: number | null): string {
  return time === null ? speaker : `${speaker}, ${formatTime(time)}`;
}

export function sameHeading(a: TurnHeading, b: TurnHeading): boolean {
  return (
    a.speaker === b.speaker &&
    a.time === b.time &&
    a.codes.length === b.codes.length &&
    a.codes.every((c, i) => {
      const d = b.codes[i]!;
      return c.id === d.id && c.path === d.path && c.color === d.color;
    })
  );
}

/** Fills `header` (emptying it first) with the turn's speaker, time, codes and action. */
export function renderTurnHeader(header: HTMLElement, heading: TurnHeading, tabbable = false): void {
  const doc = header.ownerDocument;
  header.replaceChildren();
  const speaker = doc.createElement('span');
  speaker.className = 'turn-speaker';
  speaker.textContent = heading.speaker;
  header.append(speaker);
  if (heading.time !== null) {
    const stamp = doc.createElement('time');
    stamp.className = 'turn-time';
    stamp.dateTime = `PT${Math.floor(heading.time)}S`;
    stamp.textContent = formatTime(heading.time);
    header.append(stamp);
  }
  if (heading.codes.length) {
    const list = doc.createElement('ul');
    list.className = 'turn-codes';
    list.setAttribute('aria-label', 'Codes in this turn');
    for (const code of heading.codes) {
      const item = doc.createElement('li');
      const chip = doc.createElement('button');
      chip.type = 'button';
      chip.className = 'code-chip';
      chip.tabIndex = tabbable ? 0 : -1;
      chip.dataset.action = 'codings';
      chip.dataset.code = String(code.id);
      chip.title = `${code.path}: show its codings in this turn`;
      chip.style.setProperty('--code-color', code.color);
      chip.textContent = code.name;
      item.append(chip);
      list.append(item);
    }
    header.append(list);
  }
  const action = doc.createElement('button');
  action.type = 'button';
  action.className = 'turn-action';
  action.tabIndex = tabbable ? 0 : -1;
  action.dataset.action = 'code-block';
  action.title = 'Code the whole turn (C)';
  action.textContent = 'Code turn';
  header.append(action);
}
