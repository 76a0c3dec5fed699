/** A small menu button: a button that opens a list of actions, closed by Esc or a click elsewhere. */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface MenuProps {
  label: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
  testId?: string;
  title?: string;
}

export function Menu({ label, open, onOpenChange, children, testId, title }: MenuProps) {
  const root = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open) {
      // A chosen item unmounts with the list: give focus back to the menu's button instead of the page.
      const active = document.activeElement;
      if (wasOpen.current && (active === document.body || active === null || root.current?.contains(active)))
        root.current?.querySelector<HTMLElement>('button')?.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onOpenChange]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onOpenChange(false);
      root.current?.querySelector<HTMLElement>('button')?.focus();
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const at = items.indexOf(document.activeElement as HTMLElement);
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="menu" ref={root} onKeyDown={onKeyDown} data-testid={testId}>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => onOpenChange(!open)}
        title={title}
      >
        {label} ▾
      </button>
      {open && (
        <div role="menu" className="menu__list" aria-label={label}>
          {children}
        </div>
      )}
    </div>
  );
}

export function MenuItem({
  onSelect,
  children,
  disabled,
}: {
  onSelect(): void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button type="button" role="menuitem" className="menu__item" onClick={onSelect} disabled={disabled}>
      {children}
    </button>
  );
}
