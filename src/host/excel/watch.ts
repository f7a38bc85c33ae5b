import { isOwnSheet } from './own-sheets';
import { ExcelRun, RUN_OPTIONS as OPTIONS } from './run';

/**
 * Calls back after any edit of a cell in the workbook (`worksheets.onChanged`, ExcelApi 1.9), with the changed
 * address; returns the function that stops listening.
 */
export function watchChanges(run: ExcelRun, onChange: (address: string) => void): Promise<() => Promise<void>> {
  return run(OPTIONS, async (context) => {
    const handler = context.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
      if (!isOwnSheet(e.worksheetId)) onChange(e.address);
    });
    await context.sync();
    return async () => {
      handler.remove();
      await handler.context.sync().catch(() => undefined);
    };
  });
}
