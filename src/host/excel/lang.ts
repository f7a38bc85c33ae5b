import type { Lang } from '../../core/rules/types';

/** The pane's language from Office's display language: Chinese (any region) or English. */
export function officeLang(displayLanguage: string | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}
