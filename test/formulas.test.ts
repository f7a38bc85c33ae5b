import { Book } from '../src/core/locate/grid';
import { cellKey, FormulaEngine } from '../src/core/formula/engine';
import { prepare, toR1C1 } from '../src/core/formula/tokens';
import { emptySheet } from '../src/core/snapshot';
import { seed001BasicFormulas, seed001SelfFormulas, seed002WeightedFormulas } from '../scripts/fixtures/formulas';
import { seed001Basic, seed001Self } from '../scripts/fixtures/seeds';
import { EXAMPLES } from '../scripts/fixtures/workbooks';
import { CellSpec, rowOf, setCell, SheetSpec, TableSpec } from '../scripts/fixtures/spec';
import { checkSheets } from './support/helpers';
import { CheckResult } from '../src/core/check';

const formulaKeys = (r: CheckResult) =>
  r.findings
    .filter((f) => f.rule.startsWith('formula.'))
    .map((f) => `${f.rule}@${f.sheet}!${f.cell}`)
    .sort();

const both = (basic: TableSpec, self: TableSpec, names: [string, string] = ['基础数据表', '自评表']): SheetSpec[] => [
  { name: names[0], blocks: [{ at: [0, 0], table: basic }] },
  { name: names[1], blocks: [{ at: [0, 0], table: self }] },
];
const at = (t: TableSpec, label: string, col: number, v: CellSpec) => setCell(t, rowOf(t, label), col, v);

describe('formula scanner', () => {
  it('writes the relative R1C1 shape Excel shows', () => {
    expect(toR1C1('=C4/B4', 3, 3)).toBe('=RC[-1]/RC[-2]');
    expect(toR1C1('=SUM(B7,B10:B11)', 5, 1)).toBe('=SUM(R[1]C,R[4]C:R[5]C)');
    expect(toR1C1('=$B$4*C$4+$D4', 3, 3)).toBe('=R4C2*R4C[-1]+RC4');
    expect(toR1C1('="C4"&C4', 3, 3)).toBe('="C4"&RC[-1]');
    expect(toR1C1('=LOG10(A1)', 3, 3)).toBe('=LOG10(R[-3]C[-3])');
  });
  it('quotes sheet names and resolves defined names for the parser', () => {
    const names = new Map([['编制数', "'基础 数据'!$B$4"]]);
    expect(prepare('=自评表!E4/编制数', names)).toBe("'自评表'!E4/'基础 数据'!$B$4");
    expect(prepare("='It''s 表'!A1+\"编制数\"", names)).toBe("'It''s 表'!A1+\"编制数\"");
  });
});

describe('formula engine over a Snapshot', () => {
  const s = emptySheet("It's 基础 表", 6, 5);
  const put = (r: number, c: number, v: number) => {
    s.values[r][c] = v;
    s.types[r][c] = 'number';
  };
  put(3, 1, 7);
  put(3, 2, 14);
  put(4, 1, 0);
  const other = emptySheet('自评表', 5, 6);
  other.values[3][4] = 2170.2;
  other.types[3][4] = 'number';
  const book = new Book({ sheets: [s, other], names: [{ name: '编制数', ref: "'It''s 基础 表'!$B$4" }] });
  const engine = new FormulaEngine(book);
  const here = { sheet: "It's 基础 表", row: 3, col: 3 };

  it('evaluates with Chinese, spaced and quoted sheet names, defined names and other sheets', () => {
    expect(engine.evaluate("='It''s 基础 表'!C4/编制数", here)).toEqual({ kind: 'number', value: 2 });
    expect(engine.evaluate('=自评表!E4*2', here)).toEqual({ kind: 'number', value: 4340.4 });
    expect(engine.evaluate('=C4/B5', here)).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(engine.evaluate('=ROUND(10*MIN(C4/B4,1),2)', here)).toEqual({ kind: 'number', value: 10 });
  });
  it('lists dependencies with ranges expanded', () => {
    expect(engine.dependencies('=SUM(B4:C5)+$D$1', here)).toEqual([
      { sheet: "It's 基础 表", row: 3, col: 1 },
      { sheet: "It's 基础 表", row: 3, col: 2 },
      { sheet: "It's 基础 表", row: 4, col: 1 },
      { sheet: "It's 基础 表", row: 4, col: 2 },
      { sheet: "It's 基础 表", row: 0, col: 3 },
    ]);
    expect(engine.dependencies('=自评表!E4+编制数', here)).toEqual([
      { sheet: '自评表', row: 3, col: 4 },
      { sheet: "It's 基础 表", row: 3, col: 1 },
    ]);
  });
  it('reads references from the formula’s R1C1 shape exactly as the library’s parser does, and scans a shape once', () => {
    const library = new FormulaEngine(book, { shapes: false });
    const formulas = [
      '=SUM(B4:C5)+$D$1',
      '=C4/B4',
      '=IF(B4=0,0,C4/B4)',
      '=ROUND(F4*MIN(G4,1),2)',
      '=SUM(C5:B4)',
      "='It''s 基础 表'!C4/自评表!E4",
      '=自评表!B2:C3*2',
      '=SUM($B4:C$5,A1)',
      '=B4&"A1:B2"',
      '=SUM(B:B)',
      '=OFFSET(B4,1,0)',
      '=编制数*2',
      '=COUNTIF(B4:C5,">1")+D6',
    ];
    const places = [here, { ...here, row: 4 }, { ...here, row: 1, col: 4 }];
    const sorted = (d: Array<{ sheet: string; row: number; col: number }> | null) => d && [...d].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
    for (const f of formulas) for (const at of places) expect([f, at.row, at.col, sorted(engine.dependencies(f, at))]).toEqual([f, at.row, at.col, sorted(library.dependencies(f, at))]);
    // Copied down a column, one shape: `=C4/B4`, `=C5/B5` … scanned once.
    const fresh = new FormulaEngine(book);
    for (let r = 3; r < 6; r++) fresh.dependencies(`=C${r + 1}/B${r + 1}`, { ...here, row: r });
    expect((fresh as unknown as { shapes: Map<string, unknown> }).shapes.size).toBe(1);
  });

  it('evaluates on probe inputs without touching the Snapshot', () => {
    const probe = new Map([[cellKey("It's 基础 表", 3, 2), 3], [cellKey("It's 基础 表", 3, 1), 4]]);
    expect(engine.evaluate('=C4/B4', here, probe)).toEqual({ kind: 'number', value: 0.75 });
    expect(engine.evaluate('=C4/B4', here)).toEqual({ kind: 'number', value: 2 });
  });
});

