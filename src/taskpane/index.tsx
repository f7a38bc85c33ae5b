import { isLegacyWebview, officeLang, t } from './i18n';
import { logError } from './log';
import { MANIFEST_API } from '../host/excel/capabilities';

/** Entry of the task pane. Old webviews get a plain message before React or Fluent UI load. */
function boot(): void {
  const root = document.getElementById('root')!;
  // Without office.js, taskpane.html has already said what failed and whom to ask.
  if (typeof Office === 'undefined') return;
  if (isLegacyWebview(navigator.userAgent)) {
    root.textContent = t(officeLang(Office.context?.displayLanguage ?? navigator.language), 'needsModern');
    return;
  }
  Office.onReady(async () => {
    try {
      const [{ mount }, { officeEnv }] = await Promise.all([import(/* webpackChunkName: "pane" */ './mount'), import('../host/excel/env')]);
      const env = officeEnv();
      if (!env.supported) {
        root.textContent = t(env.lang, 'needsApi', { need: MANIFEST_API, has: env.apiLevel ?? '—' });
        root.setAttribute('role', 'alert');
        return;
      }
      mount(root, env);
    } catch (e) {
      // A chunk that failed to load, or a host that is not Excel: say so rather than stay blank.
      logError('start', e);
      root.textContent = t(officeLang(Office.context?.displayLanguage ?? navigator.language), 'bootFailed', { msg: e instanceof Error ? e.message : String(e) });
      root.setAttribute('role', 'alert');
    }
  });
}

boot();
