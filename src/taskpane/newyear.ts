import { resultsAfter } from '../core/formula/results';
import { check } from '../core/check';
import type { Profile } from '../core/profiles';
import { templatePlan, yearSheetNames } from '../core/template';
import type { OfficeEnv } from '../host/excel/env';
import { currentFileBytes, insertTemplate } from '../host/excel/newyear';

export interface NewYearOptions {
  year: number;
  /** Roll the open workbook forward, or start from the blank canonical tables. */
  roll: boolean;
  layout: 'dept' | 'project';
  target: 'sheets' | 'workbook';
  profile: Profile;
  /** The open workbook's bytes; office.js by default, injectable for tests. */
  fileBytes?: () => Promise<Uint8Array>;
}

/**
 * 新建年度模板 in the pane: the same template code as `jixiao template` (exceljs, loaded only now), put into new
 * sheets of the open workbook (named by year and kind: `2024 基础数据表`, `2024 自评表 (空白)`) or opened as a new
 * workbook. Returns the names of the sheets added (none when it opened as a new workbook).
 */
export async function newYearTemplate(env: Pick<OfficeEnv, 'run' | 'caps' | 'createWorkbook'>, o: NewYearOptions): Promise<string[]> {
  const [{ readXlsx }, { applyTemplate }, { blankWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "xlsx" */ '../host/xlsx/read'),
    import(/* webpackChunkName: "xlsx" */ '../host/xlsx/template'),
    import(/* webpackChunkName: "xlsx" */ '../host/xlsx/blank'),
  ]);
  const bytes = o.roll ? await (o.fileBytes ?? currentFileBytes)() : await blankWorkbook(o.year, o.layout, o.profile);
  const { snapshot } = await readXlsx(bytes, o.roll ? 'workbook' : 'template');
  const result = check(snapshot, { profile: o.profile });
  if (!result.tables.length) throw new Error('未找到可结转的基础数据表或自评表 (no tables to roll forward)');
  const plan = templatePlan(result, o.year, o.roll, o.profile);
  const tpl = await applyTemplate(bytes, plan, resultsAfter(snapshot, plan.cells));
  return insertTemplate(env, tpl, o.target, yearSheetNames(result, o.year, o.roll));
}