describe('formula rules on the seed templates', () => {
  let base001: string[];
  beforeAll(async () => {
    base001 = formulaKeys(await checkSheets(both(seed001BasicFormulas, seed001SelfFormulas)));
  });

  it('finds no formula error in the clean examples; the typed-over 196.26 is basic.sum’s to report, once', async () => {
    expect(base001).toEqual([]);
    const typed = (await checkSheets(both(seed001BasicFormulas, seed001SelfFormulas))).findings.filter((f) => f.cell === 'B6' && f.sheet === '基础数据表');
    expect(typed.map((f) => f.rule)).toEqual(['basic.sum']);
    expect(formulaKeys(await checkSheets(EXAMPLES['seed002-formulas.xlsx']))).toEqual([]);
    for (const name of ['seed001-dept-hunan.xlsx', 'seed002-weighted.xlsx', 'seed004-project.xlsx']) {
      expect(formulaKeys(await checkSheets(EXAMPLES[name]))).toEqual([]);
    }
  });

  const planted: Array<[string, () => SheetSpec[], string]> = [
    ['an inverted 控制率', () => both(setCell(seed001BasicFormulas, 3, 3, { f: 'B4/C4', v: 0.5, fmt: '0.00%' }), seed001SelfFormulas), 'formula.wrong-ref@基础数据表!D4'],
    ['a 执行率 over 年初预算数', () => both(seed001BasicFormulas, at(seed001SelfFormulas, '年度资金总额', 6, { f: 'E4/C4', v: 2170.2 / 618.42, fmt: '0.00%' })), 'formula.wrong-ref@自评表!G4'],
    ['a 三公经费 total that leaves out the empty 出国经费', () => both(at(seed001BasicFormulas, '三公经费', 3, { f: 'SUM(D7,D11)', v: 118.58 }), seed001SelfFormulas), 'formula.omits@基础数据表!D6'],
    [
      'a #DIV/0! in a rate with a zero base',
      () => both(setCell(seed001BasicFormulas, rowOf(seed001BasicFormulas, '楼堂馆所') + 1, 3, { f: 'C25/B25', err: '#DIV/0!', fmt: '0.00%' }), seed001SelfFormulas),
      'formula.error@基础数据表!D25',
    ],
    ['a result cached before an input changed', () => both(at(seed001BasicFormulas, '公务接待', 3, 2.68), seed001SelfFormulas), 'formula.stale@基础数据表!D6'],
    ['a typed-over rate', () => both(seed001BasicFormulas, at(seed001SelfFormulas, '年度资金总额', 6, { v: 1, fmt: '0.00%' })), 'formula.hardcoded@自评表!G4'],
    [
      'one score formula of another shape in a column of formulas',
      () => [{ name: '整体绩效评价表', blocks: [{ at: [0, 0], table: at(seed002WeightedFormulas, '政府采购规范性', 7, { f: 'MIN(G12,1)*D12', v: 2.7 }) }] }],
      'formula.inconsistent@整体绩效评价表!H12',
    ],
  ];

  it.each(planted)('finds %s at the right cell and nothing else', async (_what, sheets, want) => {
    const keys = formulaKeys(await checkSheets(sheets()));
    const base = want.includes('整体绩效评价表') ? [] : base001;
    expect(keys.filter((k) => !base.includes(k))).toEqual([want]);
  });

  it('weighs each case as RULES.md does: omits by what it leaves out, hardcoded by whether the value is right', async () => {
    const sev = async (sheets: SheetSpec[], rule: string) => (await checkSheets(sheets)).findings.filter((f) => f.rule === rule).map((f) => `${f.cell}:${f.severity}`);
    // 出国经费 is blank: the total is right today.
    expect(await sev(both(at(seed001BasicFormulas, '三公经费', 3, { f: 'SUM(D7,D11)', v: 118.58 }), seed001SelfFormulas), 'formula.omits')).toEqual(['D6:warning']);
    // With 2.5 spent abroad the same formula leaves money out.
    const abroad = at(at(seed001BasicFormulas, '出国经费', 3, 2.5), '三公经费', 3, { f: 'SUM(D7,D11)', v: 118.58 });
    expect(await sev(both(abroad, seed001SelfFormulas), 'formula.omits')).toEqual(['D6:error']);
    // A typed 100% where 2170.2/2170.2 is computed: right, so only a note.
    expect(await sev(both(seed001BasicFormulas, at(seed001SelfFormulas, '年度资金总额', 6, { v: 1, fmt: '0.00%' })), 'formula.hardcoded')).toEqual(['G4:info']);
    // A typed 99%: wrong, and self.exec-rate says so; the hardcoded warning stands back.
    const wrong = await checkSheets(both(seed001BasicFormulas, at(seed001SelfFormulas, '年度资金总额', 6, { v: 0.99, fmt: '0.00%' })));
    expect(wrong.findings.filter((f) => f.cell === 'G4').map((f) => f.rule)).toEqual(['self.exec-rate']);
  });

  it('takes a table of values with a total or two written back as formulas for no template, and a typed 0% for 0 ÷ 0 for no hardcoding', async () => {
    // Seed 001 as filed (typed values), after the pane wrote back the 三公经费 total as a formula.
    const written = both(at(seed001Basic, '三公经费', 1, { f: 'SUM(B7,B10:B11)', v: 197.96 }), seed001Self);
    expect(formulaKeys(await checkSheets(written)).filter((k) => k.startsWith('formula.hardcoded'))).toEqual([]);
    // The formula template with its building row typed over as 0% (nothing built, nothing approved: 0 ÷ 0).
    const building = rowOf(seed001BasicFormulas, '楼堂馆所') + 1;
    const typed = both(setCell(setCell(seed001BasicFormulas, building, 3, { v: 0, fmt: '0.00%' }), building, 6, { v: 0, fmt: '0.00%' }), seed001SelfFormulas);
    expect((await checkSheets(typed)).findings.filter((f) => f.rule === 'formula.hardcoded' && ['D25', 'G25'].includes(f.cell))).toEqual([]);
  });

  it('shows the formula, the expected shape and both values', async () => {
    const r = await checkSheets(both(setCell(seed001BasicFormulas, 3, 3, { f: 'B4/C4', v: 0.5, fmt: '0.00%' }), seed001SelfFormulas));
    const f = r.findings.find((x) => x.rule === 'formula.wrong-ref')!;
    expect(f.message).toBe('控制率 的公式 =B4/C4 算的不是 =C4/B4（当前结果 0.5，应为 2）');
    expect([f.expected, f.actual]).toEqual(['2', '0.5']);
    const omits = await checkSheets(both(at(seed001BasicFormulas, '三公经费', 3, { f: 'SUM(D7,D11)', v: 118.58 }), seed001SelfFormulas));
    expect(omits.findings.find((x) => x.rule === 'formula.omits')!.message).toBe('三公经费 2023年决算数 的公式 =SUM(D7,D11) 漏掉了 D10，应为 =SUM(D7,D10:D11)（当前结果 118.58，应为 118.58）');
  });

  it('accepts references through other sheets, quoted names with spaces and quotes, and defined names', async () => {
    const names: [string, string] = ["基础 数据（2023）", "It's 自评"];
    const basic = setCell(seed001BasicFormulas, 3, 3, { f: "'基础 数据（2023）'!C4/'基础 数据（2023）'!$B$4", v: 2, fmt: '0.00%' });
    const self = at(seed001SelfFormulas, '年度资金总额', 4, { f: "'基础 数据（2023）'!D12+447.33", v: 2170.2 });
    expect(formulaKeys(await checkSheets(both(basic, self, names)))).toEqual([]);
    const stale = at(seed001SelfFormulas, '年度资金总额', 4, { f: "'基础 数据（2023）'!D12+447.33", v: 2170.3 });
    expect(formulaKeys(await checkSheets(both(basic, stale, names)))).toEqual([`formula.stale@${names[1]}!E4`]);
  });

  it('sees a plain sum written with + and a minus sign that is not one', async () => {
    const plus = at(seed001BasicFormulas, '三公经费', 3, { f: 'D7+D10+D11', v: 118.58 });
    expect(formulaKeys(await checkSheets(both(plus, seed001SelfFormulas)))).toEqual(base001);
    const minus = at(seed001BasicFormulas, '三公经费', 3, { f: 'D7+D10-D11', v: 115.22 });
    expect(formulaKeys(await checkSheets(both(minus, seed001SelfFormulas))).filter((k) => !base001.includes(k))).toEqual(['formula.wrong-ref@基础数据表!D6']);
  });

  it('leaves the tables pasted as values alone', async () => {
    expect(formulaKeys(await checkSheets(both(seed001Basic, seed001Self)))).toEqual([]);
  });
});
