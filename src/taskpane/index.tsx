import { isLegacyWebview, officeLang, t } from './i18n';
import { logError } from './log';
import { detectHost } from './host';
import { MANIFEST_API } from '../host/excel/capabilities';

function failed(root: HTMLElement, lang: string | undefined, e: unknown): void {
  // A chunk that failed to load, or a host that is not what it seemed: say so rather than stay blank.
  logError('start', e);
  root.textContent = t(officeLang(lang ?? navigator.language), 'bootFailed', { msg: e instanceof Error ? e.message : String(e) });
  root.setAttribute('role', 'alert');
}

/** In WPS 表格 there is no Office.onReady: the page starts at once, on WPS's Application. */
async function bootWps(root: HTMLElement): Promise<void> {
  try {
    await (await import(/* webpackChunkName: "wps" */ './boot-wps')).bootWps(root);
  } catch (e) {
    failed(root, undefined, e);
  }
}

/** Entry of the task pane. Old webviews get a plain message before React or Fluent UI load. */
function boot(): void {
  const root = document.getElementById('root')!;
  if (detectHost() === 'wps') {
    void bootWps(root);
    return;
  }
  // Without office.js, taskpane.html has already said what failed and whom to ask.
  if (typeof Office === 'undefined') return;
  if (isLegacyWebview(navigator.userAgent)) {
    root.textContent = t(officeLang(Office.context?.displayLanguage ?? navigator.language), 'needsModern');
    return;
  }
  Office.onReady(async () => {
    try {
      const [{ mount }, { officeEnv }, { excelPaneHost }] = await Promise.all([import(/* webpackChunkName: "pane" */ './mount'), import('../host/excel/env'), import(/* webpackChunkName: "pane" */ '../host/excel/pane-host')]);
      const env = officeEnv();
      if (!env.supported) {
        root.textContent = t(env.lang, 'needsApi', { need: MANIFEST_API, has: env.apiLevel ?? '—' });
        root.setAttribute('role', 'alert');
        return;
      }
      mount(root, excelPaneHost(env));
    } catch (e) {
      failed(root, Office.context?.displayLanguage, e);
    }
  });
}

boot();
