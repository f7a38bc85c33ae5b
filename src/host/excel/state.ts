import { AddinState, STATE_NAMESPACE, stateFromXml, stateToXml } from '../../core/state';

export { STATE_NAMESPACE, stateFromXml, stateToXml };
export type { AddinState };

/** Loads the state part (one sync) and returns a reader and a writer to queue with the next batch. */
export async function readState(context: Excel.RequestContext): Promise<{ state: AddinState; part: Excel.CustomXmlPart }> {
  const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  await context.sync();
  if (part.isNullObject) return { state: { version: 1 }, part };
  const xml = part.getXml();
  await context.sync();
  return { state: stateFromXml(xml.value), part };
}

/** Queues the state write (no sync): replaces the part's XML, or adds the part. */
export function queueState(context: Excel.RequestContext, part: Excel.CustomXmlPart | null, state: AddinState): void {
  if (part && !part.isNullObject) part.setXml(stateToXml(state));
  else context.workbook.customXmlParts.add(stateToXml(state));
}
