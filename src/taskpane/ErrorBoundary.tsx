import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../core/rules/types';
import { t } from './i18n';
import { logError } from './log';

interface Props {
  lang: Lang;
  children: React.ReactNode;
  /** What 检查 does besides showing the children again (the pane's check). */
  onCheck?: () => void;
  /** A new key (another page) shows the children again. */
  resetKey?: string;
  /** Named in the log; a page by its key otherwise. */
  where?: string;
}

interface State {
  error: Error | null;
}

/** Shows what went wrong in place of the part that threw, instead of a blank pane. */
export class ErrorBoundary extends React.Component<Props, State> {
  override state: State = { error: null };
  private reloading = false;

  static getDerivedStateFromError(e: unknown): State {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }

  override componentDidCatch(error: Error): void {
    logError(this.props.where ?? (this.props.resetKey ? `page ${this.props.resetKey}` : 'pane'), error);
    // 重新加载 showed the children again and they threw again: load the whole pane anew.
    if (this.reloading) location.reload();
  }

  override componentDidUpdate(prev: Props): void {
    if (!this.state.error) this.reloading = false;
    else if (prev.resetKey !== this.props.resetKey) this.reset();
  }

  private reset(reloading = false): void {
    this.reloading = reloading;
    this.setState({ error: null });
  }

  override render(): React.ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { lang } = this.props;
    return (
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="page-error">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, 'pageFailed')}</MessageBarTitle>
          {error.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            data-testid="page-error-check"
            onClick={() => {
              this.reset();
              this.props.onCheck?.();
            }}
          >
            {t(lang, 'check')}
          </Button>
          <Button size="small" data-testid="page-error-reload" onClick={() => this.reset(true)}>
            {t(lang, 'reload')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
