import { promises as fs } from 'fs';
import path from 'path';
import { check, CheckResult, CheckSummary, summarize } from '../core/check';
import { builtInProfile, parseProfileText, Profile, ProfileError, BUILT_IN } from '../core/profiles';
import type { Lang } from '../core/rules/types';
import type { Binding } from '../core/bindings';
import { readError, sniff, WorkbookFormat, XlsxReadError } from '../host/xlsx/guard';
import { isDocxPackage, readDocx } from '../host/docx/read';
import { reportPart, withWorkbook } from '../host/docx/with';
import type { Snapshot } from '../core/snapshot';
import { asXlsxBytes, readWorkbook } from '../host/xlsx/read';
import { readFileBytes, readFileBytesSync } from '../host/xlsx/file';
import { REPORT_MARK } from '../core/report';
import type { UnzipLimits } from '../host/xlsx/unzip';
import type { Input } from './inputs';
import { sha256 } from './report-record';

export interface FileResult {
  /** The file as the person named it. */
  file: string;
  ok: boolean;
  error: { code: string; message: string } | null;
  /** What the outputs need of the check; the Snapshot and the model are let go as soon as the file is checked. */
  summary: CheckSummary | null;
  /** The whole check, kept only when asked for (fix and template work on it). */
  result?: CheckResult | null;
  /** The file's bytes as .xlsx (an .xls converted), kept only when a copy is to be written from them. */
  bytes?: Uint8Array;
  /** The input's format: a copy of an .xls is written as .xlsx; a report's copy stays a .docx. */
  format?: WorkbookFormat | 'docx';
  /** A batch report jixiao wrote, met while walking a folder: not a submission. */
  ownReport?: boolean;
}

/** `--profile ID|PATH`: a built-in id, or a JSON file validated against the schema. */
export async function resolveProfile(arg: string | undefined, base = process.cwd()): Promise<Profile> {
  const id = arg ?? 'mof-2020';
  const builtIn = builtInProfile(id);
  if (builtIn) return builtIn;
  let text: string;
  try {
    text = await fs.readFile(path.resolve(base, id), 'utf8');
  } catch {
    throw new ProfileError(`找不到规则配置 profile not found: ${id}（内置 built-in: ${Object.keys(BUILT_IN).join(', ')}）`);
  }
  return parseProfileText(text, id);
}

export interface CheckFileOptions {
  profile: Profile;
  lang: Lang;
  bindings?: Binding[];
  /** Keep the bytes (as .xlsx) to write a copy from. */
  keepBytes?: boolean;
  /** Keep the whole check result (fix, template). */
  keepResult?: boolean;
  limits?: UnzipLimits;
  /**
   * Reports this tool wrote (content hashes): a file carrying the report mark whose hash is here is skipped as
   * `ownReport`. Given only for files met in a folder; a file named by the person is always checked.
   */
  reports?: ReadonlySet<string>;
  /** `--with FILE.xlsx`: the workbook checked beside each report (.docx), its sheets merged into the report's. */
  with?: Pick<Input, 'name' | 'path'>;
}

/** A report in Word: named .docx or .doc, or any zip that holds word/document.xml. */
export function isDocument(file: string, bytes: Uint8Array): boolean {
  return /\.docx?$/i.test(file) || isDocxPackage(bytes);
}

/**
 * A report's Snapshot, with the workbook named by --with merged in (the names of its sheets returned, to leave
 * its findings to its own check). A legacy .doc is refused with what to do.
 */
async function readDocument(bytes: Uint8Array, file: string, o: CheckFileOptions, sync: boolean): Promise<{ snapshot: Snapshot; withSheets: Set<string> | null }> {
  if (/\.doc$/i.test(file) && sniff(bytes) !== 'zip') throw readError('doc', file, undefined, 'docx');
  const { snapshot } = readDocx(bytes, file, o.limits);
  if (!o.with) return { snapshot, withSheets: null };
  const wbBytes = sync ? readFileBytesSync(o.with.path, o.with.name) : await readFileBytes(o.with.path, o.with.name);
  const { snapshot: wb } = await readWorkbook(wbBytes, o.with.name);
  const merged = withWorkbook(snapshot, wb, path.basename(o.with.name));
  return { snapshot: merged.snapshot, withSheets: merged.sheets };
}
/**
 * Reads and checks one file; an unreadable file becomes a result with `ok: false`, never a throw. A batch reads
 * synchronously (`sync`): it checks one file at a time, and an async read only adds waits.
 */
export async function checkFile(input: Pick<Input, 'name' | 'path'>, o: CheckFileOptions, sync = false): Promise<FileResult> {
  const file = input.name;
  try {
    const bytes = sync ? readFileBytesSync(input.path, file) : await readFileBytes(input.path, file);
    if (isDocument(file, bytes)) {
      const { snapshot, withSheets } = await readDocument(bytes, file, o, sync);
      const result = check(snapshot, { profile: o.profile, lang: o.lang, bindings: o.bindings ?? [] });
      const summary = summarize(result);
      return {
        file,
        ok: true,
        error: null,
        summary: withSheets ? reportPart(summary, withSheets) : summary,
        format: 'docx',
        ...(o.keepResult ? { result } : {}),
        ...(o.keepBytes ? { bytes } : {}),
      };
    }
    const { snapshot, format } = await readWorkbook(bytes, file, o.limits);
    if (o.reports?.size && snapshot.marks?.includes(REPORT_MARK) && o.reports.has(sha256(bytes))) return { file, ok: true, error: null, summary: null, ownReport: true };
    const result = check(snapshot, { profile: o.profile, lang: o.lang, bindings: o.bindings ?? [] });
    return {
      file,
      ok: true,
      error: null,
      summary: summarize(result),
      format,
      ...(o.keepResult ? { result } : {}),
      ...(o.keepBytes ? { bytes: await asXlsxBytes(bytes, file) } : {}),
    };
  } catch (e) {
    if (e instanceof XlsxReadError) return { file, ok: false, error: { code: e.code, message: e.message }, summary: null };
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { file, ok: false, error: { code: 'internal', message: `${file}: 内部错误 internal error: ${msg}` }, summary: null };
  }
}


/**
 * Where a copy of an input goes: an .xls input gives an .xlsx copy (`x.xls` → `x.xlsx`), and the note that says so;
 * an .xlsx input keeps the name asked for.
 */
export function copyPath(out: string, format: WorkbookFormat | 'docx' | undefined, lang: Lang): { path: string; note: string | null } {
  if (format !== 'xls') return { path: out, note: null };
  const p = out.replace(/\.xls$/i, '.xlsx');
  const note = lang === 'zh-CN' ? `输入为旧版 .xls，副本以 .xlsx 格式写入 ${p}` : `the input is a legacy .xls; the copy is written as .xlsx to ${p}`;
  return { path: p, note };
}

/** CLI.md's codes; a file read but whose copy could not be written counts as a failure (2). */
export function exitCode(results: FileResult[]): 0 | 1 | 2 {
  if (results.some((r) => !r.ok || r.error)) return 2;
  return results.some((r) => r.summary?.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
