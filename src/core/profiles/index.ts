import type { ValidateFunction } from 'ajv';
import schema from './schema.json';
import { BUILT_IN_DATA } from './built-in';
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
  thresholds: { budgetVariance: number; budgetAdjust: number; claimsVsSpend?: number };
  severity?: Record<string, Severity | 'off'>;
  synonyms?: Record<string, string[]>;
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

let compiled: ValidateFunction<Profile> | null = null;

/** The schema's validator, compiled (and ajv loaded) on the first profile file: the built-in ones are checked by the tests. */
function validator(): ValidateFunction<Profile> {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use; a plain check never needs it
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    compiled = new Ajv({ allErrors: true, strict: true }).compile<Profile>(schema);
  }
  return compiled;
}

export const BUILT_IN: Record<string, Profile> = {
  'mof-2020': BUILT_IN_DATA['mof-2020'] as Profile,
  hubei: BUILT_IN_DATA.hubei as Profile,
};

export const DEFAULT_PROFILE_ID = 'mof-2020';

/** Validates profile data against the schema. `source` names the file in the message. */
export function parseProfile(data: unknown, source: string): Profile {
  const validate = validator();
  if (!validate(data)) {
    // Wrong values first, then missing ones: the first is usually what the person typed.
    const all = [...(validate.errors ?? [])].sort((a, b) => Number(!a.instancePath) - Number(!b.instancePath));
    const errs = all.slice(0, 6).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    const more = all.length > 6 ? ` … (+${all.length - 6})` : '';
    throw new ProfileError(`规则配置无效 invalid profile ${source}: ${errs.join('; ')}${more}`);
  }
  return normalised(data as Profile);
}

function normalised(p: Profile): Profile {
  return { ...p, grades: [...p.grades].sort((a, b) => b.min - a.min) };
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

/** A built-in profile (schema-checked by test/profiles.test.ts, not at run time). */
export function builtInProfile(id: string): Profile | null {
  // An own-property lookup: `constructor`, `__proto__` or `toString` name no profile.
  if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(BUILT_IN, id)) return null;
  return normalised(BUILT_IN[id]);
}

export function defaultProfile(): Profile {
  return builtInProfile(DEFAULT_PROFILE_ID)!;
}
