import { promises as fs } from 'fs';
import { check, CheckResult } from '../core/check';
import { builtInProfile, parseProfileText, Profile, ProfileError, BUILT_IN } from '../core/profiles';
import type { Lang } from '../core/rules/types';
import type { Binding } from '../core/bindings';
import { WorkbookFormat, XlsxReadError } from '../host/xlsx/guard';
import { asXlsxBytes, readWorkbook } from '../host/xlsx/read';
import { readFileBytes } from '../host/xlsx/file';

export interface FileResult {
  file: string;
  ok: boolean;
  error: { code: string; message: string } | null;
  result: CheckResult | null;
  /** The file's bytes as .xlsx (an .xls converted), kept only when a copy is to be written from them. */
  bytes?: Uint8Array;
  /** The input's format: a copy of an .xls is written as .xlsx. */
  format?: WorkbookFormat;
}

/** `--profile ID|PATH`: a built-in id, or a JSON file validated against the schema. */
export async function resolveProfile(arg: string | undefined): Promise<Profile> {
  const id = arg ?? 'mof-2020';
  const builtIn = builtInProfile(id);
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = await fs.readFile(id, 'utf8');
  } catch {
    throw new ProfileError(`找不到规则配置 profile not found: ${id}（内置 built-in: ${Object.keys(BUILT_IN).join(', ')}）`);
  }
  return parseProfileText(text, id);
}

/** Reads and checks one file; an unreadable file becomes a result with `ok: false`, never a throw. */
export async function checkFile(file: string, profile: Profile, lang: Lang, keepBytes = false, bindings: Binding[] = []): Promise<FileResult> {
  try {
    const bytes = await readFileBytes(file);
    const { snapshot, format } = await readWorkbook(bytes, file);
    const result = check(snapshot, { profile, lang, bindings });
    return { file, ok: true, error: null, result, format, ...(keepBytes ? { bytes: await asXlsxBytes(bytes, file) } : {}) };
  } catch (e) {
    if (e instanceof XlsxReadError) return { file, ok: false, error: { code: e.code, message: e.message }, result: null };
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { file, ok: false, error: { code: 'internal', message: `${file}: 内部错误 internal error: ${msg}` }, result: null };
  }
}

/** Checks files one at a time, so memory stays bounded however many there are. */
export async function checkFiles(files: string[], profile: Profile, lang: Lang, onDone?: (done: number, file: string) => void): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const f of files) {
    out.push(await checkFile(f, profile, lang));
    onDone?.(out.length, f);
  }
  return out;
}

/** Runs `each` over the files one at a time, handing it the checked file and dropping it after. */
export async function eachFile(files: string[], profile: Profile, lang: Lang, keepBytes: boolean, each: (r: FileResult, index: number) => Promise<void>, bindings: Binding[] = []): Promise<void> {
  for (let i = 0; i < files.length; i++) await each(await checkFile(files[i], profile, lang, keepBytes, bindings), i);
}

/**
 * Where a copy of an input goes: an .xls input gives an .xlsx copy (`x.xls` → `x.xlsx`), and the note that says so;
 * an .xlsx input keeps the name asked for.
 */
export function copyPath(out: string, format: WorkbookFormat | undefined, lang: Lang): { path: string; note: string | null } {
  if (format !== 'xls') return { path: out, note: null };
  const p = out.replace(/\.xls$/i, '.xlsx');
  const note = lang === 'zh-CN' ? `输入为旧版 .xls，副本以 .xlsx 格式写入 ${p}` : `the input is a legacy .xls; the copy is written as .xlsx to ${p}`;
  return { path: p, note };
}

export function exitCode(results: FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.result!.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
