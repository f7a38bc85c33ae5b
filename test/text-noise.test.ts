/**
 * The narrative rules read as a finance bureau's reviewer and a hostile sender would: correct narratives written the
 * way departments write their 绩效自评报告 and 部门决算说明 give nothing (a false error is a claim about someone's
 * published numbers), the slips of issue 24 in other phrasing are found, and hostile text neither crashes, hangs nor
 * yields a nonsense finding. Each false shape and miss found in review is a case here.
 */
import { check } from '../src/core/check';
import type { BudgetTable } from '../src/core/model';
import { TEXT_RULES } from '../src/core/rules/text';
import type { Report, RuleContext } from '../src/core/rules/types';
import { readDocx } from '../src/host/docx/read';
import { DocBlock, docxBytes } from '../scripts/fixtures/docx';
import { budgetTable, seed000Tables } from './support/budget-tables';
import { documentSnapshot } from './support/budget-grid';

/** `rule actual → expected` of each text finding, sorted. */
function run(paragraphs: string[], budgetTables: BudgetTable[] = []): string[] {
  const found: string[] = [];
  for (const rule of TEXT_RULES) {
    const ctx = {
      paragraphs,
      budgetTables,
      tables: [],
      document: { kind: 'docx', textSheet: '正文', tables: [] },
      report(r: Report) {
        found.push(`${r.variant ? `${rule.id}:${r.variant}` : rule.id} ${r.actual} → ${r.expected}`);
      },
    } as unknown as RuleContext;
    if (rule.scope === 'workbook') rule.check(ctx);
  }
  return found.sort();
}

const T000 = seed000Tables();
/** A 三公 table with last year's and this year's 决算 (the kind most 部门决算说明 print). */
const SANGONG = budgetTable({
  number: '表5',
  title: '2023年度“三公”经费支出情况表（单位：万元）',
  kind: 'sangong',
  columns: [{ header: '2023年预算数', measure: 'budget' }, { header: '2022年决算数', measure: 'prev' }, { header: '2023年决算数', measure: 'final' }],
  rows: [
    ['因公出国（境）费', '0', '0', '0'],
    ['公务用车购置及运行维护费', '24', '23', '20'],
    ['公务接待费', '6', '7', '5.6'],
    ['合计', '30', '30', '25.6'],
  ],
});

/** The same table in 元, its unit named by the table, not by its title. */
const SANGONG_YUAN = budgetTable({
  number: '表6',
  title: '2023年度“三公”经费支出情况表',
  currency: '元',
  kind: 'sangong',
  columns: [{ header: '预算数', measure: 'budget' }, { header: '上年决算数', measure: 'prev' }, { header: '决算数', measure: 'final' }],
  rows: [
    ['因公出国（境）费', '0.00', '0.00', '0.00'],
    ['公务用车购置及运行维护费', '240,000.00', '230,000.00', '200,012.50'],
    ['公务接待费', '60,000.00', '70,000.00', '55,987.50'],
    ['合计', '300,000.00', '300,000.00', '256,000.00'],
  ],
});

type Case = [name: string, paragraphs: string[], tables?: BudgetTable[]];

