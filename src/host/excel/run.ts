/** `Excel.run`, injected so that tests and the preview can pass the fake. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Every batch waits while the person is editing a cell, instead of failing. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };
