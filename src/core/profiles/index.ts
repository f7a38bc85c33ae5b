import Ajv from 'ajv';
import schema from './schema.json';
import mof2020 from './mof-2020.json';
import hubei from './hubei.json';
import type { Severity } from '../rules/types';

export interface Profile {
  id: string;
  name: { 'zh-CN': string; 'en-US': string };
  total: number;
  levels: Array<{ keys: string[]; weight: number }>;
  /** Whether the level weights bind every form (`rule`, the default) or only guide (`guide`): see schema.json. */
  levelWeights?: 'rule' | 'guide';
  bareOperator: '>=' | '<=' | '=';
  execScore: { cap: number; places: number };
  scorePlaces: number;
  qualitative: { achieved: number; partial: number };
  overachieve: number;
  grades: Array<{ grade: string; min: number }>;
  thresholds: { budgetVariance: number; budgetAdjust: number };
  severity?: Record<string, Severity | 'off'>;
  synonyms?: Record<string, string[]>;
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile<Profile>(schema);

export const BUILT_IN: Record<string, Profile> = {
  'mof-2020': mof2020 as Profile,
  hubei: hubei as Profile,
};

export const DEFAULT_PROFILE_ID = 'mof-2020';

/** Validates profile data against the schema. `source` names the file in the message. */
export function parseProfile(data: unknown, source: string): Profile {
  if (!validate(data)) {
    // Wrong values first, then missing ones: the first is usually what the person typed.
    const all = [...(validate.errors ?? [])].sort((a, b) => Number(!a.instancePath) - Number(!b.instancePath));
    const errs = all.slice(0, 6).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    const more = all.length > 6 ? ` … (+${all.length - 6})` : '';
    throw new ProfileError(`规则配置无效 invalid profile ${source}: ${errs.join('; ')}${more}`);
  }
  const p = data as Profile;
  const grades = [...p.grades].sort((a, b) => b.min - a.min);
  return { ...p, grades };
}

export function parseProfileText(text: string, source: string): Profile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ProfileError(`规则配置不是有效的 JSON invalid profile ${source}: ${(e as Error).message}`);
  }
  return parseProfile(data, source);
}

export function builtInProfile(id: string): Profile | null {
  const p = BUILT_IN[id];
  return p ? parseProfile(p, id) : null;
}

export function defaultProfile(): Profile {
  return builtInProfile(DEFAULT_PROFILE_ID)!;
}
