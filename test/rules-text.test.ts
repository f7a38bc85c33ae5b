/**
 * text.sum and text.claim on the seeds' narratives, against their tables (built as the locator reads them), and on
 * variants: each slip of the seed catalogue is found, and the consistent sentences and their corrections give nothing.
 */
import { readFileSync } from 'fs';
import { check } from '../src/core/check';
import { message } from '../src/core/i18n/messages';
import type { BudgetTable, Table } from '../src/core/model';
import { TEXT_RULES } from '../src/core/rules/text';
import type { Report, RuleContext } from '../src/core/rules/types';
import { emptySheet, Snapshot } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { workbookBytes } from '../scripts/fixtures/spec';
import { seed001Self } from '../scripts/fixtures/seeds';
import { seedPath } from './support/seed-text';
import { budgetTable, seed000Tables, seed004Targets } from './support/budget-tables';
import { fault } from './support/plain-words';

const seedFile = (n: string): string | null => seedPath(n);

/** A seed's narrative: its lines, the table cells (tab-indented in the seed text) left out as a .docx reader does. */
function narrative(n: string): string[] {
  const f = seedFile(n);
  if (!f) throw new Error(`seed ${n} is missing`);
  return readFileSync(f, 'utf8')
    .split('\n')
    .map((l) => (l.startsWith('\t') ? '' : l));
}

interface Found {
  rule: string;
  n: number;
  key: string;
  expected: string | null;
  actual: string | null;
  zh: string;
  en: string;
}

function run(paragraphs: string[], budgetTables: BudgetTable[] = [], tables: Table[] = []): Found[] {
  const found: Found[] = [];
  for (const rule of TEXT_RULES) {
    const ctx = {
      paragraphs,
      budgetTables,
      tables,
      document: { kind: 'docx', textSheet: '正文', tables: [] },
      report(r: Report) {
        const key = r.variant ? `${rule.id}:${r.variant}` : rule.id;
        found.push({ rule: rule.id, n: r.ref!.row + 1, key, expected: r.expected ?? null, actual: r.actual ?? null, zh: message(key, r.params ?? {}, 'zh-CN'), en: message(key, r.params ?? {}, 'en-US') });
      },
    } as unknown as RuleContext;
    if (rule.scope === 'workbook') rule.check(ctx);
  }
  return found;
}

const brief = (f: Found[]): string[] => f.map((x) => `${x.rule} ${x.actual} → ${x.expected}`).sort();
const replaced = (ps: string[], from: string, to: string): string[] => ps.map((p) => p.split(from).join(to));

describe('seed 000: the narrative against 表1–表4', () => {
  const text = narrative('000');

  it('gives exactly the 84.13% finding on the 项目 paragraph', () => {
    const found = run(text, seed000Tables());
    expect(brief(found)).toEqual(['text.claim 100.00% → 84.13%']);
    const [f] = found;
    expect(text[f.n - 1]).toContain('预算执行率为100.00%');
    expect(f.zh).toBe(`第${f.n}段「2023年伊金霍洛旗机关…」：项目预算执行率 100.00% 与 表1 项目支出 决算数 ÷ 全年预算数 的 84.13% 不一致`);
  });

  it('is silent when the rate is the one the table gives', () => {
    expect(run(replaced(text, '预算执行率为100.00%', '预算执行率为84.13%'), seed000Tables())).toEqual([]);
  });

  it('without the tables, the sentence still cannot hold: 1,055.73 ÷ 70.20 is not 100.00%', () => {
    expect(brief(run(text))).toEqual(['text.claim 100.00% → 1503.89%']);
  });

  it('finds an amount that differs from its table row, and the same figure stated twice differently', () => {
    const changed = replaced(text, '人员经费实际支出820.13万元', '人员经费实际支出802.13万元');
    const found = brief(run(changed, seed000Tables()));
    expect(found).toContain('text.claim 802.13万元 → 820.13万元');
    expect(found).toContain('text.sum 4,656.99万元 → 4638.99万元');
  });

  it('checks 共计 … 按支出性质分类 as a complete split, and its shares of the total', () => {
    expect(brief(run(['部门资金总支出及年末结转结余共计5,712.72万元，按照支出性质分类：基本支出4,656.99万元，占全年支出的81.52%；项目支出1,055.73万元，占全年支出的18.48%；年末结转和结余0.00万元。']))).toEqual([]);
    expect(brief(run(['部门资金总支出及年末结转结余共计5,712.72万元，按照支出性质分类：基本支出4,656.99万元，占全年支出的81.52%；项目支出1,045.73万元，占全年支出的18.48%；年末结转和结余0.00万元。']))).toEqual([
      'text.claim 18.48% → 18.31%',
      'text.sum 5,712.72万元 → 5702.72万元',
    ]);
  });

  it('checks a change against the two years the sentence states', () => {
    const wrong = replaced(text, '相比2022年增加48.02万元', '相比2022年增加46.02万元');
    expect(brief(run(wrong, seed000Tables()))).toEqual(['text.claim 100.00% → 84.13%', 'text.claim 46.02万元 → +48.02万元']);
    const down = replaced(text, '相比2022年增加48.02万元', '相比2022年减少48.02万元');
    expect(brief(run(down, seed000Tables()))).toContain('text.claim 48.02万元 → +48.02万元');
  });

  it('reads the magnitude of 预决算差异率为61.85% (it is −61.85%), and finds one that fits neither', () => {
    expect(run(['“三公经费”中公务接待费，年初预算数220.00万元，决算数为83.94万元，预决算差异率为61.85%。'], seed000Tables())).toEqual([]);
    expect(brief(run(['“三公经费”中公务接待费，年初预算数220.00万元，决算数为83.94万元，预决算差异率为51.85%。'], seed000Tables()))).toEqual(['text.claim 51.85% → −61.85%']);
  });
});

