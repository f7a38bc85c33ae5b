import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import type { PaneHost } from './host';

/** Renders the pane with the host's language and light or dark theme. */
export function mount(root: HTMLElement, host: PaneHost): void {
  document.documentElement.lang = host.lang;
  createRoot(root).render(
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme}>
      <ErrorBoundary lang={host.lang} where="pane">
        <App host={host} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
