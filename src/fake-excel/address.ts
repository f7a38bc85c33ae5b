/** Addresses as Excel takes and gives them. */
import { parseAreaA1, Area, a1 } from '../core/snapshot';
import { quoteSheet } from '../core/formula/tokens';

/** `'Sheet'!$A$1:$G$28`, the form Excel gives a defined name's reference. */
export function absoluteRef(sheet: string, a: Area): string {
  const abs = (r: number, c: number) => a1(r, c).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${quoteSheet(sheet)}!${abs(a.top, a.left)}:${abs(a.bottom, a.right)}`;
}

/** A1 areas, and the whole-row form `5:2000` Excel accepts. */
export function parseAddress(address: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]) - 1, left: 0, bottom: Number(rows[2]) - 1, right: 16383 };
  return parseAreaA1(address);
}

/** The A1 areas of an address list `A1:B2, C3`, for finding what a conditional format covers. */
export function areasOf(address: string): Area[] {
  return address.split(',').map((a) => parseAddress(a.trim().replace(/^.*!/, '')));
}

export const overlaps = (a: Area, b: Area) => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
