import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentView } from '../../shared/contract';
import type { CodeInfo } from '../../shared/types';
import { useCodingUi } from './ui-store';
import type { QuickCodeRequest } from './ui-store';
import { liveRecent, useRecentCodes } from './recent';
import { quickOptions } from './quick-options';
import type { QuickOption } from './quick-options';
import { applyCode, applyInVivo, createAndApply } from './actions';
import { usePlacement } from './usePlacement';
import type { Surface } from './usePlacement';
import { QuickCodeList } from './QuickCodeList';
import { useDismiss, trapTab } from './popup';
import './coding.css';

interface Props {
  surface: Surface;
  view: DocumentView;
  codes: readonly CodeInfo[];
}

const MAC = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
export const IN_VIVO_KEYS = MAC ? '⌘I' : 'Ctrl+I';

/** The quick-code popup for the current request, if it belongs to this document. */
export function QuickCode({ surface, view, codes }: Props) {
  const request = useCodingUi((s) => s.quick);
  if (!request || request.documentId !== view.summary.id) return null;
  return (
    <QuickCodeDialog
      key={`${request.start}:${request.end}:${request.what}`}
      surface={surface}
      view={view}
      codes={codes}
      request={request}
    />
  );
}

function QuickCodeDialog({ surface, view, codes, request }: Props & { request: QuickCodeRequest }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const recentIds = useRecentCodes((s) => s.ids);
  const { ref, style } = usePlacement(surface, request.start, request.end, view);

  const applied = useMemo(
    () =>
      new Set(
        view.codings.filter((k) => k.start === request.start && k.end === request.end).map((k) => k.codeId),
      ),
    [view.codings, request.start, request.end],
  );
  const options = useMemo(() => {
    const live = liveRecent(recentIds, new Set(codes.map((c) => c.id)));
    return quickOptions(codes, live, query, applied);
  }, [codes, recentIds, query, applied]);
  const current = Math.min(active, Math.max(0, options.length - 1));

  useEffect(() => input.current?.focus({ preventScroll: true }), []);

  const close = (reselect: boolean) => {
    useCodingUi.getState().closeQuick();
    surface.returnTo(request.blockKey, reselect && request.reselect ? request : undefined);
  };
  useDismiss(ref, () => close(false));

  const run = async (action: () => Promise<boolean>) => {
    if (busy) return;
    setBusy(true);
    const done = await action();
    setBusy(false);
    if (done) close(false);
  };
  const choose = (option: QuickOption | undefined) => {
    if (!option) return;
    if (option.kind === 'code') void run(() => applyCode(request, option.code.id));
    else void run(() => createAndApply(request, option.name, option.parentId));
  };
  const inVivo = () => void run(() => applyInVivo(request));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = options.length;
    if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') trapTab(e, ref.current);
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'i') inVivo();
    else if (e.target !== input.current || e.ctrlKey || e.metaKey) return;
    else if (e.key === 'ArrowDown' && n) setActive((current + 1) % n);
    else if (e.key === 'ArrowUp' && n) setActive((current - 1 + n) % n);
    else if (e.key === 'PageDown' && n) setActive(Math.min(n - 1, current + 8));
    else if (e.key === 'PageUp' && n) setActive(Math.max(0, current - 8));
    else if (e.key === 'Enter') choose(options[current]);
    else if (/^[1-9]$/.test(e.key) && (query === '' || e.altKey)) {
      const recent = options.find((o) => o.kind === 'code' && o.key === Number(e.key));
      if (!recent) return;
      choose(recent);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  useLayoutEffect(() => {
    // Scrolls the list only: scrollIntoView would scroll the transcript too.
    const list = ref.current?.querySelector<HTMLElement>('.quick-code-options');
    const option = list?.querySelector<HTMLElement>(`#quick-option-${current}`);
    if (!list || !option) return;
    const top = option.offsetTop;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + option.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top + option.offsetHeight - list.clientHeight;
    }
  }, [current, ref]);

  return (
    <div
      ref={ref}
      className="coding-popup quick-code"
      role="dialog"
      aria-label="Code passage"
      aria-describedby="quick-code-what"
      aria-busy={busy}
      style={style}
      onKeyDown={onKeyDown}
    >
      <p id="quick-code-what" className="popup-quote">
        {request.what}
      </p>
      <input
        ref={input}
        className="quick-code-input"
        type="text"
        role="combobox"
        aria-label="Search codes or type a new code name"
        aria-expanded="true"
        aria-controls="quick-code-options"
        aria-autocomplete="list"
        aria-activedescendant={options.length ? `quick-option-${current}` : undefined}
        placeholder="Search or create a code…"
        value={query}
        disabled={busy}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      <QuickCodeList
        options={options}
        active={current}
        empty={codes.length === 0}
        onHover={setActive}
        onChoose={(i) => choose(options[i])}
      />
      <footer className="popup-footer">
        <button type="button" onClick={inVivo} disabled={busy} title="Create a code named after these words">
          In vivo <kbd>{IN_VIVO_KEYS}</kbd>
        </button>
        <span className="popup-keys">
          <kbd>↑↓</kbd> <kbd>Enter</kbd> apply · <kbd>Esc</kbd> close
        </span>
      </footer>
    </div>
  );
}
