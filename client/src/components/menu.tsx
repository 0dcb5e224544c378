import type { ReactNode } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';

export interface MenuItem {
  id: string;
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Items with the same group are shown together under that group's label. */
  group?: string;
}

interface MenuProps {
  /** The trigger's visible label (or, with `icon`, its accessible name and tooltip). */
  label: string;
  items: readonly MenuItem[];
  className?: string;
  icon?: ReactNode;
  /** Shown instead of `label` on the trigger, e.g. "⋯"; `label` stays its name. */
  triggerContent?: ReactNode;
  align?: 'start' | 'end';
}

function groups(items: readonly MenuItem[]) {
  const byGroup = new Map<string, MenuItem[]>();
  for (const item of items) byGroup.set(item.group ?? '', [...(byGroup.get(item.group ?? '') ?? []), item]);
  return [...byGroup.entries()];
}

/**
 * A menu button on Radix DropdownMenu: arrows, typeahead, Escape and focus return done by the library.
 * Non-modal, so it needs no scroll lock (whose injected <style> the Content Security Policy forbids).
 */
export function Menu({ label, items, className, triggerContent, align = 'start' }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={`button button--quiet menu__trigger ${className ?? ''}`} aria-label={triggerContent ? label : undefined}>
        {triggerContent ?? label}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu__list" align={align} sideOffset={4} aria-label={label} collisionPadding={8}>
          {groups(items).map(([group, entries], index) => (
            <DropdownMenu.Group key={group || index} aria-label={group || undefined}>
              {index > 0 && <DropdownMenu.Separator className="menu__separator" />}
              {/* The group is named by aria-label; the visible label is not read a second time. */}
              {group && <DropdownMenu.Label className="menu__label" aria-hidden="true">{group}</DropdownMenu.Label>}
              {entries.map((item) => (
                <DropdownMenu.Item key={item.id} className="menu__item" disabled={item.disabled} onSelect={item.onSelect}>
                  {item.label}
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Group>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