/** Correct narratives, each with the tables it fits where it restates them. */
const NOISE: Case[] = [
  // 收入支出决算总体情况
  ['totals with a change on last year', ['2023年度收入总计1,234.56万元，支出总计1,234.56万元，与上年相比，收入、支出总计各增加100.12万元，增长8.83%，主要原因是人员增加。']],
  ['收入 and 支出 totals and shares', ['2023年度本年收入合计8,000万元，其中：一般公共预算财政拨款收入7,800万元，占97.5%；其他收入200万元，占2.5%。本年支出合计7,900万元，其中：基本支出5,000万元，占63.29%；项目支出2,900万元，占36.71%。']],
  ['income kinds the words do not know', ['本年收入合计5,000万元，其中：财政拨款收入4,500万元，事业收入300万元，经营收入100万元，其他收入100万元。']],
  ['收入总计 of this year and the carry-over', ['2023年度收入总计5,200万元，其中本年收入5,000万元，年初结转和结余200万元。', '2023年度支出总计5,200万元，其中本年支出4,800万元，年末结转和结余400万元。']],
  ['two years in one sentence', ['2023年度部门决算收入总计2,000.00万元，较2022年度的1,800.00万元增加200.00万元，增长11.11%。']],
  ['two years, two measures', ['2022年收入900万元，支出870万元；2023年收入1,000万元，支出950万元。']],
  ['assets, not spending', ['2023年末资产总额5,000万元，负债总额1,000万元，净资产4,000万元。', '国有资产总额2.35亿元，其中流动资产1.2亿元，固定资产1.15亿元。']],
  // 财政拨款 and 功能分类
  ['财政拨款 by function', ['2023年度财政拨款支出6,700万元，主要用于：教育支出4,600万元，社会保障和就业支出1,000万元，卫生健康支出1,100万元。', '教育支出（类）4,600万元，占68.66%；社会保障和就业支出（类）1,000万元，占14.93%；卫生健康支出（类）1,100万元，占16.42%。']],
  ['类 款 项 in one list (was: 款 and 项 added together)', ['一般公共服务支出（类）2,000万元，其中：政府办公厅（室）及相关机构事务（款）1,500万元，行政运行（项）1,200万元，一般行政管理事务（项）300万元。']],
  ['财政拨款 share and growth', ['2023年度财政拨款支出3,400万元，占本年支出合计的98.36%，与上年相比，财政拨款支出增加200万元，增长6.25%。']],
  // A narrower whole's 基本支出 is not the department's (was: text.claim against 表1 and a repeat)
  ['财政拨款 基本支出 under its own total', ['2023年度一般公共预算财政拨款支出5,712.72万元，其中：基本支出4,000万元，项目支出1,712.72万元。'], T000],
  ['财政拨款支出中，基本支出…', ['财政拨款支出中，基本支出4,000万元。'], T000],
  ['all funds, then 财政拨款 (was: two repeats)', ['2023年度本年支出合计7,900万元，其中：基本支出5,100万元，项目支出2,800万元。', '2023年度一般公共预算财政拨款支出7,600万元，其中：基本支出5,000万元，项目支出2,600万元。']],
  ['基本支出中 its own parts', ['2023年基本支出4,656.99万元。', '基本支出中，人员经费820.13万元，公用经费3,836.86万元。'], T000],
  ['parts of 基本支出 in brackets', ['2023年基本支出4,656.99万元（人员经费820.13万元、公用经费3,836.86万元）。'], T000],
  // 三公 with 较上年, 完成预算, 主要原因
  ['三公 down on last year, rounded', ['2023年度部门整体支出绩效自评报告', '“三公”经费支出12.5万元，上年15.7万元，减少3.2万元，下降20%。', '2022年度“三公”经费支出15.7万元，2023年度支出12.5万元，减少3.2万元。']],
  ['三公 budget and 完成预算的', ['2023年“三公”经费财政拨款支出预算为20万元，支出决算为12.5万元，完成预算的62.5%。']],
  ['三公 parts, each with 完成预算 and 较上年', ['其中：因公出国（境）费支出决算为0万元，完成预算的0%，与上年持平；公务用车购置及运行维护费支出决算为20万元，完成预算的83.33%，较上年减少3万元，下降13.04%；公务接待费支出决算为5.6万元，完成预算的93.33%，较上年减少1.4万元，下降20%。'], [SANGONG]],
  ['三公 against its table, with last year', ['2023年度“三公”经费支出25.6万元，较上年减少4.4万元，下降14.67%。', '2023年度“三公”经费支出较上年减少4.4万元，下降14.67%，主要原因是厉行节约。', '2023年“三公”经费支出25.6万元，同比减少4.4万元。', '2023年“三公”经费支出25.6万元，比2022年减少4.4万元。'], [SANGONG]],
  ['三公 on its budget', ['2023年“三公”经费决算25.6万元，较预算减少4.4万元，下降14.67%。', '“三公”经费较年初预算减少4.4万元。'], [SANGONG]],
  ['a change of the budget on last year’s (was: held against 本年决算 − 上年决算)', ['2023年“三公”经费年初预算30万元，较上年增加2万元。', '2023年“三公”经费预算数30万元，比上年预算减少2万元，决算数25.6万元，较上年减少4.4万元。', '公务接待费预算6万元，较上年增加1万元。'], [SANGONG]],
  ['a change on a year the table does not hold', ['2023年“三公”经费支出25.6万元，比2021年减少2.4万元。'], [SANGONG]],
  ['三公 change split into its parts', ['2023年“三公”经费支出25.6万元，较上年减少4.4万元，其中公务接待费减少1.4万元，公务用车购置及运行维护费减少3万元。'], [SANGONG]],
  ['公务接待 on 表3’s budget', ['“三公”经费中公务接待费83.94万元，较年初预算减少136.06万元。', '“三公”经费决算101.93万元，比年初预算减少136.07万元，下降57.17%。'], T000],
  ['cars and visitors counted next to amounts', ['公务用车购置及运行维护费支出10万元，其中：公务用车购置费0万元，公务用车运行维护费10万元，主要用于2辆公务车的燃料费、维修费等，截至2023年12月31日，单位共有公务用车2辆。', '公务接待费2.5万元，共接待国内来访团组15批次、120人次。']],
  ['visitors and the cost per head', ['全年共接待来访人员1,200人次，公务接待费3.12万元，人均26元。']],
  ['a car list of counts', ['截至2023年12月31日，本部门共有车辆12辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车0辆，机要通信用车1辆，应急保障用车2辆，执法执勤用车6辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车3辆。']],
  ['会议费 and 培训费 with counts', ['会议费支出5万元，共召开会议10次，参会人数500人次；培训费支出8万元，共举办培训班6期，培训1,200人次。']],
  ['机关运行经费', ['2023年度机关运行经费支出150.5万元，比上年减少9.5万元，下降5.94%。']],
  // 项目支出, 执行率, 年初预算 and 调整预算
  ['execution on the adjusted budget', ['2023年项目支出执行率为95%，年初预算120万元，调整预算150万元，实际支出142.5万元。', '年初预算数为100万元，全年预算数为120万元，全年执行数为114万元，预算执行率为95%。']],
  ['a budget raised in the year', ['项目年初预算100万元，年中追加50万元，调整后预算150万元，实际支出140万元，执行率93.33%。', '年初预算100万元，调减20万元，调整后预算80万元，实际支出80万元，执行率100%。']],
  ['execution and 个百分点', ['年初预算数为500万元，年中调增100万元，调整后预算数为600万元，全年执行数为590万元，执行率98.33%，较上年提高2.33个百分点。', '本年度部门预算执行率为96.5%，比上年提高1.2个百分点。']],
  ['execution with its figures in brackets and a province’s average', ['预算执行率98.33%（590万元/600万元）。', '资金执行率为98.3%，高于全省平均水平（95%）。']],
  ['a rounded execution rate against 表1', ['项目全年预算数1,254.89万元，实际支出1,055.73万元，预算执行率为84%。'], T000],
  ['funds by source and what arrived (was: 实际到位资金 added as a part)', ['全年预算资金1000万元，其中中央资金600万元、省级资金300万元、县级配套100万元，实际到位资金1000万元，到位率100%。']],
  ['investment and its completion', ['项目总投资1,200万元，其中财政资金800万元，自筹资金400万元；截至12月31日，已完成投资1,000万元，投资完成率83.33%。', '项目计划投资300万元，实际完成投资280万元，完成率93.33%。']],
  ['a project under its heading (was: 项目 held against 表1’s 项目支出)', ['（一）城乡规划项目', '项目年初预算100万元，实际支出95万元，执行率95%。'], T000],
  ['a project named before its colon', ['城乡规划项目：项目年初预算100万元，实际支出95万元，执行率95%。'], T000],
  ['a project heading then a sentence', ['1.城乡规划项目。项目年初预算100万元，实际支出95万元，执行率95%。'], T000],
  ['项目名称：', ['项目名称：城乡规划编制', '项目实施情况良好。项目年初预算100万元，实际支出95万元，执行率95%。'], T000],
  ['two project sections (was: a repeat across them)', ['（一）城乡规划项目', '项目年初预算100万元，实际支出95万元，执行率95%。', '（二）市场监管项目', '项目年初预算200万元，实际支出180万元，执行率90%。']],
  ['two projects’ 专项资金 (was: a repeat across the sections)', ['（一）城乡规划项目', '专项资金100万元，实际支出95万元。', '（二）市场监管项目', '专项资金200万元，实际支出180万元。']],
  ['该项目年度预算资金 under two headings (was: a repeat)', ['1.城乡规划项目', '该项目年度预算资金为100万元，实际支出95万元，执行率95%。', '2.市场监管项目', '该项目年度预算资金为200万元，实际支出180万元，执行率90%。']],
  ['two projects’ 中央资金', ['（一）城乡规划项目', '中央资金60万元，省级资金40万元。', '（二）市场监管项目', '中央资金100万元，省级资金100万元。']],
  ['a heading that ends the project', ['（一）城乡规划项目', '项目年初预算100万元。', '（二）部门整体支出情况', '2023年项目年初预算金额为70.20万元。'], T000],
  ['spending above the budget stated consistently', ['项目年初预算100万元，实际支出155.93万元，超支55.93万元，完成年初预算的155.93%。', '2023年度项目支出完成年初预算的100%，超支55.93万元。']],
  ['a project report of one project, start to end', [
    '2023年度农村饮水安全巩固提升工程项目绩效自评报告',
    '（一）项目概况。为保障农村居民饮水安全，2023年我局实施农村饮水安全巩固提升工程，涉及全县12个乡镇86个行政村，受益人口5.6万人。',
    '（二）项目资金情况。项目总投资1,580万元，其中：中央资金800万元，省级资金500万元，县级配套280万元。截至2023年12月31日，项目资金到位1,580万元，到位率100%；实际支出1,501.2万元，预算执行率95.01%，结余资金78.8万元。',
    '（一）产出指标。新建供水工程8处，完成率100%；改造管网126公里，完成率105%；水质达标率≥95%，实际达标率98.5%；工程验收合格率100%。',
    '（二）成本指标。单位管网改造成本不超过10万元/公里，实际为9.2万元/公里。',
    '（三）效益指标。农村自来水普及率由2022年的92%提高到2023年的96%，提高4个百分点；农村集中供水率达到90%以上。',
    '经自评，该项目绩效自评得分为96分，其中：预算执行率得分9.5分，产出指标得分48分，效益指标得分28.5分，满意度指标得分10分，评价等级为“优”。',
    '部分工程进度滞后，截至2023年9月底支出进度仅为45%。',
    '2024年计划投入资金2,000万元，新建供水工程10处，力争预算执行率达到100%。',
    '项目共涉及资金1,580万元，较上年的1,200万元增加380万元，增长31.67%。',
    '2023年度该项目年初预算1,200万元，年中追加380万元，全年预算1,580万元。',
    '全县农村供水工程共投入资金3.2亿元，其中本项目1,580万元。',
    '项目预算执行率95.01%，扣0.5分。',
  ]],
  ['三公 changes in the table’s 元', ['2023年度公务接待费支出5.6万元，较上年减少1.4万元。', '2023年度“三公”经费支出256,000元，较上年减少44,000元。'], [SANGONG_YUAN]],
  // 自评得分 and 等级
  ['score and grade, indicator points', ['经自评，2023年度部门整体支出绩效自评得分为92分，评价等级为“优”。', '绩效自评综合得分96.5分，等级为优。其中：产出指标得分48分，效益指标得分28.5分，满意度指标得分10分，预算执行率得分10分。', '年度资金总额100万元，执行数95万元，执行率95%，得分9.5分（满分10分）。']],
  // Amounts in 元 and 亿元, separators, approximate figures, ranges
  ['amounts in 元 with separators', ['2023年度基本支出1,234,567.89元，其中人员经费1,000,000.00元，公用经费234,567.89元。']],
  ['approximate figures', ['项目资金共计约500万元，惠及群众近3万人。', '全年累计发放补贴资金1,234.5万元，惠及农户3,456户，户均补贴0.36万元。']],
  ['ranges and standards', ['单个项目补助标准为10-15万元，共补助20个村，补助资金合计250万元，其中A村15万元、B村10万元。', '每个村补助10万元-15万元不等，共补助资金250万元。', '补助资金5~8万元/户，全年共发放120万元。']],
  ['full-width digits', ['２０２３年“三公”经费支出１，２３４．５６万元，其中公务接待费２３４．５６万元，公务用车运行维护费1０００万元。']],
  // Periods that are not the report's year
  ['a span of years (was: held against 表1)', ['2023年度部门整体支出绩效自评报告', '2019年至2023年，项目支出3,000万元。', '2021-2023年累计项目支出3,000万元。', '“十四五”期间累计项目支出3,000万元。'], T000],
  ['a later date (was: held against 表1)', ['2023年度部门整体支出绩效自评报告', '截至2024年3月，项目支出1,100万元。'], T000],
  ['part of the year (was: held against 表1)', ['2023年度部门整体支出绩效自评报告', '截至2023年6月30日，项目支出500万元。', '上半年项目支出500万元。', '第三季度项目支出300万元。', '2023年1-6月项目支出500万元，执行率39.84%。'], T000],
  ['the year’s end is the year', ['2023年度部门整体支出绩效自评报告', '截至2023年12月31日，项目支出1,055.73万元。'], T000],
  ['last year’s paragraph after this year’s (was: a warning that the year may be a slip)', ['2023年度部门整体支出绩效自评报告', '2023年项目支出1,055.73万元。', '2022年项目支出950万元。'], T000],
  ['last year’s rate', ['2023年度部门整体支出绩效自评报告', '上年度绩效评价结果应用情况：2022年度项目支出预算执行率为85%。'], T000],
  // Hypotheticals and exclusions
  ['a figure without one item (was: held against 表1)', ['若剔除党政大楼改造费用474.00万元，项目支出为581.73万元。', '不含结转资金，项目支出1,000万元。'], T000],
  ['rates of several subjects, targets and 序时进度', ['基本支出预算执行率为92.06%，项目支出预算执行率为84.13%，部门整体预算执行率为90.48%。', '预算执行率指标目标值≥90%，实际值84.13%，得分8分。', '按照序时进度，项目支出执行率应达到75%。', '项目支出预算执行率目标值为100%，实际完成84.13%。'], T000],
  ['shares of 基本支出', ['人员经费820.13万元，占基本支出的17.61%；公用经费3,836.86万元，占基本支出的82.39%。', '基本支出4,656.99万元，其中人员经费820.13万元，占17.61%；公用经费3,836.86万元，占82.39%。'], T000],
  // Other units, targets, plans
  ['figures of the county and the city', ['全县共有学校120所，全县教育经费支出15.6亿元。', '全市农业产值120亿元，同比增长5.6%；本局项目支出2,000万元。', '全县GDP完成320亿元，同比增长6.5%，全县一般公共预算收入18.6亿元，增长5.2%。']],
  ['indicator targets quoted', ['服务对象满意度≥90%，实际满意度为96%。', '全年共开展检查36次，检查覆盖率100%，群众满意度达到95%以上。']],
  ['next year’s plans', ['2024年计划安排项目资金200万元，确保执行率达到90%以上。', '2023年度支出1,000万元，2023年计划支出1,100万元。']],
  ['another unit of the department', ['2023年基本支出5,100万元。', '2023年度，我局所属二级单位基本支出1,200万元。', '2023年度全县“三公”经费支出1,200万元。', '2023年度本部门“三公”经费支出25.6万元。']],
  ['government procurement shares', ['政府采购支出总额300万元，其中：政府采购货物支出100万元、政府采购工程支出150万元、政府采购服务支出50万元。授予中小企业合同金额200万元，占政府采购支出总额的66.67%。']],
  ['a total written last', ['办公费10万元、印刷费5万元、水电费8万元，合计23万元。', '公用经费23万元，含办公费10万元、印刷费5万元、水电费8万元。']],
  ['a budget line then spending, two sentences', ['本年收入合计1,386.49万元，与年初预算相比增加86.49万元，增长6.65%，主要是追加了项目资金。', '2023年年初预算1,300万元。']],
];

