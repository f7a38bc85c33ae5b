import type { CellWrite } from '../../core/plan';

/** The add-in's state inside the workbook, in one custom XML part, so that it outlives the pane. */
export interface AddinState {
  version: 1;
  profile?: string;
  /** Conditional formats and notes the add-in added, per sheet, so that clearing removes exactly those. */
  marks?: Array<{ sheet: string; formats: string[]; notes: Array<{ cell: string; content: string }> }>;
  /** The previous state of every cell the last write-back changed. */
  undo?: CellWrite[];
}

export const STATE_NAMESPACE = 'urn:jixiao:state:v1';

export function stateToXml(state: AddinState): string {
  const json = JSON.stringify(state).replace(/]]>/g, ']]]]><![CDATA[>');
  return `<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="${STATE_NAMESPACE}"><![CDATA[${json}]]></jixiao>`;
}

export function stateFromXml(xml: string | null | undefined): AddinState {
  if (!xml) return { version: 1 };
  const parts = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  try {
    const s = JSON.parse(parts) as AddinState;
    return s && s.version === 1 ? s : { version: 1 };
  } catch {
    return { version: 1 };
  }
}

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
