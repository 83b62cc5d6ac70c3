import { useEffect, useMemo, useRef } from 'react';
import type { DocumentView } from '../../shared/contract';
import type { CodeInfo } from '../../shared/types';
import { useCodingUi } from './ui-store';
import type { CodingInfoRequest } from './ui-store';
import { holdHover, hoverClose } from './hover';
import { usePlacement } from './usePlacement';
import type { Surface } from './usePlacement';
import { trapTab, useDismiss } from './popup';
import { CodingItem } from './CodingItem';
import { currentCodingId } from './tentative';
import { plural } from '../format';
import './coding.css';

// The codings at a highlight (or in a turn): code, coded words, coder, date and memo, with their
// actions. Hovering shows it; clicking a highlight or pressing I pins it and moves focus in.

interface Props {
  surface: Surface;
  view: DocumentView;
  codes: readonly CodeInfo[];
}

export function CodingPopover({ surface, view, codes }: Props) {
  const info = useCodingUi((s) => s.info);
  if (!info || info.documentId !== view.summary.id) return null;
  return (
    <CodingPopoverDialog
      key={`${info.start}:${info.end}:${info.codingIds.join(',')}`}
      surface={surface}
      view={view}
      codes={codes}
      info={info}
    />
  );
}

/** Outlines every piece of the given codings' highlights, so a coding's full extent shows. */
function emphasise(root: HTMLElement | null, ids: readonly number[]): void {
  if (!root) return;
  for (const el of root.querySelectorAll('mark.is-emphasised')) el.classList.remove('is-emphasised');
  for (const id of ids) {
    for (const el of root.querySelectorAll(`mark[data-codings~="${id}"]`)) el.classList.add('is-emphasised');
  }
}

function CodingPopoverDialog({ surface, view, codes, info }: Props & { info: CodingInfoRequest }) {
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const codings = useMemo(() => {
    const byId = new Map(view.codings.map((k) => [k.id, k]));
    return info.codingIds.flatMap((id) => byId.get(currentCodingId(id)) ?? []);
  }, [view.codings, info.codingIds]);
  const { ref, style } = usePlacement(surface, info.start, info.end, view);
  const focused = useRef(false);

  const close = () => {
    useCodingUi.getState().closeInfo();
    if (info.pinned) surface.returnTo(info.blockKey);
  };
  useDismiss(ref, close, info.pinned);

  const empty = codings.length === 0;
  const hadCodings = useRef(!empty);
  useEffect(() => {
    // The last coding here was removed: nothing left to show. (Opened on none, it says so instead.)
    if (empty && hadCodings.current) close();
  });
  useEffect(() => {
    if (!info.pinned || focused.current || !ref.current) return;
    focused.current = true;
    ref.current.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  });

  const { root } = surface;
  const shownIds = codings.map((k) => k.id).join(',');
  useEffect(() => {
    emphasise(root, shownIds ? shownIds.split(',').map(Number) : []);
    return () => emphasise(root, []);
  }, [root, shownIds]);

  if (empty && !info.pinned) return null;
  return (
    <div
      ref={ref}
      className={`coding-popup coding-popover${info.pinned ? ' is-pinned' : ''}`}
      role="dialog"
      aria-label={`Codings here: ${plural(codings.length, 'coding')}`}
      style={style}
      onMouseEnter={holdHover}
      onMouseLeave={() => !info.pinned && hoverClose()}
      onPointerDown={() => {
        if (info.pinned) return;
        // Pinned by the pointer: focus stays where the reader clicks.
        focused.current = true;
        useCodingUi.getState().openInfo({ ...info, pinned: true });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        } else if (e.key === 'Tab') trapTab(e, ref.current);
      }}
    >
      <header className="popover-head">
        <span>{codings.length ? plural(codings.length, 'coding') : 'No codings here'}</span>
        <button type="button" className="popover-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      <ul className="coding-list">
        {codings.map((k) => (
          <CodingItem
            key={k.id}
            coding={k}
            code={codeById.get(k.codeId)}
            text={view.text}
            onFocusCoding={(id) => emphasise(root, id === null ? codings.map((c) => c.id) : [id])}
          />
        ))}
      </ul>
    </div>
  );
}