describe('correct narratives give nothing', () => {
  // Every case with its tables ([] for none): it.each hands a shorter row's callback jest's `done` in their place.
  it.each(NOISE.map(([n, p, t]): Required<Case> => [n, p, t ?? []]))('%s', (_, paragraphs, tables) => {
    expect(run(paragraphs, tables)).toEqual([]);
  });
});

/** Slips of the kinds issue 24 lists, in other phrasing, and what is found. */
const MISSES: Array<[name: string, paragraphs: string[], tables: BudgetTable[], found: string[]]> = [
  ['995 = 38 + 958 after 包括', ['“三公”经费支出合计995万元，包括公务接待费38万元和公务用车运行维护费958万元。'], [], ['text.sum:more 995万元 → 996万元']],
  ['995 = 38 + 958 after 分别为', ['“三公”经费支出995万元，分别为：公务接待费38万元，公务用车运行维护费958万元。'], [], ['text.sum:more 995万元 → 996万元']],
  ['995 = 38 + 958 in brackets (was missed)', ['“三公”经费支出995万元（公务接待费38万元，公务用车运行维护费958万元）。'], [], ['text.sum:more 995万元 → 996万元']],
  ['995 = 38 + 958 over two sentences', ['2023年三公经费共支出995万元。其中，公务接待费38万元；公务用车运行维护费958万元。'], [], ['text.sum:more 995万元 → 996万元']],
  ['full-width figures that do not add up', ['２０２３年“三公”经费支出１，２３４．５６万元，其中公务接待费２３４．５６万元，公务用车运行维护费1０１０万元。'], [], ['text.sum:more 1,234.56万元 → 1244.56万元']],
  ['a rate that fits the text’s figure and not the table’s', ['项目全年预算数1,254.89万元，实际支出1,155.73万元，预算执行率为92.1%。'], T000, ['text.claim:table 1,155.73万元 → 1055.73万元']],
  ['a rate the table does not give', ['2023年度项目支出预算执行率为90.5%。'], T000, ['text.claim:table 90.5% → 84.13%']],
  ['完成年初预算100% beside the figures of an overspend (was missed)', ['项目年初预算100万元，实际支出155.93万元，完成年初预算100%，超出预算55.93万元。'], [], ['text.claim:own 100% → 155.93%']],
  ['a rate below 100% beside 超支 (was missed)', ['2023年度项目支出完成年初预算的99%，超支55.93万元。'], [], ['text.claim:own 99% → >100%']],
  ['完成年初预算 against the table’s 年初预算', ['2023年度项目支出完成年初预算的100%，超支55.93万元。'], T000, ['text.claim:table 100% → 1503.89%', 'text.claim:table 55.93万元 → +985.53万元']],
  ['an overspend that is not the difference', ['项目年初预算100万元，实际支出155.93万元，超支65.93万元。'], [], ['text.claim:own 65.93万元 → +55.93万元']],
  ['a decrease on last year that belongs to another row (was missed)', ['其中：公务用车购置及运行维护费较上年减少3万元；公务接待费较上年减少3万元。'], [SANGONG], ['text.claim:table 3万元 → −1万元']],
  ['a decrease on the budget that belongs to another row (was missed)', ['公务用车运行维护费17.99万元，较年初预算减少136.06万元。'], T000, ['text.claim:table 136.06万元 → −0.01万元']],
  ['a decrease in 万元 against a table in 元', ['2023年度公务接待费支出5.6万元，较上年减少2.4万元。'], [SANGONG_YUAN], ['text.claim:table 2.4万元 → −1.4万元']],
  ['a decrease on the budget of the wrong size', ['公务用车购置及运行维护费较年初预算减少0.4万元。'], [SANGONG], ['text.claim:table 0.4万元 → −4.0万元']],
  ['text figures that disagree with the table’s', ['2023年公务接待费支出84.94万元。', '2023年人员经费支出802.13万元，公用经费3,836.86万元。', '2023年度一般公共预算财政拨款收入5,721.72万元。'], T000, ['text.claim:table 5,721.72万元 → 5712.72万元', 'text.claim:table 802.13万元 → 820.13万元', 'text.claim:table 84.94万元 → 83.94万元']],
  ['a part that disagrees, in its sum and with the table', ['2023年基本支出4,656.99万元，其中人员经费820.13万元，公用经费3,863.86万元。'], T000, ['text.claim:table 3,863.86万元 → 3836.86万元', 'text.sum 4,656.99万元 → 4683.99万元']],
  ['a variance of the wrong size', ['“三公”经费年初预算238万元，决算101.93万元，预决算差异率为-75.17%。'], T000, ['text.claim:table -75.17% → −57.17%']],
  ['a 款 whose 项 add to more', ['一般公共服务支出（类）2,000万元，其中：政府办公厅（室）及相关机构事务（款）1,500万元，行政运行（项）1,200万元，一般行政管理事务（项）400万元。'], [], ['text.sum:more 1,500万元 → 1600万元']],
  ['a paragraph of an earlier year alone: a warning that names the year (the seed 004 reading)', ['2023年度部门整体支出绩效自评报告', '2022年度项目支出950万元。'], T000, ['text.claim:table-year 950万元 → 1055.73万元']],
  ['the heading’s project does not hide the department’s 项目 after the next heading', ['（一）城乡规划项目', '项目年初预算100万元。', '（二）部门整体支出情况', '2023年项目年初预算金额为75.20万元。'], T000, ['text.claim:table 75.20万元 → 70.20万元']],
];

