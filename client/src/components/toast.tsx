import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import * as RadixToast from '@radix-ui/react-toast';
import { CrossIcon } from './icons';
import { useUiTexts } from './ui-texts';

export interface ToastOptions {
  message: string;
  /** One action, e.g. "Fortryd"; `altText` says how to reach it without the toast (screen readers). */
  action?: { label: string; altText: string; onSelect: () => void };
  tone?: 'info' | 'error';
  durationMs?: number;
}

interface ShownToast extends ToastOptions {
  id: number;
}

const ToastContext = createContext<((toast: ToastOptions) => void) | null>(null);

/** Short messages in one polite live region (Radix Toast: swipe, F8 to reach, pause on hover and focus). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const x = useUiTexts();
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const show = useCallback((toast: ToastOptions) => setToasts((all) => [...all.slice(-2), { ...toast, id: Date.now() + Math.random() }]), []);
  const remove = (id: number) => setToasts((all) => all.filter((t) => t.id !== id));
  return (
    <ToastContext.Provider value={show}>
      <RadixToast.Provider label={x.notifications} swipeDirection="right">
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            className={`toast toast--${toast.tone ?? 'info'}`}
            duration={toast.durationMs ?? 6000}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => !open && remove(toast.id)}
          >
            <RadixToast.Description className="toast__message">{toast.message}</RadixToast.Description>
            {toast.action && (
              <RadixToast.Action className="button button--small" altText={toast.action.altText} onClick={toast.action.onSelect}>
                {toast.action.label}
              </RadixToast.Action>
            )}
            <RadixToast.Close className="icon-button toast__close" aria-label={x.close}>
              <CrossIcon />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="toast-viewport" label={`${x.notifications} ({hotkey})`} />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** `const toast = useToast(); toast({ message: 'Flyttet', action: … })`. */
export function useToast(): (toast: ToastOptions) => void {
  const show = useContext(ToastContext);
  return useMemo(() => show ?? (() => undefined), [show]);
}
