import type { ReactNode } from 'react';
import { Router, type BaseLocationHook } from 'wouter';
import { ApiProvider } from '../lib/api-context';
import type { ApiClient } from '../lib/api-client';
import type { Lang } from '../lib/i18n';
import { I18nProvider } from '../lib/i18n-context';
import type { AppStore } from './store/app-store';
import { StoreProvider } from './store/store-context';
import { TooltipProvider } from '../components/button';
import { ToastProvider } from '../components/toast';

export interface AppProvidersProps {
  store: AppStore;
  api: ApiClient;
  lang?: Lang;
  /** A wouter location hook; tests pass a memory location. The browser's is the default. */
  locationHook?: BaseLocationHook;
  children: ReactNode;
}

/** Everything the app reads from context: language, tooltips, toasts, store, REST client, router. */
export function AppProviders({ store, api, lang, locationHook, children }: AppProvidersProps) {
  const routed = locationHook ? <Router hook={locationHook}>{children}</Router> : children;
  return (
    <I18nProvider {...(lang ? { initialLang: lang } : {})}>
      <TooltipProvider>
        <ToastProvider>
          <StoreProvider store={store}>
            <ApiProvider api={api}>{routed}</ApiProvider>
          </StoreProvider>
        </ToastProvider>
      </TooltipProvider>
    </I18nProvider>
  );
}
