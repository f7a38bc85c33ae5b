import { D, decFromNumber, withinSumTolerance } from '../src/core/decimal';
import { rateAgrees } from '../src/core/compute/score';
import { readCellValue } from '../src/core/parse/number';
import { TableSpec } from '../scripts/fixtures/spec';
import { byRule, checkSheets, oneSheet } from './support/helpers';

const ref = { sheet: 'S', row: 0, col: 0 };
const rateCell = (v: number, fmt: string) => readCellValue(ref, v, '', '', fmt, 'number') as ReturnType<typeof readCellValue> & { value: InstanceType<typeof D> };

describe('exact decimal arithmetic', () => {
  it('subtracts without binary noise', () => {
    expect(new D('2170.2').minus('2170.19').toString()).toBe('0.01');
    expect(decFromNumber(0.1 + 0.2).toString()).toBe('0.3');
  });

  it('treats 2170.19 against 2170.2 over two addends as a rounding difference, and 2170.18 as an error', () => {
    expect(withinSumTolerance(new D('2170.2'), new D('447.32').plus('1722.87'), 2)).toBe(true);
    expect(withinSumTolerance(new D('2170.2'), new D('2170.18'), 2)).toBe(false);
    expect(withinSumTolerance(new D('2170.2'), new D('2170.19'), 1)).toBe(false);
  });

  it('calls a 0.00% cell wrong when the true rate is −0.06% (17.99 against 18.00)', () => {
    const exact = new D('17.99').dividedBy('18').minus(1);
    expect(rateAgrees(rateCell(0, '0.00%'), exact)).toBe(false);
    expect(rateAgrees(rateCell(-0.0006, '0.00%'), exact)).toBe(true);
    expect(rateAgrees(rateCell(-0.000556, '0.00%'), exact)).toBe(true);
  });
});

/** Seed 000's 表3: a 三公经费 table with a 预决算差异率 column. */
const seed000Sangong: TableSpec = {
  rows: [
    ['填报单位：伊金霍洛旗机关事务服务中心', null, null, '单位：万元'],
    ['项目', '年初预算数', '决算金额', '预决算差异率'],
    ['三公经费', 238, 101.93, { v: -0.5717, fmt: '0.00%' }],
    ['1、因公出国（境）费', 0, 0, { v: 0, fmt: '0.00%' }],
    ['2、公务用车运行维护费', 18, 17.99, { v: 0, fmt: '0.00%' }],
    ['3、公务接待费', 220, 83.94, { v: -0.6185, fmt: '0.00%' }],
  ],
};

describe('seed 000 through the engine', () => {
  it('reports the 0.00% that should read −0.06%, and accepts −61.85% and −57.17%', async () => {
    const result = await checkSheets(oneSheet(seed000Sangong, '表3'));
    // A 三公经费 table on its own is read as the budget table it is (no 基础数据表 without its staff block).
    expect(result.tables).toHaveLength(0);
    const rates = byRule(result.findings, 'table.rate');
    expect(rates).toHaveLength(1);
    expect(rates[0]).toMatchObject({ cell: 'D5', expected: '-0.0006', actual: '0' });
    expect(rates[0].message).toBe('公务用车运行维护费 预决算差异率 填报 0.00%，应为 -0.06%（决算金额 17.99 ÷ 年初预算数 18 − 1）');
  });
});