describe('slips in other phrasing are found', () => {
  it.each(MISSES)('%s', (_, paragraphs, tables, found) => {
    expect(run(paragraphs, tables)).toEqual([...found].sort());
  });
});

/** A city bureau's 部门决算说明 in the national template's words, every figure consistent (its headings included). */
const DECISION: string[] = [
 '某市生态环境局2023年度部门决算说明',
 '一、收入支出决算总体情况说明',
 '2023年度收入总计3,215.67万元、支出总计3,215.67万元，与2022年度相比，收入、支出总计各增加215.67万元，增长7.19%。主要变动原因是人员调资及新增环境监测项目。',
 '（一）收入决算情况',
 '2023年度收入合计3,115.67万元，其中：财政拨款收入3,015.67万元，占96.79%；事业收入0万元；经营收入0万元；其他收入100万元，占3.21%。',
 '（二）支出决算情况',
 '2023年度支出合计3,080.12万元，其中：基本支出2,180.12万元，占70.78%；项目支出900万元，占29.22%；经营支出0万元。',
 '二、财政拨款收入支出决算总体情况说明',
 '2023年度财政拨款收入总计3,115.67万元，其中年初结转和结余100万元，本年财政拨款收入3,015.67万元。财政拨款支出总计3,115.67万元，其中本年财政拨款支出2,980.12万元，年末结转和结余135.55万元。',
 '三、一般公共预算财政拨款支出决算情况说明',
 '（一）一般公共预算财政拨款支出决算总体情况',
 '2023年度一般公共预算财政拨款支出2,980.12万元，占本年支出合计的96.75%。与2022年度相比，一般公共预算财政拨款支出增加180.12万元，增长6.43%。',
 '（二）一般公共预算财政拨款支出决算结构情况',
 '2023年度一般公共预算财政拨款支出2,980.12万元，主要用于以下方面：一般公共服务支出20万元，占0.67%；社会保障和就业支出300万元，占10.07%；卫生健康支出150万元，占5.03%；节能环保支出2,300.12万元，占77.18%；住房保障支出210万元，占7.05%。',
 '（三）一般公共预算财政拨款支出决算具体情况',
 '2023年度一般公共预算财政拨款支出年初预算为2,800万元，支出决算为2,980.12万元，完成年初预算的106.43%。其中：节能环保支出（类）环境保护管理事务（款）行政运行（项）。年初预算为1,500万元，支出决算为1,600万元，完成年初预算的106.67%，决算数大于年初预算数的主要原因是人员调资。',
 '四、一般公共预算财政拨款基本支出决算情况说明',
 '2023年度一般公共预算财政拨款基本支出2,080.12万元，其中：人员经费1,850.12万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资等；公用经费230万元，主要包括：办公费、印刷费、咨询费、手续费等。',
 '五、“三公”经费支出决算情况说明',
 '2023年度“三公”经费财政拨款支出决算为18.5万元，完成预算的92.5%，较上年减少1.5万元，下降7.5%。其中：因公出国（境）费支出决算为0万元，完成预算的0%；公务用车购置及运行维护费支出决算为15万元，完成预算的93.75%，较上年减少1万元，下降6.25%；公务接待费支出决算为3.5万元，完成预算的87.5%，较上年减少0.5万元，下降12.5%。',
 '公务用车购置及运行维护费支出15万元，其中：公务用车购置费0万元；公务用车运行维护费15万元，主要用于执法执勤车辆燃料费、维修费、过路过桥费、保险费等，截至2023年12月31日，开支财政拨款的公务用车保有量为8辆。',
 '公务接待费支出3.5万元，其中：国内接待费3.5万元，共接待国内来访团组20个、来宾160人次。',
 '六、政府性基金预算财政拨款支出决算情况说明',
 '2023年度本部门无政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。',
 '七、机关运行经费支出情况说明',
 '2023年度机关运行经费支出230万元，比上年减少10万元，降低4.17%，主要原因是压减一般性支出。',
 '八、政府采购支出情况说明',
 '2023年度政府采购支出总额500万元，其中：政府采购货物支出150万元、政府采购工程支出0万元、政府采购服务支出350万元。授予中小企业合同金额400万元，占政府采购支出总额的80%，其中：授予小微企业合同金额300万元，占政府采购支出总额的60%。',
 '九、国有资产占用情况说明',
 '截至2023年12月31日，本部门共有车辆8辆，其中：执法执勤用车6辆，特种专业技术用车2辆。单价100万元（含）以上设备（不含车辆）3台（套）。',
 '十、预算绩效管理情况说明',
 '2023年度本部门对12个项目开展了绩效自评，涉及资金900万元，占一般公共预算项目支出总额的100%。自评结果显示，项目平均得分92.5分，其中优秀10个，良好2个。',
 '组织对“环境监测能力提升项目”开展了部门评价，涉及资金300万元，评价得分95分，等级为“优”。',
 '环境监测能力提升项目全年预算数为300万元，执行数为285万元，完成预算的95%。',
 '2024年计划安排项目资金1,000万元。',
];

