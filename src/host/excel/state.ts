import { explainedState } from '../../core/explained';
import type { Finding } from '../../core/rules/types';
import { AddinState, STATE_NAMESPACE, stateFromXml, stateToXml } from '../../core/state';
import { ExcelRun, RUN_OPTIONS } from './run';

export { STATE_NAMESPACE, stateFromXml, stateToXml };
export type { AddinState };

/** Parts of the state's namespace beyond the one read, removed by the next write of the state. */
const extras = new WeakMap<Excel.CustomXmlPart, Excel.CustomXmlPart[]>();

/**
 * Loads the state part (one sync) and returns a reader and a writer to queue with the next batch. Two writers that
 * both found no part each add one, and `getOnlyItemOrNullObject` is null for two: so the parts are loaded as a
 * list, the last written is read, and the others go at the next write instead of every read finding no state.
 */
export async function readState(context: Excel.RequestContext): Promise<{ state: AddinState; part: Excel.CustomXmlPart | null }> {
  const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  parts.load('items/id');
  await context.sync();
  const items = parts.items;
  if (!items.length) return { state: { version: 1 }, part: null };
  const part = items[items.length - 1];
  if (items.length > 1) extras.set(part, items.slice(0, -1));
  const xml = part.getXml();
  await context.sync();
  return { state: stateFromXml(xml.value), part };
}

/** Queues the state write (no sync): replaces the part's XML, or adds the part; extra parts of the state go. */
export function queueState(context: Excel.RequestContext, part: Excel.CustomXmlPart | null, state: AddinState): void {
  if (part && !part.isNullObject) {
    part.setXml(stateToXml(state));
    for (const extra of extras.get(part) ?? []) extra.delete();
    extras.delete(part);
  } else context.workbook.customXmlParts.add(stateToXml(state));
}

/** Marks a finding 已说明 with the person's reason (a blank reason takes it back), in the workbook's add-in state. */
export function saveExplanation(run: ExcelRun, f: Pick<Finding, 'sheet' | 'cell' | 'rule' | 'actual'>, reason: string | null): Promise<void> {
  return run(RUN_OPTIONS, async (context) => {
    const { state, part } = await readState(context);
    queueState(context, part, explainedState(state, f, reason));
    await context.sync();
  });
}
