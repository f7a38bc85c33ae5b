import type { Capabilities, ExcelRun } from './session';
import type { Lang } from '../../core/rules/types';
import { officeLang } from '../../taskpane/i18n';

/** What the pane needs from the host, read once from office.js (real or the preview's fake). */
export interface OfficeEnv {
  run: ExcelRun;
  caps: Capabilities;
  lang: Lang;
  dark: boolean;
}

function supported(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

function isDark(): boolean {
  const theme = Office.context.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const hex = (theme.bodyBackgroundColor ?? '#ffffff').replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

export function officeEnv(): OfficeEnv {
  return {
    run: ((options, batch) => Excel.run(options as Excel.RunOptions, batch as (c: Excel.RequestContext) => Promise<unknown>)) as ExcelRun,
    caps: { merges: supported('1.13'), notes: supported('1.18'), undo: supported('1.19') },
    lang: officeLang(Office.context.displayLanguage),
    dark: isDark(),
  };
}
