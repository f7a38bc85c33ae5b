import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import type { OfficeEnv } from '../host/excel/env';

/** Renders the pane with Office's language and light or dark theme. */
export function mount(root: HTMLElement, env: OfficeEnv): void {
  document.documentElement.lang = env.lang;
  createRoot(root).render(
    <FluentProvider theme={env.dark ? webDarkTheme : webLightTheme}>
      <ErrorBoundary lang={env.lang} where="pane">
        <App env={env} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
