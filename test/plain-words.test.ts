/**
 * Plain words everywhere a clerk or reviewer reads: every message and text of the catalogue in both languages, the
 * pane's strings, the rules' help, the names of roles, layouts and profiles, and the cells of the written 审核意见,
 * 汇总 and 问题清单 for the seed examples. None may carry a rule id, a role or layout key of the model, a
 * command-line flag or an ASCII comparison sign.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { check } from '../src/core/check';
import { MESSAGES, TEXT, message, text } from '../src/core/i18n/messages';
import { plainSigns, shownValue } from '../src/core/i18n/shown';
import { BUILT_IN_DATA, profileName } from '../src/core/profiles/built-in';
import { findingsTable, reportEntry, reviewTable, summaryTable, tableTitle, TextTable } from '../src/core/report';
import { explainable, ruleHelp, ruleHelpIds } from '../src/core/rule-help';
import { RULE_IDS } from '../src/core/rules';
import { fault, ROLE_GROUPS } from './support/plain-words';
import type { Lang } from '../src/core/rules/types';
import { readXlsx } from '../src/host/xlsx/read';
import { STRING_KEYS, t } from '../src/taskpane/i18n';

const LANGS: Lang[] = ['zh-CN', 'en-US'];

function faults(texts: Array<[string, string]>, lang: Lang): string[] {
  return texts.flatMap(([where, s]) => {
    const f = fault(s, lang);
    return f ? [`${where}: ${f}: ${s}`] : [];
  });
}

/** Sample params: every placeholder a value the person might have typed with an ASCII sign; cited texts as they are cited. */
function sample(template: string): Record<string, string> {
  const cited: Record<string, string> = { hint: '@bindHint.basic', what: '@skipped.unknownRow', table: '@table.self', basis: '@basis.positive', nature: '@nature.higher', which: '@which.target' };
  const out: Record<string, string> = { range: "'表1'!A1:K15", label: '三公经费' };
  for (const [, k] of template.matchAll(/\{(\w+)\}/g)) out[k] ??= cited[k] ?? '>=95%';
  return out;
}

describe('the words of the catalogue and the pane', () => {
  it.each(LANGS)('%s: every message, text and pane string reads without ids, keys, flags or ASCII signs', (lang) => {
    const texts: Array<[string, string]> = [
      ...Object.keys(MESSAGES).map((k): [string, string] => [k, message(k, sample(MESSAGES[k][lang]), lang)]),
      ...Object.keys(TEXT)
        .filter((k) => !k.endsWith(':cli'))
        .map((k): [string, string] => [k, text(k, lang, sample(TEXT[k][lang]))]),
      ...STRING_KEYS.map((k): [string, string] => [`pane ${k}`, t(lang, k, { ...Object.fromEntries([...t(lang, k).matchAll(/\{(\w+)\}/g)].map(([, p]) => [p, '12'])), n: 3, cells: 'B6、B7', v: '95%', sheets: '自评表', name: '审核意见' })]),
      ...RULE_IDS.flatMap((id): Array<[string, string]> => Object.entries(ruleHelp(id, lang) ?? {}).map(([part, s]) => [`help ${part}`, s])),
      ...ROLE_GROUPS.flatMap(([g, table]) => Object.entries(table as Record<string, Record<Lang, string>>).map(([k, v]): [string, string] => [`${g}.${k}`, v[lang]])),
      ...Object.keys(BUILT_IN_DATA).map((id): [string, string] => [`profile ${id}`, profileName(id, lang)]),
    ];
    expect(faults(texts, lang)).toEqual([]);
    // The samples did carry ASCII signs: the catalogue shows them as ≥.
    expect(message('self.target-direction', sample(MESSAGES['self.target-direction'][lang]), lang)).toContain('≥95%');
  });

  it('catches what it is there for: a rule id, a role or layout key, a flag, an ASCII sign', () => {
    expect(fault('见 basic.sum', 'zh-CN')).toMatch(/rule id/);
    expect(fault('prev ← 2022年决算数', 'zh-CN')).toMatch(/model key prev/);
    expect(fault('sangong ← 三公经费', 'en-US')).toMatch(/model key sangong/);
    expect(fault('layout hunan-basic', 'en-US')).toMatch(/model key hunan-basic/);
    expect(fault('或用 --bind "表1!A1=self"', 'zh-CN')).toMatch(/flag/);
    expect(fault('目标“>=50000人次”', 'zh-CN')).toMatch(/sign/);
    expect(fault('the other funds, last year', 'en-US')).toBeNull();
  });

  it('writes comparison signs as a form prints them', () => {
    expect(plainSigns('>=50000人次，<= 30天，＞＝1')).toBe('≥50000人次，≤ 30天，≥1');
  });

  it('English headings use ASCII brackets', () => {
    expect(t('en-US', 'sevCount', { sev: t('en-US', 'error'), n: 1 })).toBe('Errors (1)');
    expect(t('zh-CN', 'sevCount', { sev: t('zh-CN', 'error'), n: 1 })).toBe('错误（1）');
  });
});

