import mof2020 from './mof-2020.json';
import hubei from './hubei.json';
import type { Lang } from '../rules/types';

/** The built-in profiles' data, by id: plain JSON, so that the settings page can name them without the engine. */
export const BUILT_IN_DATA = { 'mof-2020': mof2020, hubei } as const;

/** A profile's name as people read it (财政部 2020 通用 …); the id itself only for one that is not built in. */
export function profileName(id: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(BUILT_IN_DATA, id) ? BUILT_IN_DATA[id as keyof typeof BUILT_IN_DATA].name[lang] : id;
}
