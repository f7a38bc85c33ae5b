import type { CellWrite } from './plan';

/** The add-in's state inside a workbook, in one custom XML part, read by the pane and the CLI alike. */
export interface AddinState {
  version: 1;
  profile?: string;
  /**
   * The notes the add-in added, per sheet marked, so that clearing removes exactly those (and none a person has
   * since edited). Its conditional formats are known by their rule (host/excel/marks.ts).
   */
  marks?: Array<{ sheet: string; notes: Array<{ cell: string; content: string }> }>;
  /** The previous state of every cell the last write-back changed. */
  undo?: CellWrite[];
  /** The task pane's last tab, so that it opens where the person left it. */
  pane?: { tab?: string };
  /** Per binding name (jixiao_basic …): a person's labels mapped to the canonical ones. */
  bindings?: Record<string, { kind: 'basic' | 'self'; labels: Record<string, string> }>;
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
