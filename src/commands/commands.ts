import { officeEnv } from '../host/excel/env';

/** 快速检查: check and mark from the ribbon, without opening the pane (the workbook's saved profile, if any). */
export async function quickCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const env = officeEnv();
    if (!env.supported) return;
    const { checkWorkbook } = await import('../host/excel/session');
    const { defaultProfile } = await import('../core/profiles');
    await checkWorkbook(env.run, { profile: defaultProfile(), lang: env.lang, caps: env.caps, mark: true });
  } finally {
    event.completed();
  }
}

// Without office.js (blocked or offline) there is no ribbon to answer; the task pane says what failed.
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('quickCheck', quickCheck);
  });
}
