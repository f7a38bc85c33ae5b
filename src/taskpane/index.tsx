import { isLegacyWebview, officeLang, t } from './i18n';
import { MANIFEST_API } from '../host/excel/capabilities';

/** Entry of the task pane. Old webviews get a plain message before React or Fluent UI load. */
function boot(): void {
  const root = document.getElementById('root')!;
  if (isLegacyWebview(navigator.userAgent)) {
    const lang = officeLang(typeof Office !== 'undefined' ? Office.context?.displayLanguage : navigator.language);
    root.textContent = t(lang, 'needsModern');
    return;
  }
  Office.onReady(async () => {
    const [{ mount }, { officeEnv }] = await Promise.all([import(/* webpackChunkName: "pane" */ './mount'), import('../host/excel/env')]);
    const env = officeEnv();
    if (!env.supported) {
      root.textContent = t(env.lang, 'needsApi', { need: MANIFEST_API, has: env.apiLevel ?? '—' });
      root.setAttribute('role', 'alert');
      return;
    }
    mount(root, env);
  });
}

boot();
