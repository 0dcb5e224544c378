import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  /** Items with the same group (next to each other) are shown under that label, as a labelled ARIA group. */
  group?: string;
}

/** Consecutive items of one group together; items without a group stand alone. */
function grouped(items: readonly MenuItem[]): { label: string | undefined; items: MenuItem[] }[] {
  const groups: { label: string | undefined; items: MenuItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && item.group !== undefined && last.label === item.group) last.items.push(item);
    else groups.push({ label: item.group, items: [item] });
  }
  return groups;
}

interface MenuButtonProps {
  label: string;
  items: readonly MenuItem[];
  className?: string;
}

/** A button that opens a menu (ARIA menu button pattern): arrows move, Enter picks, Escape closes. */
export function MenuButton({ label, items, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(entries.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
  }

  const renderItem = (item: MenuItem) => (
    <li key={item.id} role="none">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu__item"
        onClick={() => {
          close(true);
          item.onSelect();
        }}
      >
        {item.label}
      </button>
    </li>
  );

  return (
    <div ref={rootRef} className={`menu ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label={label} className="menu__list" onKeyDown={onMenuKeyDown}>
          {grouped(items).map((group, g) =>
            group.label === undefined ? (
              group.items.map(renderItem)
            ) : (
              <li key={`group-${g}`} role="none" className="menu__group">
                <span className="menu__group-label" aria-hidden="true">{group.label}</span>
                <ul role="group" aria-label={group.label}>{group.items.map(renderItem)}</ul>
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
