/**
 * The sheets this add-in created while the pane has been open (审核意见, 汇总, 问题清单, a new year's sheets), by
 * Excel's sheet id: edits Excel reports on them are the add-in's own, not a person's, and leave the results current.
 */
const own = new Set<string>();

export function addOwnSheet(id: string): void {
  own.add(id);
}

export function isOwnSheet(id: string | undefined): boolean {
  return id !== undefined && own.has(id);
}
