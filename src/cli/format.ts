import { cliHint, echo, text } from '../core/i18n/messages';
import type { Finding, Lang, Severity } from '../core/rules/types';
import { a1 } from '../core/snapshot';
import type { FileResult } from './files';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const L = {
  'zh-CN': { document: '文档', workbook: '工作簿', total: '总分', computed: '计算', grade: '等级', weights: '分值合计', expected: '期望', actual: '实际', files: (n: number) => `共 ${n} 个文件`, counts: (e: number, w: number, i: number) => `${e} 个错误，${w} 个警告，${i} 个提示`, unreadable: (n: number) => `${n} 个文件无法读取`, unwritten: (n: number) => `${n} 个文件的副本未写入`, none: '未发现问题', currency: '单位：' },
  'en-US': { document: 'Document', workbook: 'Workbook', total: 'total', computed: 'computed', grade: 'grade', weights: 'weights', expected: 'expected', actual: 'actual', files: (n: number) => `${n} file${n === 1 ? '' : 's'}`, counts: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} notes`, unreadable: (n: number) => `${n} unreadable`, unwritten: (n: number) => `${n} cop${n === 1 ? 'y' : 'ies'} not written`, none: 'no problems found', currency: 'amounts in ' },
};

/**
 * Text from a workbook made safe for a terminal: control characters (an escape sequence that clears the screen, a
 * carriage return or line break that forges a line) and bidirectional overrides are shown escaped, `\x1b`, `\u202e`.
 */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** Where a finding is: `Sheet!B6`, or a report's paragraph `正文 ¶12`. */
function where(f: Finding): string {
  return f.cell.startsWith('¶') ? `${f.sheet} ${f.cell}` : `${f.sheet}!${f.cell}`;
}

function line(f: Finding, lang: Lang): string {
  const l = L[lang];
  const ea = f.expected !== null || f.actual !== null ? `  [${l.expected} ${f.expected ?? '—'} · ${l.actual} ${f.actual ?? '—'}]` : '';
  const hint = cliHint(f.params, lang);
  return terminalSafe(`      ${where(f).padEnd(14)} ${f.rule.padEnd(26)} ${f.message}${hint ? (lang === 'zh-CN' ? `（${hint}）` : ` (${hint})`) : ''}${ea}`);
}

function group(findings: Finding[], lang: Lang, out: string[]): void {
  for (const sev of SEVERITIES) {
    const list = findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push(`    ${text(`severity.${sev}`, lang)} (${list.length})`);
    for (const f of list) out.push(line(f, lang));
  }
}

/** The text report: by file, then table, then severity; each line names the cell, the rule, the message and the numbers. */
export function formatText(results: FileResult[], lang: Lang): string {
  const l = L[lang];
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    out.push(terminalSafe(r.file));
    if (!r.ok || !r.summary) {
      out.push(`  ✗ ${terminalSafe(r.error!.message)}`);
      out.push('');
      continue;
    }
    const { info, findings } = r.summary;
    errors += findings.filter((f) => f.severity === 'error').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    infos += findings.filter((f) => f.severity === 'info').length;
    info.forEach((t, i) => {
      const head = [text(`table.${t.kind}`, lang), `${t.sheet}!${t.range}`, t.layout, t.unit, t.year ? String(t.year) : null, t.currency ? `${l.currency}${t.currency}` : null].filter(Boolean).join(' · ');
      out.push(terminalSafe(`  ${head}`));
      if (t.summary) {
        const s = t.summary;
        out.push(terminalSafe(`    ${l.total} ${s.statedTotal ?? '—'} (${l.computed} ${s.computedTotal}) · ${l.grade} ${echo(s.statedGrade ?? '—')} (${l.computed} ${s.computedGrade ?? '—'}) · ${l.weights} ${s.weightTotal}`));
      }
      const mine = findings.filter((f) => f.table === i);
      if (!mine.length) out.push(`    ✓ ${l.none}`);
      group(mine, lang, out);
    });
    const wb = findings.filter((f) => f.table === null);
    if (wb.length) {
      out.push(`  ${r.format === 'docx' ? l.document : l.workbook}`);
      group(wb, lang, out);
    }
    // Read and checked, but its copy could not be written.
    if (r.error) out.push(`  ✗ ${terminalSafe(r.error.message)}`);
    out.push('');
  }
  const bad = results.filter((r) => !r.ok).length;
  const unwritten = results.filter((r) => r.ok && r.error).length;
  out.push(`${l.files(results.length)}: ${l.counts(errors, warnings, infos)}${bad ? `; ${l.unreadable(bad)}` : ''}${unwritten ? `; ${l.unwritten(unwritten)}` : ''}`);
  return out.join('\n');
}

/** CLI.md's JSON document. */
export function formatJson(results: FileResult[], profile: string): string {
  const files = results.map((r) => {
    if (!r.ok || !r.summary) return { file: r.file, ok: false, error: r.error, tables: [], findings: [], computed: [] };
    const res = r.summary;
    return {
      file: r.file,
      ok: true,
      error: r.error,
      tables: res.info.map((t) => ({ kind: t.kind, layout: t.layout, sheet: t.sheet, range: t.range, unit: t.unit, year: t.year, currency: t.currency, ...(t.summary ? { summary: t.summary } : {}), ...(t.kind === 'budget' ? { title: t.title ?? null } : {}) })),
      findings: res.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message, expected: f.expected, actual: f.actual })),
      computed: res.computed.values.map((v) => ({ sheet: v.sheet, cell: v.ref ? a1(v.ref.row, v.ref.col) : null, label: v.label, value: v.value })),
    };
  });
  return JSON.stringify({ version: 1, profile, files }, null, 2);
}
