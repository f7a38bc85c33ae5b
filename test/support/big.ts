import ExcelJS from 'exceljs';

/** A 基础数据表 with n project lines (4 cells a row), streamed to `file`: a large but honest workbook. */
/**
 * Lines of a 基础数据表 that take well past a 1.5-second per-file budget to read and check on any machine here: 60,000
 * took 1.6 s on a fast one (right at the budget), 150,000 about 4 s, so the time-budget tests use 200,000.
 */
export const SLOW_ROWS = 200_000;

export async function bigBasic(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('基础数据表');
  const head: unknown[][] = [
    ['部门整体支出绩效评价基础数据表'],
    ['填报单位：测试单位', null, null, null, '单位：万元'],
    ['财政供养人员情况', '编制数', '2023年实际在职人数', '控制率'],
    [null, 7, 7, 1],
    ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
    ['三公经费', 10, 10, 10],
    ['1、公务用车购置和维护经费', 5, 5, 5],
    ['其中：公车购置', 2, 2, 2],
    ['公车运行维护', 3, 3, 3],
    ['2、出国经费', 0, 0, 0],
    ['3、公务接待', 5, 5, 5],
    ['项目支出：', n, n, n],
    ['1、业务工作经费', n, n, n],
  ];
  for (const r of head) ws.addRow(r).commit();
  for (let i = 0; i < n; i++) ws.addRow([`项目${i + 1}`, 1, 1, 1]).commit();
  ws.addRow(['公用经费', 1, 1, 1]).commit();
  await wb.commit();
}
