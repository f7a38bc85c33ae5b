import { isLegacyWebview, officeLang, t } from './i18n';

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
    mount(root, officeEnv());
  });
}

boot();
