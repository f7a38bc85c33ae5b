import type { ExcelRun } from './run';
import type { Lang } from '../../core/rules/types';
import { officeLang } from './lang';
import { Capabilities, capabilitiesOf, MANIFEST_API } from './capabilities';
import { installationId } from './installation';

/** What the pane needs from the host, read once from office.js (real or the preview's fake). */
export interface OfficeEnv {
  run: ExcelRun;
  /** `Excel.createWorkbook` (ExcelApi 1.8): opens .xlsx bytes as a new workbook. */
  createWorkbook: (base64: string) => Promise<void>;
  caps: Capabilities;
  /** Whether this Excel has the ExcelApi version the manifest asks for; below it, the pane only says what it needs. */
  supported: boolean;
  /** The newest ExcelApi version this Excel supports ('1.9' …), or null where it has none. */
  apiLevel: string | null;
  lang: Lang;
  dark: boolean;
  /** This installation's random id (local storage), to which the pane's undo records are bound. */
  installation: string;
}

function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}

/** ExcelApi sets are cumulative: the newest one supported is the host's level. */
function apiLevel(): string | null {
  let level: string | null = null;
  for (let minor = 1; minor < 100 && supports(`1.${minor}`); minor++) level = `1.${minor}`;
  return level;
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
    run: ((options, batch) => Excel.run(options, batch)) as ExcelRun,
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    caps: capabilitiesOf(supports),
    supported: supports(MANIFEST_API),
    apiLevel: apiLevel(),
    lang: officeLang(Office.context.displayLanguage),
    dark: isDark(),
    installation: installationId(),
  };
}
