// The app's providers: Mantine (theme, notifications), TanStack Query, the router.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { isApiError } from './api/client.ts';
import { forgetExpiredSession } from './auth/api.ts';
import { router } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => forgetExpiredSession(queryClient, error) }),
  mutationCache: new MutationCache({ onError: (error) => forgetExpiredSession(queryClient, error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal or a missing record will not change by asking again; a network hiccup may.
      retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