/** Seven slips put into it; the 78.5% of a budget the text never states cannot be checked, the other six are found. */
const DECISION_SLIPS: Array<[string, string]> = [
  ['占96.79%', '占97.79%'],
  ['项目支出900万元，占29.22%', '项目支出910万元，占29.22%'],
  ['公务接待费支出决算为3.5万元，完成预算的87.5%', '公务接待费支出决算为3.5万元，完成预算的78.5%'],
  ['人员经费1,850.12万元', '人员经费1,805.12万元'],
  ['节能环保支出2,300.12万元，占77.18%', '节能环保支出2,300.12万元，占71.18%'],
  ['公务接待费支出3.5万元，其中：国内接待费3.5万元', '公务接待费支出3.5万元，其中：国内接待费3.8万元'],
  ['执行数为285万元，完成预算的95%', '执行数为285万元，完成预算的96%'],
];

describe('a 部门决算说明 in the national template', () => {
  it('gives nothing where every figure holds (was: 收入合计 and 支出合计 held against 收入总计 and 支出总计; a share of 政府采购支出总额 held against the 中小企业 total)', () => {
    expect(run(DECISION)).toEqual([]);
  });

  it('finds six of the seven slips (项目支出 910 both in its sum and in its share)', () => {
    const bad = DECISION_SLIPS.reduce((ps, [a, b]) => ps.map((p) => p.split(a).join(b)), DECISION);
    expect(run(bad)).toEqual([
      'text.claim:own 29.22% → 29.54%',
      'text.claim:own 71.18% → 77.18%',
      'text.claim:own 96% → 95.00%',
      'text.claim:own 97.79% → 96.79%',
      'text.sum 2,080.12万元 → 2035.12万元',
      'text.sum:more 3,080.12万元 → 3090.12万元',
      'text.sum:more 3.5万元 → 3.8万元',
    ]);
  });
});

