import { Lang, Rule } from './types';
import { areaA1 } from '../snapshot';
import { echo } from '../i18n/messages';
import type { IgnoredState } from '../state';
import { MAX_STORED_BINDINGS } from '../bindings';

const cut = (s: string) => echo(s, 40);

function describeIgnored(x: IgnoredState, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (x.what) {
    case 'part':
      return zh ? '整个加载项状态（无法读取）' : 'all of it (not readable)';
    case 'profile':
      return zh ? '保存的评分规则' : 'the saved rule profile';
    case 'marks':
      return zh ? '检查标记的记录' : 'the record of check marks';
    case 'undo':
      return zh ? '写回的撤销记录' : 'the undo record of write-backs';
    case 'pane':
      return zh ? '任务窗格的页面记录' : 'the task pane’s last page';
    case 'bindings':
      return zh ? '全部标签对照表' : 'every label map';
    case 'explained':
      return zh ? '“已说明”的记录' : 'the record of explained warnings';
    case 'labels':
      return zh ? `“${cut(x.name)}”的标签对照表` : `the label map of ${cut(x.name)}`;
    case 'entry':
      return zh ? `未知的项“${cut(x.name)}”` : `an unknown entry “${cut(x.name)}”`;
    case 'binding': {
      const why = {
        range: zh ? '不是有效的区域' : 'not a range',
        sheet: zh ? '工作簿中没有该工作表' : 'no such sheet',
        outside: zh ? '不在工作表有内容的单元格内' : 'outside the cells of its sheet',
        many: zh ? `手动指定的区域超过 ${MAX_STORED_BINDINGS} 个` : `more than ${MAX_STORED_BINDINGS} ranges bound by hand`,
      }[x.why];
      return zh ? `定义名称 ${cut(x.name)}（${cut(x.ref)}，${why}）` : `the defined name ${cut(x.name)} (${cut(x.ref)}: ${why})`;
    }
  }
}


export const WORKBOOK_RULES: Rule[] = [
  {
    id: 'workbook.no-tables',
    severity: 'error',
    docs: { 'zh-CN': '工作簿中没有可识别的表', 'en-US': 'no table found in the workbook' },
    scope: 'workbook',
    check(ctx) {
      if (ctx.tables.length) return;
      // Budget tables of other kinds are still checked: finding no form is then worth a warning only.
      if (ctx.budgetTables.length) ctx.report({ ref: null, variant: 'budget', severity: 'warning', params: { n: ctx.budgetTables.length } });
      // A report need not hold the forms: its narrative was still checked.
      else if (ctx.paragraphs.some((p) => p.trim())) ctx.report({ ref: null, variant: 'document', severity: 'warning' });
      else ctx.report({ ref: null });
    },
  },
  {
    id: 'workbook.ambiguous',
    severity: 'warning',
    docs: { 'zh-CN': '表的一部分无法识别', 'en-US': 'part of a table could not be bound' },
    scope: 'workbook',
    check(ctx) {
      for (const t of ctx.tables) {
        const range = `'${t.sheet}'!${areaA1(t.range)}`;
        for (const s of t.skipped) {
          // The message is built per language at render time from the keys; the hint says how to bind by hand.
          ctx.report({ ref: s.ref ?? { sheet: t.sheet, row: t.range.top, col: t.range.left }, params: { table: `@table.${t.kind}`, what: `@skipped.${s.key}`, hint: `@bindHint.${t.kind}`, range, ...s.params } });
        }
      }
      for (const b of ctx.emptyBindings) {
        const range = `'${b.sheet}'!${areaA1(b.area)}`;
        // A range given on the command line may lie outside its sheet's cells, or name a sheet the workbook lacks.
        const grid = ctx.formulas.book.grid(b.sheet);
        const inside = grid?.inside(b.area.top, b.area.left) ?? false;
        const what = inside ? '@skipped.emptyBinding' : grid ? '@skipped.bindOutside' : '@skipped.bindNoSheet';
        ctx.report({ ref: inside ? { sheet: b.sheet, row: b.area.top, col: b.area.left } : null, params: { table: `@table.${b.kind}`, what, sheet: b.sheet, hint: `@bindHint.${b.kind}`, range, source: b.source } });
      }
    },
  },
  {
    id: 'workbook.state',
    severity: 'warning',
    docs: { 'zh-CN': '工作簿中保存的加载项状态无效，已忽略', 'en-US': 'invalid add-in state stored in the workbook was ignored' },
    scope: 'workbook',
    check(ctx) {
      const ignored = ctx.ignoredState;
      if (!ignored.length) return;
      const many = ignored.filter((x) => x.what === 'binding' && x.why === 'many').length;
      const list = (lang: Lang) => {
        const items = ignored.filter((x) => !(x.what === 'binding' && x.why === 'many')).map((x) => describeIgnored(x, lang));
        if (many) items.push(lang === 'zh-CN' ? `另有 ${many} 个定义名称（手动指定的区域超过 ${MAX_STORED_BINDINGS} 个）` : `${many} more defined names (more than ${MAX_STORED_BINDINGS} ranges bound by hand)`);
        return items.join(lang === 'zh-CN' ? '；' : '; ');
      };
      ctx.report({ ref: null, params: { n: ignored.length, zh: list('zh-CN'), en: list('en-US') } });
    },
  },
];
