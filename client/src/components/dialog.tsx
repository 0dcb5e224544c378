import { useEffect, useState, type ReactNode } from 'react';
import * as RadixDialog from '@radix-ui/react-dialog';
import { CrossIcon } from './icons';
import { useUiTexts } from './ui-texts';

interface DialogProps {
  title: string;
  /** One line under the title that says what the dialog is for. */
  description?: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'md' | 'lg';
}

/**
 * A modal dialog on Radix: labelled by its title, focus kept inside, Escape or a click outside closes, focus back to
 * where it came from. The backdrop is our own element rather than Radix's Overlay, because the Overlay's scroll
 * lock injects a <style> element that the Content Security Policy (style-src 'self') refuses.
 */
export function Dialog({ title, description, onClose, children, size = 'md' }: DialogProps) {
  const x = useUiTexts();
  // Callers mount the dialog only while it is open, so Radix never sees it close: give focus back ourselves,
  // after Radix's own unmount focus (which lands on <body> when there was no Dialog.Trigger).
  const [returnTo] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      setTimeout(() => {
        if (returnTo?.isConnected) returnTo.focus();
      }, 0);
    },
    [returnTo],
  );
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <div className="dialog-backdrop" aria-hidden="true" />
        <RadixDialog.Content
          className={`dialog dialog--${size}`}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            const preferred = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[data-autofocus]');
            if (preferred) {
              event.preventDefault();
              preferred.focus();
            }
          }}
        >
          <div className="dialog__head">
            <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="icon-button dialog__close" aria-label={x.closeDialog}>
              <CrossIcon />
            </RadixDialog.Close>
          </div>
          {description && <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
