/**
 * One table of host integration cases, run against every host on its fake (test/host-cases.test.ts): the fake
 * Excel through the Excel host's session, and the fake WPS (both builds) through the WPS host. Each host gives a
 * Harness over a workbook loaded from the same .xlsx fixture; a case uses only the Harness.
 */
import type { CheckResult } from '../../src/core/check';
import { check } from '../../src/core/check';
import { buildWritePlan, CellWrite } from '../../src/core/plan';
import { defaultProfile } from '../../src/core/profiles';
import type { Finding } from '../../src/core/rules/types';
import type { Snapshot } from '../../src/core/snapshot';
import { stateToXml } from '../../src/core/state';
import type { FakeWorkbook } from '../../src/fake-excel/workbook';
import { UndoPreview, WriteOutcome, WriteRefused } from '../../src/host/common/write-types';
import type { SheetSpec } from '../../scripts/fixtures/spec';
import { EXAMPLES } from '../../scripts/fixtures/workbooks';

export interface Harness {
  /** The document under the fake, to set up a case and look at cells. */
  book: FakeWorkbook;
  /** What the xlsx host read from the fixture. */
  snapshot: Snapshot;
  check(): Promise<{ result: CheckResult; protectedSheets: string[] }>;
  mark(findings: Finding[]): Promise<{ skipped: string[] }>;
  clear(): Promise<string[]>;
  write(writes: CellWrite[]): Promise<WriteOutcome>;
  preview(): Promise<UndoPreview>;
  undo(id: string): Promise<{ restored: string[]; skipped: string[] }>;
  dropForeign(): Promise<number>;
  /** A person's edit of one cell, through the host's object model. */
  edit(sheet: string, cell: string, v: string | number): Promise<void>;
  addPart(xml: string): Promise<void>;
  bind(kind: 'basic' | 'self', address: string): Promise<void>;
  unbind(kind: 'basic' | 'self'): Promise<void>;
  /** Everything the workbook holds (cells, marks, comments or notes, names, parts), as a comparable string. */
  state(): string;
  /** Whether the workbook shows any of the add-in's marks. */
  marked(): boolean;
}

export type HostCase = [title: string, fixture: SheetSpec[], run: (h: Harness) => Promise<void>];

const HUNAN = EXAMPLES['seed001-dept-hunan.xlsx'];
const keys = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
const plan = async (h: Harness) => buildWritePlan((await h.check()).result, defaultProfile());
const cellsOnly = (h: Harness) => h.book.fingerprint();

