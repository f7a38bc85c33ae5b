import type { CheckSummary } from '../../core/check';
import type { Snapshot } from '../../core/snapshot';

/**
 * `check REPORT.docx --with FILE.xlsx`: the workbook's sheets join the report's Snapshot, so that the narrative's
 * claims can be held against its tables. A sheet whose name the report already uses is prefixed with the
 * workbook's name (`自评表.xlsx：表1`), and the workbook's defined names follow their sheets.
 */
export function withWorkbook(doc: Snapshot, workbook: Snapshot, workbookName: string): { snapshot: Snapshot; sheets: Set<string> } {
  const taken = new Set(doc.sheets.map((s) => s.name));
  const renamed = new Map<string, string>();
  const sheets = workbook.sheets.map((s) => {
    let name = s.name;
    if (taken.has(name)) {
      const base = `${workbookName}：${s.name}`;
      name = base;
      for (let k = 2; taken.has(name); k++) name = `${base} (${k})`;
      renamed.set(s.name, name);
    }
    taken.add(name);
    return name === s.name ? s : { ...s, name };
  });
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  const names = (workbook.names ?? []).map((n) => {
    let ref = n.ref;
    for (const [from, to] of renamed) ref = ref.split(quote(from)).join(quote(to)).split(`${from}!`).join(quote(to));
    return { name: n.name, ref };
  });
  return {
    snapshot: { ...doc, sheets: [...doc.sheets, ...sheets], names: [...(doc.names ?? []), ...names], stateXml: workbook.stateXml ?? doc.stateXml ?? null },
    sheets: new Set(sheets.map((s) => s.name)),
  };
}

/**
 * The report's own part of a check run with a workbook beside it: the workbook's tables and the findings on its
 * sheets belong to that workbook's own check and are left out; the tables' indexes in the findings follow.
 */
export function reportPart(summary: CheckSummary, workbookSheets: Set<string>): CheckSummary {
  const index = new Map<number, number>();
  const info = summary.info.filter((t, i) => {
    if (workbookSheets.has(t.sheet)) return false;
    index.set(i, index.size);
    return true;
  });
  const findings = summary.findings.filter((f) => !workbookSheets.has(f.sheet)).map((f) => (f.table === null ? f : { ...f, table: index.get(f.table) ?? null }));
  const values = summary.computed.values.filter((v) => !workbookSheets.has(v.sheet));
  return { ...summary, info, findings, computed: { values } };
}
