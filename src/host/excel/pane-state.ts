import { ExcelRun, RUN_OPTIONS as OPTIONS } from './run';
import { queueState, readState } from './state';

/** The pane's last tab, from the workbook's add-in state (two syncs where the state exists, one where it does not). */
export function readPaneTab(run: ExcelRun): Promise<string | null> {
  return run(OPTIONS, async (context) => (await readState(context)).state.pane?.tab ?? null);
}

/** Records the pane's tab in the workbook's add-in state. */
export function savePaneTab(run: ExcelRun, tab: string): Promise<void> {
  return run(OPTIONS, async (context) => {
    const { state, part } = await readState(context);
    if (state.pane?.tab === tab) return;
    state.pane = { ...state.pane, tab };
    queueState(context, part, state);
    await context.sync();
  });
}
