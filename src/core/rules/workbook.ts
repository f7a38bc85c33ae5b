import { Rule } from './types';
import { areaA1 } from '../snapshot';

export const WORKBOOK_RULES: Rule[] = [
  {
    id: 'workbook.no-tables',
    severity: 'error',
    docs: { 'zh-CN': '工作簿中没有可识别的表', 'en-US': 'no table found in the workbook' },
    scope: 'workbook',
    check(ctx) {
      if (ctx.tables.length === 0) ctx.report({ ref: null });
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
        ctx.report({ ref: { sheet: b.sheet, row: b.area.top, col: b.area.left }, params: { table: `@table.${b.kind}`, what: '@skipped.emptyBinding', hint: `@bindHint.${b.kind}`, range, source: b.source } });
      }
    },
  },
];