export const HOST_CASES: HostCase[] = [
  [
    'checks as the core checks the xlsx host’s Snapshot, and writes nothing (审核模式)',
    EXAMPLES['seed001-formulas.xlsx'],
    async (h) => {
      const before = h.state();
      const { result } = await h.check();
      expect(keys(result.findings)).toEqual(keys(check(h.snapshot).findings));
      expect(h.state()).toBe(before);
    },
  ],
  [
    'marks, marks again, and clears to exactly the workbook it was',
    EXAMPLES['seed001-formulas.xlsx'],
    async (h) => {
      h.book.sheet('基础数据表')!.notes.set('B6', '我自己的批注');
      const before = h.state();
      await h.mark((await h.check()).result.findings);
      expect(h.marked()).toBe(true);
      expect(h.book.sheet('基础数据表')!.notes.get('B6')).toBe('我自己的批注');
      await h.mark((await h.check()).result.findings);
      expect(await h.clear()).toEqual([]);
      expect(h.marked()).toBe(false);
      const strip = (s: string) => JSON.stringify(JSON.parse(s), (k, v) => (k === 'parts' ? undefined : v));
      expect(strip(h.state())).toBe(strip(before));
    },
  ],
  [
    'does not mark a protected sheet and says which; refuses a write there and changes nothing',
    HUNAN,
    async (h) => {
      h.book.sheet('自评表')!.protected = true;
      const { result, protectedSheets } = await h.check();
      expect(protectedSheets).toEqual(['自评表']);
      const notes = () => JSON.stringify([...h.book.sheet('自评表')!.notes]);
      const before = notes();
      expect((await h.mark(result.findings)).skipped).toEqual(['自评表']);
      expect(notes()).toBe(before);
      await h.clear();
      const state = h.state();
      await expect(h.write(buildWritePlan(result, defaultProfile()).writes)).rejects.toThrow(WriteRefused);
      expect(h.state()).toBe(state);
    },
  ],
  [
    'adds nothing to a workbook with nothing to mark',
    [{ name: 'Sheet1', blocks: [{ at: [0, 0], table: { rows: [['说明'], ['这里没有表']] } }] }],
    async (h) => {
      const before = h.state();
      await h.mark((await h.check()).result.findings);
      expect(h.state()).toBe(before);
      expect(h.book.parts.size).toBe(0);
    },
  ],
  [
    'writes back live formulas, re-checks clean, and undo restores every cell',
    HUNAN,
    async (h) => {
      const before = cellsOnly(h);
      const p = await plan(h);
      expect((await h.write(p.writes)).written).toHaveLength(p.writes.length);
      expect(h.book.sheet('基础数据表')!.cell(3, 3)).toMatchObject({ formula: '=C4/B4', numberFormat: '0.00%' });
      expect((await h.check()).result.findings.filter((f) => f.rule.startsWith('formula.'))).toEqual([]);
      const u = await h.preview();
      expect((await h.undo(u.record!.id)).restored).toHaveLength(p.writes.length);
      await h.check();
      expect(JSON.parse(cellsOnly(h))).toEqual(JSON.parse(before));
    },
  ],
  [
    'skips and names a cell edited after the check',
    HUNAN,
    async (h) => {
      const p = await plan(h);
      await h.edit('基础数据表', 'B11', 2.5);
      const out = await h.write(p.writes);
      expect(out.skipped).toEqual(['基础数据表!B11']);
      expect(h.book.sheet('基础数据表')!.cell(10, 1)).toMatchObject({ value: 2.5 });
    },
  ],
  [
    '撤销 leaves a cell edited after the write-back as the person left it, and names it',
    HUNAN,
    async (h) => {
      await h.write((await plan(h)).writes);
      await h.edit('基础数据表', 'D4', 3);
      const u = await h.preview();
      expect(u.skipped).toEqual(['基础数据表!D4']);
      expect((await h.undo(u.record!.id)).skipped).toEqual(['基础数据表!D4']);
      expect(h.book.sheet('基础数据表')!.cell(3, 3)).toMatchObject({ value: 3, formula: '' });
      expect((await h.preview()).record).toBeNull();
    },
  ],
  [
    'never runs an undo record of another installation, and deletes it when asked',
    HUNAN,
    async (h) => {
      const forged = { id: 'x', owner: 'f'.repeat(32), at: '2026-01-01T00:00:00Z', cells: [{ sheet: '基础数据表', cell: 'B6', before: { value: null, formula: '=HYPERLINK("http://evil")', numberFormat: 'General' }, after: { value: 196.26, formula: '', numberFormat: '#,##0.00' } }] };
      await h.addPart(stateToXml({ version: 1, undoStack: [forged, { junk: true }] }));
      const before = cellsOnly(h);
      const u = await h.preview();
      expect(u.record).toBeNull();
      expect(u.foreign).toBe(2);
      await expect(h.undo('x')).rejects.toThrow(WriteRefused);
      expect(await h.dropForeign()).toBe(2);
      expect((await h.preview()).foreign).toBe(0);
      expect(cellsOnly(h)).toBe(before);
    },
  ],
  [
    'binds a table by a workbook name and unbinds it',
    HUNAN,
    async (h) => {
      await h.bind('basic', "'基础数据表'!A3:E30");
      expect(h.book.names.map((n) => n.name)).toEqual(['jixiao_basic']);
      expect(h.book.names[0].ref.replace(/\$/g, '')).toBe("'基础数据表'!A3:E30");
      await h.unbind('basic');
      expect(h.book.names).toEqual([]);
    },
  ],
];