describe('seed 003: a project list in one sentence', () => {
  const text = narrative('003');

  it('gives the 45.38%, 48.76% and 5828.368269 findings and nothing else', () => {
    expect(brief(run(text))).toEqual(['text.claim 45.38% → 43.16%', 'text.claim 48.76% → 48.77%', 'text.sum 5828.368269万元 → 5828.359269万元']);
  });

  it('matches a project named as a table row writes it', () => {
    const list = budgetTable({
      number: '表1',
      title: '2023年专项项目支出明细表（单位：万元）',
      kind: 'project-list',
      columns: [{ header: '预算金额', measure: 'budget' }, { header: '实际支出', measure: 'exec' }, { header: '执行率', kind: 'rate', formula: { kind: 'exec', num: 1, den: 0 } }],
      rows: [
        ['城区后勤管理运行费', '875.12', '369.924613', '42.27%'],
        ['城区机关食堂补助', '150', '125', '83.33%'],
      ],
    });
    const found = brief(run(['城区后勤管理运行费 857.12 万元，实际支出为 369.924613 万元，执行率 42.27%。', '城区机关食堂补助 150 万元，实际支出为 125 万元，执行率 83.33%。'], [list]));
    expect(found).toEqual(['text.claim 857.12万元 → 875.12万元']);
  });

  it('is silent once the three are corrected', () => {
    let fixed = replaced(text, '执行率 45.38%', '执行率 43.16%');
    fixed = replaced(fixed, '执行率 48.76%', '执行率 48.77%');
    fixed = replaced(fixed, '实际支出 5828.368269 万元，执行率为 71.72%', '实际支出 5828.359269 万元，执行率为 71.72%');
    expect(run(fixed)).toEqual([]);
  });
});

describe('seed 004: the text against its targets table', () => {
  const text = narrative('004');

  it('gives 2698 vs 2656.13 and nothing else (its 三公 sentence adds up, brackets included)', () => {
    const found = run(text, [seed004Targets()]);
    expect(brief(found)).toEqual(['text.claim 2656.13万元 → 2698万元']);
    expect(found[0].zh).toContain('项目资金 2656.13万元 与 表1 项目总经费2698万元 的 2698万元 不一致');
  });

  it('is silent when the text states the table’s figure', () => {
    expect(run(replaced(text, '项目资金共2656.13万元', '项目资金共2698万元'), [seed004Targets()])).toEqual([]);
  });

  it('finds a bracketed sub-sum that does not add up', () => {
    const wrong = replaced(text, '公务用车运行维护费108.2万元', '公务用车运行维护费118.2万元');
    expect(brief(run(wrong))).toEqual(['text.sum 380.83万元 → 390.83万元']);
  });
});