describe('a text that restates one figure differently 20,000 times', () => {
  it('is told the first five (was: 19,999 findings)', () => {
    const found = run(Array.from({ length: 20000 }, (_, i) => `2023年基本支出${i}万元。`));
    expect(found).toHaveLength(5);
    expect(found.every((f) => f.startsWith('text.claim:repeat') && f.endsWith('→ 0万元'))).toBe(true);
  });
});

describe('a real .docx: a 三公 table with last year, a 收支 table and a narrative', () => {
  const tables: DocBlock[] = [
    '某县文化和旅游局2023年度部门整体支出绩效自评报告',
    '表1：2023年度“三公”经费支出情况表     单位：万元',
    { rows: [['项目', '2023年预算数', '2022年决算数', '2023年决算数'], ['因公出国（境）费', '0.00', '0.00', '0.00'], ['公务用车购置及运行维护费', '24.00', '23.00', '20.00'], ['公务接待费', '6.00', '7.00', '5.60'], ['合计', '30.00', '30.00', '25.60']] },
  ];
  const text = [
    '一、部门收支情况',
    '2023年度，我局收入合计1,386.49万元，全部为一般公共预算财政拨款收入；支出合计1,350.20万元，其中基本支出1,020.15万元，占75.56%；项目支出330.05万元，占24.44%。',
    '基本支出中，人员经费890.36万元，公用经费129.79万元。',
    '2023年度“三公”经费支出25.60万元，较上年减少4.40万元，下降14.67%，完成预算的85.33%。其中：公务用车购置及运行维护费20.00万元，较上年减少3.00万元；公务接待费5.60万元，较上年减少1.40万元，下降20%；因公出国（境）费0万元。',
    '项目支出全年预算数366.34万元，实际支出330.05万元，预算执行率90.09%，年初预算300.00万元。',
    '（一）非遗保护项目',
    '项目年初预算50万元，实际支出48万元，执行率96%。',
    '二、绩效自评结论',
    '经自评，我局2023年度部门整体支出绩效自评得分为95.6分，等级为“优”。2024年计划安排项目资金400万元。',
  ];
  const textFindings = (ps: string[]) =>
    check(readDocx(docxBytes([...tables, ...ps]), 'r.docx').snapshot)
      .findings.filter((f) => f.rule.startsWith('text.'))
      .map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.actual} → ${f.expected}`);

  it('gives no text finding on the consistent report', () => expect(textFindings(text)).toEqual([]));

  it('finds a decrease that belongs to another row and a rate the sentence’s figures do not give', () => {
    const bad = text.map((p) => p.replace('公务接待费5.60万元，较上年减少1.40万元', '公务接待费5.60万元，较上年减少3.00万元').replace('预算执行率90.09%', '预算执行率92.09%'));
    expect(textFindings(bad).sort()).toEqual(['text.claim error ¶6 3.00万元 → −1.40万元', 'text.claim error ¶7 92.09% → 90.09%']);
  });
});

describe('hostile text: no crash, no hang, no nonsense finding', () => {
  const hostile: Array<[string, () => string[]]> = [
    ['a 1 MB paragraph of sentences', () => ['2023年度基本支出4,656.99万元，其中人员经费820.13万元，' + '项目支出1,055.73万元，执行率84.13%，'.repeat(40000)]],
    ['a 1 MB paragraph of words', () => ['汉'.repeat(1_000_000)]],
    ['a 1 MB run of digits', () => ['1'.repeat(1_000_000)]],
    ['100,000 paragraphs with figures', () => Array.from({ length: 100000 }, (_, i) => `2023年度第${i}项支出${i}.5万元，较上年增加1万元，增长2%。`)],
    ['100,000 paragraphs without figures', () => Array.from({ length: 100000 }, (_, i) => `本单位第${i}项工作按照要求有序推进，取得良好成效。`)],
    ['100,000 headings', () => Array.from({ length: 100000 }, (_, i) => `（${i % 10}）第${i}城乡规划项目`)],
    ['a paragraph of 10,000 figures', () => [Array.from({ length: 10000 }, (_, i) => `${i}万元`).join('、')]],
    ['a 其中 list of 10,000 parts', () => ['合计100万元，其中' + Array.from({ length: 10000 }, (_, i) => `费用${i}为${i}.01万元`).join('，')]],
    ['5,000 nested brackets with figures', () => ['基本支出100万元' + '（人员经费50万元'.repeat(5000) + '）'.repeat(5000)]],
    ['100,000 nested brackets', () => ['（'.repeat(100000) + '5万元' + '）'.repeat(100000)]],
    ['100,000 clauses of stray separators', () => ['支出1,2,3,4,5,6,7万元，' + '9,'.repeat(100000) + '999万元']],
    ['100,000 dashes', () => ['补助标准10-15万元，' + '-'.repeat(100000) + '5万元']],
    ['20,000 list words', () => [('其中' + '分别为'.repeat(3) + '1万元、').repeat(20000)]],
    ['1e308 and twenty-digit amounts (was: a sum of 2e20 against 308万元)', () => ['2023年“三公”经费支出1e308万元，其中公务接待费99999999999999999999万元，公务用车运行维护费99999999999999999999.99999万元，较上年增加99999999999999999999999999999999万元，增长1e308%。']],
    ['30,000 empty 其中 before a part', () => ['基本支出1万元' + '，其中'.repeat(30000) + '，人员经费1万元']],
    ['30,000 nested 其中 brackets', () => ['基本支出1万元' + '(其中'.repeat(30000) + '人员经费1万元' + ')'.repeat(30000)]],
    ['50,000 headings and project paragraphs', () => Array.from({ length: 50000 }, (_, i) => (i % 2 ? '项目年初预算100万元。' : `（一）第${i}城乡规划项目`))],
    ['zeros everywhere', () => ['“三公”经费支出0万元，较上年减少0万元，下降0%，执行率0%，年初预算0万元，实际支出0万元，执行率100%。']],
  ];
  it.each(hostile)('%s', (_, make) => {
    const paragraphs = make();
    const t0 = Date.now();
    const r = check(documentSnapshot([], paragraphs));
    const ms = Date.now() - t0;
    expect(r.findings.filter((f) => f.rule.startsWith('text.'))).toEqual([]);
    // Measured at under 1 s each on a loaded 2-core machine; the bound leaves room for a slow CI runner.
    expect(ms).toBeLessThan(4000);
  });
});
