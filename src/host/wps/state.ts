/**
 * The add-in's state in a WPS workbook: the same custom XML part (namespace STATE_NAMESPACE) as in Excel, so a
 * workbook passed between the two hosts keeps it. Everything in it is untrusted data: read through the core's
 * validating reader, never obeyed.
 */
import { AddinState, STATE_NAMESPACE, stateFromXml, stateToXml } from '../../core/state';
import type { EtCustomXMLPart, EtWorkbook } from './et';
import { each, get } from './facade';

export { STATE_NAMESPACE };

export interface WpsState {
  state: AddinState;
  /** The XML read (the last part of the namespace), or null. */
  xml: string | null;
  /** Every part of the namespace, replaced at the next write. */
  parts: EtCustomXMLPart[];
}

/** Reads the state: the namespace's parts, the last one's XML. Two parts (two writers) are resolved at the next write. */
export function readState(wb: EtWorkbook): WpsState {
  const parts = each(wb.CustomXMLParts.SelectByNamespace(STATE_NAMESPACE));
  if (!parts.length) return { state: { version: 1 }, xml: null, parts };
  const xml = String(get(parts[parts.length - 1], 'XML') ?? '');
  return { state: stateFromXml(xml), xml, parts };
}

/**
 * Writes the state. The ET model has no "replace the XML of a part": the new part is added first, then the old ones
 * deleted, so a failure in between leaves two parts (the newest read next) rather than none.
 */
export function writeState(wb: EtWorkbook, read: WpsState, state: AddinState): void {
  const added = wb.CustomXMLParts.Add(stateToXml(state));
  const keep = String(get(added, 'Id'));
  for (const p of read.parts) {
    try {
      if (String(get(p, 'Id')) !== keep) p.Delete();
    } catch {
      // deleted meanwhile (another pane): nothing to remove
    }
  }
  read.parts = [added];
  read.state = state;
}