describe('text.sum', () => {
  it('995万元，其中…38万元、…958万元 is an error (996); 996 is none', () => {
    const f = run(['2023年“三公”经费支出995万元，其中公务接待费38万元、公务用车运行维护费958万元。']);
    expect(brief(f)).toEqual(['text.sum 995万元 → 996万元']);
    expect(f[0].zh).toBe('第1段「2023年“三公”经费支…」：其中所列各项之和 996万元 超过三公经费支出 995万元（38万元 + 958万元）');
    expect(run(['2023年“三公”经费支出996万元，其中公务接待费38万元、公务用车运行维护费958万元。'])).toEqual([]);
  });

  it('a 其中 list that adds to less is partial, unless its parts are the whole', () => {
    expect(run(['上年度基本支出为3,174.44万元，其中：人员经费实际支出750.99万元。'])).toEqual([]);
    expect(run(['2021年固定资产共2219.88万元，其中：无偿划拨调出13.89万元，无偿划拨调入211.61万元，处置54.05万元。'])).toEqual([]);
    expect(brief(run(['“三公”经费支出537.77万元，其中公务接待费156.94万元、因公出国（境）费用0万元、公务用车购置及运行维护费370.83万元。']))).toEqual(['text.sum 537.77万元 → 527.77万元']);
    expect(brief(run(['2023年度支出合计1,865.20万元，分别为基本支出1,265.20万元、项目支出590.00万元。']))).toEqual(['text.sum 1,865.20万元 → 1855.20万元']);
  });

  it('converts units and allows one unit of rounding where every figure has two decimals', () => {
    expect(run(['项目支出合计1.5万元，其中：办公费5,000元，印刷费10,000元。'])).toEqual([]);
    expect(run(['本年支出合计2170.20万元，其中：基本支出447.32万元，项目支出1722.87万元。'])).toEqual([]);
  });

  it('a list that ends in a statement does not take later figures for parts', () => {
    expect(run(['全年预算收入954.81万元，实际收入954.81万元，其中一般公共预算财政拨款收入954.81万元，预算资金全部为财政拨款，全年实际支出总数为954.81万元，其中基本支出130.62万元、项目支出824.19万元，预算执行率为100%。'])).toEqual([]);
  });
});

describe('text.claim', () => {
  it('the same subject and measure stated twice with different figures, only with the same qualifiers', () => {
    const twice = ['2023年基本支出4,656.99万元。', '2023年度我中心基本支出4,665.99万元。'];
    const f = run(twice);
    expect(brief(f)).toEqual(['text.claim 4,665.99万元 → 4,656.99万元']);
    expect(f[0].zh).toBe('第2段「2023年度我中心基本支…」：基本支出 4,665.99万元 与第1段所述 4,656.99万元 不一致（前后数据不一致）');
    expect(run(['2023年基本支出4,656.99万元。', '上年度基本支出为3,174.44万元。'])).toEqual([]);
    expect(run(['项目年初预算金额为70.20万元。', '项目全年预算数为1,254.89万元。'])).toEqual([]);
    expect(run(['2023年度一般公共预算财政拨款基本支出954.81万元。', '2023年基本支出130.62万元。'])).toEqual([]);
  });

  it('amounts compare after unit conversion and at the printed precision', () => {
    const t = seed000Tables();
    expect(run(['2023年项目支出10,557,300元。'], t)).toEqual([]);
    expect(run(['2023年项目支出1,055.7万元。'], t)).toEqual([]);
    expect(brief(run(['2023年项目支出1,065.73万元。'], t))).toEqual(['text.claim 1,065.73万元 → 1055.73万元']);
  });

  it('a subject it cannot match, a round figure, a bound or a plan is not reported', () => {
    const t = seed000Tables();
    expect(run(['2023年城区绿化养护费支出88.5万元，执行率45%。'], t)).toEqual([]);
    expect(run(['2023年项目支出约1,000万元。', '培训费不超过10万元。'], t)).toEqual([]);
    expect(run(['2024年计划安排项目支出1,500万元。'], t)).toEqual([]);
  });

  it('a rate that fits the table but not the sentence’s own figures is not an error (the table decides)', () => {
    expect(run(['2023年项目年初预算金额为70.20万元，实际支出金额1,055.73万元，预算执行率为84.13%。'], seed000Tables())).toEqual([]);
  });

  it('a rate that fits neither names the table', () => {
    const f = run(['“三公”经费年初预算38万元，实际支出35.26万元，预算执行率93.79%。']);
    expect(brief(f)).toEqual(['text.claim 93.79% → 92.79%']);
    expect(f[0].zh).toContain('与本段 35.26万元 ÷ 38万元 算得的 92.79% 不一致');
  });
});

