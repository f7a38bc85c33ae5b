declare module 'fast-formula-parser' {
  export interface CellRefArg {
    sheet: string;
    row: number;
    col: number;
  }
  export interface RangeRefArg {
    sheet: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type DepRef = CellRefArg | RangeRefArg;
  export interface ParserConfig {
    functions?: Record<string, (...args: unknown[]) => unknown>;
    onVariable?: (name: string, sheet: string) => CellRefArg | RangeRefArg | null;
    onCell?: (ref: CellRefArg) => unknown;
    onRange?: (ref: RangeRefArg) => unknown[][];
  }
  export class FormulaError extends Error {
    readonly error: string;
  }
  export class DepParser {
    constructor(config?: { onVariable?: ParserConfig['onVariable'] });
    parse(formula: string, position: CellRefArg, ignoreError?: boolean): DepRef[];
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: CellRefArg, allowReturnArray?: boolean): unknown;
    static DepParser: typeof DepParser;
    static FormulaHelpers: {
      flattenParams(params: unknown[], valueType: unknown, allowUnion: boolean, hook: (item: unknown, info: { isLiteral: boolean }) => void): void;
    };
    static Types: { NUMBER: unknown };
    static FormulaError: typeof FormulaError;
    static MAX_ROW: number;
    static MAX_COLUMN: number;
  }
}
