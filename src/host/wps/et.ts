/**
 * The subset of WPS 表格's ET object model (VBA-shaped, synchronous) the WPS host uses, written from the published
 * declarations (npm `et-jsapi-declare`, used only to learn the model) and WPS's documentation. Members that differ
 * between builds (a property in one, a method in another; a collection callable or not) are typed loosely here
 * and reached only through facade.ts.
 */

/** A value as COM hands it over: a scalar for one cell, a 2-D array for many, null for "mixed". */
export type EtVariant = unknown;

export interface EtInterior {
  /** A COM colour: 0xBBGGRR. */
  Color: number;
  /** XlPattern: 1 solid, -4142 none. */
  Pattern: number;
}

export interface EtComment {
  /** Text(Text?, Start?, Overwrite?): with no argument, the comment's text. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtRange {
  /** `Address(RowAbsolute?, ColumnAbsolute?)`: `$B$2:$D$9`. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Row: number;
  readonly Column: number;
  readonly Count: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  /** Raw values; a property in most builds, a method `Value2()` in some (facade.ts). */
  Value2: EtVariant;
  Formula: EtVariant;
  FormulaR1C1: EtVariant;
  NumberFormat: EtVariant;
  /** The shown text of one cell; for many cells, the text only when all agree, else null. */
  readonly Text: EtVariant;
  /** true, false, or null where some cells are merged and some not. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  /** On Rows / Columns: true, false, or null where mixed. */
  Hidden: boolean | null;
  readonly Interior: EtInterior;
  /** The cell's comment, or null. */
  readonly Comment: EtComment | null;
  AddComment(text?: string): EtComment;
  Item(row: number, column?: number): EtRange;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  Range(cell1: string, cell2?: string): EtRange;
  readonly Cells: EtRange;
}

export interface EtCollection<T> {
  readonly Count: number;
  /** 1-based, or by name; some builds make the collection itself callable instead (facade.ts). */
  Item(index: number | string): T;
}

export interface EtName {
  Name: string;
  /** `='基础数据表'!$B$4:$I$30`. */
  RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

export interface EtNames extends EtCollection<EtName> {
  Add(name: string, refersTo: string): EtName;
}

export interface EtCustomXMLPart {
  readonly Id: string;
  readonly NamespaceURI: string;
  readonly XML: string;
  Delete(): void;
}

export interface EtCustomXMLParts extends EtCollection<EtCustomXMLPart> {
  Add(xml: string): EtCustomXMLPart;
  SelectByNamespace(namespaceURI: string): EtCustomXMLParts;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtCollection<EtWorksheet>;
  readonly Names: EtNames;
  readonly CustomXMLParts: EtCustomXMLParts;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}