describe('why and how, for every rule', () => {
  it.each(LANGS)('%s: each rule id has a plain name, why it matters and how to fix it; the help names no rule it lacks', (lang) => {
    const missing = RULE_IDS.filter((id) => {
      const h = ruleHelp(id, lang);
      return !h || !h.name.trim() || !h.why.trim() || !h.how.trim();
    });
    expect(missing).toEqual([]);
    expect(ruleHelpIds().filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    expect(ruleHelp('no.such-rule', lang)).toBeNull();
  });

  it('lets a person leave the variance and budget-adjustment warnings, and no error', () => {
    expect(explainable('basic.budget-variance')).toBe(true);
    expect(explainable('self.budget-adjust')).toBe(true);
    expect(explainable('basic.sum')).toBe(false);
    expect(explainable('no.such-rule')).toBe(false);
  });
});

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
const SEEDS = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.xlsx'));

function cells(table: TextTable): string[] {
  return [table.name, ...table.header, ...table.rows.flat().map(String)];
}

describe('the written 审核意见, 汇总 and 问题清单 of the seed examples', () => {
  it.each(LANGS)('%s: no cell carries a rule id, a model key, a flag or an ASCII sign', async (lang) => {
    const entries = [];
    const problems: string[] = [];
    for (const [i, name] of SEEDS.entries()) {
      const { snapshot } = await readXlsx(readFileSync(path.join(EXAMPLES_DIR, name)), name);
      const result = check(snapshot, { lang });
      // A file name of its own: the examples' names spell their layouts.
      entries.push(reportEntry(`单位${i + 1}.xlsx`, result, null));
      problems.push(...faults(cells(reviewTable(result.findings, lang)).map((s): [string, string] => [`${name} 审核意见`, s]), lang));
    }
    for (const table of [summaryTable(entries, lang), findingsTable(entries, lang)]) problems.push(...faults(cells(table).map((s): [string, string] => [table.name, s]), lang));
    expect(problems).toEqual([]);
    expect(SEEDS.length).toBeGreaterThanOrEqual(5);
  });

  it('names the tables found plainly, and shows a rate as the percent its cell shows', async () => {
    expect(tableTitle({ kind: 'self', layout: 'project-2020', sheet: '自评表', range: 'A1:I13' }, 'zh-CN')).toBe('自评表（项目支出）· 自评表!A1:I13');
    const { snapshot } = await readXlsx(readFileSync(path.join(EXAMPLES_DIR, 'seed001-dept-hunan.xlsx')), 'seed001');
    const variance = check(snapshot).findings.find((f) => f.rule === 'basic.budget-variance' && f.cell === 'D11')!;
    expect(variance.actual).toBe('-0.7455');
    expect(shownValue(variance, variance.actual)).toBe('-74.55%');
    const review = reviewTable([variance], 'zh-CN');
    expect(review.rows[0]).toEqual(['预决算差异率过大', '警告', '基础数据表!D11', variance.message, '', '-74.55%', '']);
    // A number typed as text with its percent sign: what it reads as is a percent too.
    expect(shownValue({ rule: 'value.text-number', actual: '95%' }, '0.95')).toBe('95%');
    expect(shownValue({ rule: 'value.text-number', actual: '1.70　' }, '1.7')).toBe('1.7');
    expect(shownValue({ rule: 'self.target-direction', actual: '<=100%' }, '<=100%')).toBe('≤100%');
    // A figure to compare with is no 应为: the budget moved from 618.42 is written as 对照 618.42.
    const adjust = check(snapshot).findings.find((f) => f.rule === 'self.budget-adjust')!;
    expect(reviewTable([adjust], 'zh-CN').rows[0][4]).toBe('对照 618.42');
    expect(reviewTable([variance, adjust], 'en-US').rows.map((r) => r[4])).toEqual(['', 'compared with 618.42']);
  });

  it('says in 汇总’s 提示 which table is missing: neither, or only the 自评表', async () => {
    const hint = (e: ReturnType<typeof reportEntry>, lang: 'zh-CN' | 'en-US' = 'zh-CN') => summaryTable([e], lang).rows[0].slice(-1)[0];
    expect(hint(reportEntry('空.xlsx', { info: [], findings: [] }, null))).toBe('未找到基础数据表或自评表');
    expect(hint(reportEntry('空.xlsx', { info: [], findings: [] }, null), 'en-US')).toBe('no basic data table (基础数据表) or self-evaluation table (自评表) found');
    const { snapshot } = await readXlsx(readFileSync(path.join(EXAMPLES_DIR, 'seed001-dept-hunan.xlsx')), 'seed001');
    const basicOnly = check(snapshot);
    expect(hint(reportEntry('基础.xlsx', { info: basicOnly.info.filter((i) => i.kind === 'basic'), findings: [] }, null))).toBe('未找到自评表');
  });

  it('names the aggregated empty columns once, without repeating itself', () => {
    expect(message('value.missing:scores', { n: 8 }, 'zh-CN')).toBe('8 项指标已填实际完成值，但均未评分');
    expect(message('value.missing:weights', { n: 3 }, 'en-US')).toBe('none of the 3 indicators has a weight');
  });
});
