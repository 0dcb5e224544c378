import { AppHeader } from './app-header';
import { AppProviders, type AppProvidersProps } from './providers';
import { AppRoutes } from './router';

export type AppProps = Omit<AppProvidersProps, 'children'>;

/** The whole app, given its services; main.tsx makes the real ones, tests make fakes. */
export function App(props: AppProps) {
  return (
    <AppProviders {...props}>
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <AppRoutes />
      </main>
    </AppProviders>
  );
}