describe('noise: correct or unreadable sentences from other reports give nothing', () => {
  const t = seed000Tables();
  it.each([
    ['a bare amount after a budget clause is not read as spent', ['2023年年初预算中，基本支出4,993.18万元，项目支出70.20万元。']],
    ['an indicator’s points are not the total score', ['产出指标得分45分，满分50分。']],
    ['a rate of the initial budget fits as well as one of the adjusted budget', ['年初预算500万元，调整后预算650万元，实际支出602.15万元，执行率120.43%。']],
    ['a sibling after a 其中 part ends the list', ['基本支出300万元，其中人员经费200万元，项目支出200万元。']],
    ['a table of another year is not the report’s', ['2023年项目支出1,100.00万元。']],
    ['a table in 元 that names no unit', ['2023年项目支出1,055.73万元。']],
    ['a change with no earlier figure in its sentence', ['公用经费实际支出3,836.86万元。2023年较上年增加662.42万元。']],
    ['a compound subject', ['部门资金总收入及上年结转结余共计5,712.72万元。']],
    ['counts and dates', ['该单位共有员工48名，其中：核定事业编制36名。2021年8月-2022年7月保安服务费73.04万元。']],
  ])('%s', (_, paragraphs) => {
    const tables = _ === 'a table of another year is not the report’s' ? seed000Tables().map((x) => ({ ...x, title: x.title?.replace('2023年', '2022年') ?? null })) : _ === 'a sibling after a 其中 part ends the list' ? [] : _ === 'a table in 元 that names no unit' ? [{ ...t[0], currency: null, rows: t[0].rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c && c.value ? { ...c, value: c.value.times(10000), places: 0 } : c)) })) }] : t;
    expect(run(paragraphs as string[], tables)).toEqual([]);
  });
});

/** A consistent report from another province, in its own phrasing. */
const OTHER: string[] = [
  "某县住房和城乡建设局2023年度部门整体支出绩效自评报告",
  "（一）部门预算收支情况",
  "2023年度，我单位部门预算收入合计1,386.49万元，其中：一般公共预算财政拨款收入1,356.49万元，其他收入30.00万元。",
  "2023年度支出合计1,350.20万元，其中基本支出1,020.15万元，占75.56%；项目支出330.05万元，占24.44%。",
  "基本支出中，人员经费890.36万元，公用经费129.79万元。",
  "“三公”经费支出合计15.62万元，较上年减少2.38万元，下降13.22%。其中：公务接待费3.12万元，公务用车运行维护费12.50万元，因公出国（境）费0万元。",
  "上年“三公”经费支出18.00万元。",
  "部门整体支出预算执行率为97.38%。",
  "项目支出全年预算数为338.92万元，实际支出330.05万元，执行率97.38%。",
  "经自评，我单位2023年度部门整体支出绩效自评得分为95.6分，等级为“优”。",
  "2023年度部门决算中，年初结转和结余0万元，年末结转和结余36.29万元。",
  "公用经费支出129.79万元，比上年增加10.12万元，增长8.46%，主要用于办公楼维修。",
  "2022年度公用经费119.67万元，2023年度公用经费129.79万元，增加10.12万元，增长8.46%。",
  "本年度人员经费比上年度增长3.5%。",
  "一般公共预算财政拨款支出1,313.91万元，占本年支出合计的97.31%。",
  "其他资金支出36.29万元。",
  "单位编制人数25人，实有人数24人。",
  "预算执行率指标得分10分。",
  "2023年度预算安排项目资金338.92万元，其中：城乡规划编制经费120万元，建筑市场监管经费85.5万元，其他项目133.42万元。",
  "全年共开展检查36次，检查覆盖率100%，群众满意度达到95%以上。",
  "截至2023年12月31日，项目资金实际支出330.05万元，执行率为97.38%，较上年提高2.1个百分点。",
  "与上年相比，基本支出增加56.8万元，主要是人员工资调整。",
  "2023年预算数1,386.49万元，决算数1,350.20万元，预决算差异率为-2.62%。"
];

describe('another province’s report', () => {
  it('gives nothing where every figure holds', () => expect(run(OTHER)).toEqual([]));

  it('finds each of six slips put into it, once', () => {
    const slips: Array<[string, string]> = [
      ['其他收入30.00万元', '其他收入40.00万元'],
      ['占75.56%', '占76.56%'],
      ['129.79万元，增加10.12万元', '129.79万元，增加11.12万元'],
      ['差异率为-2.62%', '差异率为-3.62%'],
      ['实际支出330.05万元，执行率97.38%', '实际支出330.05万元，执行率96.38%'],
      ['因公出国（境）费0万元', '因公出国（境）费1万元'],
    ];
    const bad = slips.reduce((ps, [a, b]) => replaced(ps, a, b), OTHER);
    expect(brief(run(bad))).toEqual([
      'text.claim -3.62% → −2.62%',
      'text.claim 11.12万元 → +10.12万元',
      'text.claim 76.56% → 75.56%',
      'text.claim 96.38% → 97.38%',
      'text.sum 1,386.49万元 → 1396.49万元',
      'text.sum 15.62万元 → 16.62万元',
    ]);
  });
});

