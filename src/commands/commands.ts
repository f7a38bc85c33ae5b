import { officeEnv } from '../host/excel/env';

/** 快速检查: check and mark from the ribbon, without opening the pane. */
async function quickCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const env = officeEnv();
    const { checkWorkbook, markFindings } = await import('../host/excel/session');
    const { defaultProfile, builtInProfile } = await import('../core/profiles');
    const first = await checkWorkbook(env.run, defaultProfile(), env.lang, env.caps);
    const profile = (first.savedProfile && builtInProfile(first.savedProfile)) || null;
    const r = profile ? await checkWorkbook(env.run, profile, env.lang, env.caps) : first;
    await markFindings(env.run, r.result.findings, env.lang, env.caps);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('quickCheck', quickCheck);
});
