import { D, decStr } from '../decimal';
import { convertMoney } from '../parse/currency';
import { BasicTable, SelfTable } from '../model';
import { isNumber } from '../parse/number';
import { compactText } from '../parse/text';
import { Rule } from './types';

function sameUnit(a: string | null, b: string | null): boolean {
  return !a || !b || compactText(a) === compactText(b);
}

/** Pairs each 自评表 with the 基础数据表 of the same unit (or the only one). */
export function pairs(tables: Array<BasicTable | SelfTable>): Array<{ basic: BasicTable; self: SelfTable }> {
  const basics = tables.filter((t): t is BasicTable => t.kind === 'basic');
  const selfs = tables.filter((t): t is SelfTable => t.kind === 'self' && t.layout !== 'project-2020');
  const out: Array<{ basic: BasicTable; self: SelfTable }> = [];
  for (const self of selfs) {
    const basic = basics.find((b) => b.unit && self.unit && compactText(b.unit) === compactText(self.unit)) ?? (basics.length === 1 ? basics[0] : null);
    if (basic) out.push({ basic, self });
  }
  return out;
}

export const CROSS_RULES: Rule[] = [
  {
    id: 'cross.project-spend',
    severity: 'error',
    docs: { 'zh-CN': '两表项目支出不一致', 'en-US': '项目支出 differs between the tables' },
    scope: 'workbook',
    check(ctx) {
      for (const { basic, self } of pairs(ctx.tables)) {
        if (!sameUnit(basic.unit, self.unit) || (basic.year && self.year && basic.year !== self.year)) continue;
        const item = self.split.find((s) => s.role === 'projectExp');
        const row = basic.rows.find((r) => r.role === 'project');
        const fin = row?.cells.final;
        if (!item || !isNumber(item.read) || !isNumber(fin)) continue;
        // Both in the 自评表's unit: a 基础数据表 kept in 元 beside a 自评表 in 万元 compares once converted.
        const selfCur = self.currency ?? basic.currency ?? '万元';
        const basicCur = basic.currency ?? self.currency ?? '万元';
        const want = convertMoney(fin.value, basicCur, selfCur);
        // Each table rounds to two decimals of its own unit: the coarser one bounds the difference.
        const tolerance = convertMoney(new D('0.005'), selfCur === '万元' || basicCur === '万元' ? '万元' : '元', selfCur);
        if (item.read.value.minus(want).abs().lessThanOrEqualTo(tolerance)) continue;
        ctx.report({
          ref: item.read.ref,
          params: { actual: decStr(item.read.value)!, expected: decStr(fin.value)!, selfUnit: selfCur, basicUnit: basicCur },
          expected: decStr(want),
          actual: decStr(item.read.value),
        });
      }
    },
  },
  {
    id: 'cross.unit',
    severity: 'warning',
    docs: { 'zh-CN': '两表单位或年度不一致', 'en-US': 'the tables name different units or years' },
    scope: 'workbook',
    check(ctx) {
      for (const { basic, self } of pairs(ctx.tables)) {
        const unitDiffers = !sameUnit(basic.unit, self.unit);
        const yearDiffers = !!basic.year && !!self.year && basic.year !== self.year;
        if (!unitDiffers && !yearDiffers) continue;
        const show = (t: BasicTable | SelfTable) => [t.unit ?? '', t.year ? `${t.year}年` : ''].filter(Boolean).join(' ');
        ctx.report({ ref: self.unitRef ?? basic.unitRef, params: { basic: show(basic), self: show(self) }, expected: show(basic), actual: show(self) });
      }
    },
  },
];
