import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardEvent } from 'react';
import './menu.css';

export interface MenuItem {
  label: string;
  /** Shown at the right and announced, e.g. "F2". */
  shortcut?: string;
  /** aria-keyshortcuts syntax, e.g. "Alt+ArrowUp". */
  keys?: string;
  danger?: boolean;
  disabled?: boolean;
  /** Draws a separator above the item. */
  separated?: boolean;
  onSelect(): void;
}

interface MenuProps {
  label: string;
  items: MenuItem[];
  x: number;
  y: number;
  onClose(): void;
  /** The row the menu belongs to: focus goes back there when the menu closes. */
  returnFocus(): HTMLElement | null;
}

/** A context menu (role=menu): arrows, Home/End and first letters move; Enter picks; Escape or Tab leaves. */
export function Menu({ label, items, x, y, onClose, returnFocus }: MenuProps) {
  const ref = useRef<HTMLUListElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });
  const enabled = items.map((item, i) => (item.disabled ? -1 : i)).filter((i) => i >= 0);
  const [active, setActive] = useState(enabled[0] ?? 0);

  // Kept inside the window: a menu opened near the bottom or right edge opens upwards or leftwards.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, y + height > window.innerHeight - 4 ? y - height : y),
    });
  }, [x, y]);

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  const close = () => {
    onClose();
    returnFocus()?.focus();
  };

  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', outside, true);
    return () => document.removeEventListener('mousedown', outside, true);
  }, [onClose]);

  const choose = (item: MenuItem) => {
    if (item.disabled) return;
    close();
    item.onSelect();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = enabled.indexOf(active);
    const move = (to: number) => {
      e.preventDefault();
      const next = enabled[(to + enabled.length) % enabled.length];
      if (next !== undefined) setActive(next);
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(enabled.length - 1);
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      const letter = e.key.toLowerCase();
      const order = [...enabled.slice(at + 1), ...enabled.slice(0, at + 1)];
      const hit = order.find((i) => items[i]?.label.toLowerCase().startsWith(letter));
      if (hit !== undefined) setActive(hit);
    }
  };

  return createPortal(
    <ul
      ref={ref}
      role="menu"
      aria-label={label}
      className="sb-menu"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) => (
        <li
          key={item.label}
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          aria-disabled={item.disabled || undefined}
          aria-keyshortcuts={item.keys}
          className={[
            'sb-menu-item',
            item.danger ? 'sb-menu-danger' : '',
            item.separated ? 'sb-menu-separated' : '',
          ].join(' ')}
          onClick={() => choose(item)}
          onMouseEnter={() => !item.disabled && setActive(i)}
          onFocus={() => setActive(i)}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd className="sb-menu-shortcut">{item.shortcut}</kbd>}
        </li>
      ))}
    </ul>,
    document.body,
  );
}