describe('text.claim against the workbook’s 自评表, through check()', () => {
  async function withText(paragraphs: string[]) {
    const bytes = await workbookBytes([{ name: '自评表', blocks: [{ at: [0, 0], table: seed001Self }] }]);
    const { snapshot } = await readXlsx(bytes, 'test.xlsx');
    const text = emptySheet('正文', paragraphs.length, 1);
    paragraphs.forEach((p, i) => {
      text.values[i][0] = p;
      text.text[i][0] = p;
      text.types[i][0] = p ? 'string' : 'empty';
    });
    const doc: Snapshot = { ...snapshot, sheets: [...snapshot.sheets, text], document: { kind: 'docx', textSheet: '正文', tables: [] } };
    return check(doc).findings.filter((f) => f.rule.startsWith('text.'));
  }

  it('is silent on figures the 自评表 holds', async () => {
    expect(await withText(['2023年度资金总额全年预算数2170.20万元，全年执行数2170.20万元，预算执行率100%。', '经评价，自评得分为100分，评价等级为“优”。'])).toEqual([]);
  });

  it('finds a budget and a score the 自评表 does not hold, citing the paragraph (it states no grade to hold one against)', async () => {
    const found = await withText(['', '2023年度资金总额年初预算数为600.00万元。', '经评价，自评得分为95分，评价等级为“良”。']);
    expect(found.map((f) => `${f.rule}@${f.sheet}!${f.cell} ${f.actual} → ${f.expected}`).sort()).toEqual([
      'text.claim@正文!¶2 600.00万元 → 618.42万元',
      'text.claim@正文!¶3 95分 → 100分',
    ]);
  });

  it('compares a stated grade with the one the 自评表 states', () => {
    const self = { kind: 'self', layout: 'dept-hunan', funds: [], total: null, grade: { ref: { sheet: '自评表', row: 30, col: 1 }, text: '良' } } as unknown as Table;
    expect(brief(run(['最终评价得分为86.5分，总体评价等级为“优”。'], [], [self]))).toEqual(['text.claim 优 → 良']);
    expect(run(['最终评价得分为86.5分，总体评价等级为“良好”。'], [], [self])).toEqual([]);
  });

  it('does nothing on a workbook without a narrative', async () => {
    const bytes = await workbookBytes([{ name: '自评表', blocks: [{ at: [0, 0], table: seed001Self }] }]);
    const { snapshot } = await readXlsx(bytes, 'test.xlsx');
    expect(check(snapshot).findings.filter((f) => f.rule.startsWith('text.') && f.key !== 'text.claim:title')).toEqual([]);
  });
});

describe('hostile text', () => {
  it('reads long and odd paragraphs quickly and reports nothing on them', () => {
    const odd = ['1'.repeat(50000) + '万元', '，'.repeat(50000), '('.repeat(20000) + '5万元', '其中'.repeat(10000) + '5万元', '增加'.repeat(20000) + '5万元', '基本支出'.repeat(20000) + '5万元', '5万元，'.repeat(10000), 'a'.repeat(100000)];
    const t0 = Date.now();
    expect(run(odd)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('the words of the findings', () => {
  it('are plain in both languages', () => {
    const all = [
      ...run(narrative('000'), seed000Tables()),
      ...run(narrative('003')),
      ...run(narrative('004'), [seed004Targets()]),
      ...run(['三公经费支出995万元，其中公务接待费38万元、公务用车运行维护费958万元。', '2023年基本支出4,656.99万元。', '2023年基本支出4,665.99万元。']),
    ];
    expect(all.length).toBeGreaterThanOrEqual(7);
    for (const f of all) {
      expect(fault(f.zh, 'zh-CN')).toBeNull();
      expect(fault(f.en, 'en-US')).toBeNull();
      expect(f.zh).not.toMatch(/\{\w+\}/);
      expect(f.en).not.toMatch(/\{\w+\}/);
    }
  });
});
