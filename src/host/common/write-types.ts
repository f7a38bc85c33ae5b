import type { CellState } from '../../core/plan';

/** The outcomes of a write-back and of 撤销, the same for every host (plain data, and one refusal class). */

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteRefused';
  }
}

export interface WriteOutcome {
  /** The cells written. */
  written: string[];
  /** Cells changed since the check, left as they are. */
  skipped: string[];
}

export interface UndoChange {
  sheet: string;
  cell: string;
  /** What the cell holds now (what the write-back put there). */
  now: CellState;
  /** What 撤销 puts back. */
  restore: CellState;
}

export interface UndoPreview {
  /** The write-back 撤销 would undo, or null where there is none of this installation's. */
  record: { id: string; at: string } | null;
  changes: UndoChange[];
  /** Cells of it changed since the write, which 撤销 leaves as they are. */
  skipped: string[];
  /** Undo records in the workbook that this installation did not write (a received workbook): never executed. */
  foreign: number;
}

/** The messages of a refusal, zh-CN with en-US, shared so both hosts say the same. */
export const REFUSED = {
  protectedWrite: (sheets: string[]) => `工作表受保护，未写入任何单元格 (protected sheet, nothing written): ${sheets.join('、')}`,
  protectedUndo: (sheets: string[]) => `工作表受保护，未撤销任何单元格 (protected sheet, nothing undone): ${sheets.join('、')}`,
  undoChanged: '撤销记录已变化，请重新点“撤销” (the undo record changed; press Undo again)',
};
