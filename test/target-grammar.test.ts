/**
 * The target grammar of DOMAIN.md "Targets and actuals", table-driven: how each string a published form writes as
 * a 年度指标值 or 实际完成值 is read. `q >= 0.95%` is a quantity with its operator (`>=?` when bare, taking the
 * direction the caller gives), its amount (a percent as its fraction), its unit without magnitude word, `~` when
 * written as a round figure.
 */
import { decStr } from '../src/core/decimal';
import { alignToTarget, parseTarget, Quant, Target } from '../src/core/parse/target';
import { quantScore } from '../src/core/compute/score';
import { D } from '../src/core/decimal';

function show(t: Target): string {
  switch (t.kind) {
    case 'quant':
      return `q ${t.op}${t.explicit ? '' : '?'} ${decStr(t.value)}${t.percent ? '%' : ''}${t.base ? ` ${t.base}` : ''}${t.approx ? ' ~' : ''}`;
    case 'between':
      return `range ${decStr(t.low.value)}..${decStr(t.high.value)}${t.high.percent ? '%' : ''}${t.high.base ? ` ${t.high.base}` : ''}`;
    case 'date':
      return `date ${t.op}${t.explicit ? '' : '?'} ${t.date.year ?? (t.date.rel ? 'next' : '-')} ${t.date.start}..${t.date.end}`;
    default:
      return t.kind;
  }
}

/** Signs as published, full-width and look-alike forms included, and the operator each means. */
const SIGNS: Array<[string, string]> = [
  ['≥', '>='], ['≤', '<='], ['>', '>'], ['<', '<'], ['=', '='], ['>=', '>='], ['<=', '<='], ['＞', '>'], ['＜', '<'], ['＝', '='],
  ['≧', '>='], ['≦', '<='], ['﹦', '='], ['═', '='], ['‹=', '<='], ['›=', '>='], ['⩾', '>='], ['⩽', '<='], ['=>', '>='], ['≥=', '>='],
  ['≮', '>='], ['≯', '<='], ['﹥', '>'], ['﹤', '<'], ['＞＝', '>='], ['＜＝', '<='],
];
const SIGNED_VALUES: Array<[string, string]> = [
  ['95%', '0.95%'],
  ['2次', '2 次'],
  ['2.5万人', '25000 人'],
];

const WORDS: Array<[string, string]> = [
  ['不低于', '>='], ['不少于', '>='], ['至少', '>='], ['达到', '>='], ['大于等于', '>='], ['不小于', '>='], ['最少', '>='],
  ['不高于', '<='], ['不超过', '<='], ['控制在', '<='], ['小于等于', '<='], ['不大于', '<='], ['最多', '<='], ['不多于', '<='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['小于', '<'], ['低于', '<'], ['少于', '<'], ['等于', '='],
];
const SUFFIXES: Array<[string, string]> = [['以上', '>='], ['及以上', '>='], ['或以上', '>='], ['以内', '<='], ['以下', '<='], ['及以下', '<='], ['之内', '<='], ['及以内', '<=']];

const TABLE: Array<[string, string]> = [
  // Any unit: a number with a short suffix is a quantity in that unit.
  ...['次', '个', '人', '人次', '户', '只', '头', '例', '种', '米', '厘米', '公里', '亩', '平方米', 'TB', '倍', '起', '篇', '场', '所', '家', '项', '件', '台', '套', '辆', '吨', '立方米', '公顷', 'kg', 'GB', '小时', '分钟', '天', '个月', '年', '元', '分', '批', '期', '处', '座', '条', '张', '本', '册'].map(
    (u): [string, string] => [`12${u}`, `q >=? 12 ${u}`],
  ),
  ['1000㎡', 'q >=? 1000 m2'],
  ['≥500m2', 'q >= 500 m2'],
  ['>=530元/人*月', 'q >= 530 元/人*月'],
  ['≥530元/人·月', 'q >= 530 元/人·月'],
  ['<=5300元/户', 'q <= 5300 元/户'],
  ['≤120元/人、天', 'q <= 120 元/人、天'],
  ['≥15年', 'q >= 15 年'],
  ['>=266米', 'q >= 266 米'],
  ['>=50厘米', 'q >= 50 厘米'],
  ['25TB', 'q >=? 25 TB'],
  ['>=2倍', 'q >= 2 倍'],
  ['0起', 'q >=? 0 起'],
  ['192只', 'q >=? 192 只'],
  ['不少于12 种', 'q >= 12 种'],
  ['≤0次', 'q <= 0 次'],
  ['3个工作日内', 'q <= 3 个工作日'],
  ['5天内', 'q <= 5 天'],
  ['10天以内', 'q <= 10 天'],
  ['6个月内', 'q <= 6 个月'],
  ['≥95分', 'q >= 95 分'],
  // Magnitude words: 2.5万人 is 25,000 人.
  ['≥2万人', 'q >= 20000 人'],
  ['2.5万人', 'q >=? 25000 人'],
  ['3359.62万', 'q >=? 33596200'],
  ['1.2亿元', 'q >=? 120000000 元'],
  ['≤90万元', 'q <= 900000 元'],
  ['3千人', 'q >=? 3000 人'],
  ['10万元/年', 'q >=? 100000 元/年'],
  ['1.5万亩', 'q >=? 15000 亩'],
  ['5百万元', 'q >=? 5000000 元'],
  ['2万余人', 'q >=? 20000 人 ~'],
  // Round figures.
  ['200余人', 'q >=? 200 人 ~'],
  ['50多个', 'q >=? 50 个 ~'],
  ['约20次', 'q >=? 20 次 ~'],
  ['20次左右', 'q >=? 20 次 ~'],
  ['近100人', 'q >=? 100 人 ~'],
  ['1000余户', 'q >=? 1000 户 ~'],
  ['≥约20次', 'q >= 20 次 ~'],
  // Percents.
  ['100百分比', 'q >=? 1%'],
  ['>=100百分比', 'q >= 1%'],
  ['98%(百分比)', 'q >=? 0.98%'],
  ['>=98%(百分比)', 'q >= 0.98%'],
  ['≥98%（百分比）', 'q >= 0.98%'],
  ['100%覆盖', 'q >=? 1%'],
  ['100%完成', 'q >=? 1%'],
  ['完成100%', 'q >=? 1%'],
  ['95%以上', 'q >= 0.95%'],
  ['-0.06%', 'q >=? -0.0006%'],
  ['3‰', 'q >=? 0.003'],
  ['１００％', 'q >=? 1%'],
  ['≥９５％', 'q >= 0.95%'],
  ['１２个', 'q >=? 12 个'],
  ['95 %', 'q >=? 0.95%'],
  ['5个百分点', 'q >=? 5 个百分点'],
  // Bare figures: the direction is the caller's.
  ['8755', 'q >=? 8755'],
  ['95%', 'q >=? 0.95%'],
  ['43.2', 'q >=? 43.2'],
  ['1,386.49', 'q >=? 1386.49'],
  ['0', 'q >=? 0'],
  // A few words before the figure name the indicator again.
  ['满意度≥95%', 'q >= 0.95%'],
  ['投诉0起', 'q >=? 0 起'],
  ['覆盖率100%', 'q >=? 1%'],
  ['培训200人次', 'q >=? 200 人次'],
  // Ranges.
  ['90%-100%', 'range 0.9..1%'],
  ['90-100%', 'range 0.9..1%'],
  ['95%～100%', 'range 0.95..1%'],
  ['1~2次', 'range 1..2 次'],
  ['3至5个', 'range 3..5 个'],
  ['10-20万元', 'range 100000..200000 元'],
  // Dates and deadlines: spans of days, the deadline being the last.
  ['2023年12月31日前', 'date <=? 2023 12-31..12-31'],
  ['2023年12月31日之前完成', 'date <=? 2023 12-31..12-31'],
  ['12月31日前', 'date <=? - 12-31..12-31'],
  ['2021年底', 'date <=? 2021 12-31..12-31'],
  ['2021年年底前', 'date <=? 2021 12-31..12-31'],
  ['年末', 'date <=? - 12-31..12-31'],
  ['年底前', 'date <=? - 12-31..12-31'],
  ['年内', 'date <=? - 01-01..12-31'],
  ['2020年', 'date <=? 2020 01-01..12-31'],
  ['2023年度', 'date <=? 2023 01-01..12-31'],
  ['11月底前', 'date <=? - 11-30..11-30'],
  ['2月底', 'date <=? - 02-29..02-29'],
  ['2023年2月底', 'date <=? 2023 02-28..02-28'],
  ['9月前', 'date <=? - 09-01..09-30'],
  ['7月', 'date <=? - 07-01..07-31'],
  ['10月份', 'date <=? - 10-01..10-31'],
  ['6月中旬', 'date <=? - 06-11..06-20'],
  ['3月初', 'date <=? - 03-01..03-10'],
  ['第三季度', 'date <=? - 07-01..09-30'],
  ['三季度末', 'date <=? - 07-01..09-30'],
  ['2023年第四季度', 'date <=? 2023 10-01..12-31'],
  ['上半年', 'date <=? - 01-01..06-30'],
  ['下半年', 'date <=? - 07-01..12-31'],
  ['次年3月底前', 'date <=? next 03-31..03-31'],
  ['2023-06-30', 'date <=? 2023 06-30..06-30'],
  ['2023/6/30', 'date <=? 2023 06-30..06-30'],
  ['2023.06.30', 'date <=? 2023 06-30..06-30'],
  ['2023/6', 'date <=? 2023 06-01..06-30'],
  ['≤2023年12月', 'date <= 2023 12-01..12-31'],
  ['2021年12月31日', 'date <=? 2021 12-31..12-31'],
  // Qualitative text, and actuals that mean achieved.
  ...['健全', '规范', '逐步提高', '及时保障', '效果明显', '达成预期指标', '良好', '高', '是', '否', '有效', '持续', '达到预期', '达成预期目标', '不低于上年', '优良中低差', '明显提升', '符合要求', '严格执行相关制度规定', '在项目计划完成时间内完成', '建设中', '按时', '3个乡镇12个村'].map((s): [string, string] => [s, 'qual']),
  // Not applicable and empty.
  ['——', 'na'],
  ['-', 'na'],
  ['/', 'na'],
  ['不适用', 'na'],
  ['', 'empty'],
  ['\u3000', 'empty'],
  // A sign promises a figure: without a readable one, the cell is named.
  ['≥两次', 'unreadable'],
  ['≥1.2.3次', 'unreadable'],
  ['1.2.3', 'unreadable'],
  ['7.50.', 'unreadable'],
  ['≤较上年', 'unreadable'],
];

const ALL: Array<[string, string]> = [
  ...SIGNS.flatMap(([sign, op]) => SIGNED_VALUES.map(([v, want]): [string, string] => [`${sign}${v}`, `q ${op} ${want}`])),
  ...WORDS.flatMap(([w, op]): Array<[string, string]> => [[`${w}95%`, `q ${op} 0.95%`], [`${w}10天`, `q ${op} 10 天`]]),
  ...SUFFIXES.map(([w, op]): [string, string] => [`10次${w}`, `q ${op} 10 次`]),
  ...TABLE,
];

describe('target grammar', () => {
  it('has at least 200 distinct strings', () => {
    expect(new Set(ALL.map(([s]) => s)).size).toBeGreaterThanOrEqual(200);
    expect(new Set(ALL.map(([s]) => s)).size).toBe(ALL.length);
  });

  it.each(ALL)('reads %j as %s', (input, want) => {
    expect(show(parseTarget(input))).toBe(want);
  });

  it('takes a bare figure’s direction from the caller', () => {
    expect(show(parseTarget('100%', '<='))).toBe('q <=? 1%');
    expect(show(parseTarget('≥95%', '<='))).toBe('q >= 0.95%');
  });
});

describe('comparing an actual with its target', () => {
  const q = (s: string) => parseTarget(s) as Quant;
  const cases: Array<[string, string, string | null]> = [
    ['≥20000人', '2.5万人', '25000'],
    ['≥2万人', '25000人', '25000'],
    ['≥2万人', '2.5万', '25000'],
    ['≥95%', '96', '0.96'],
    ['≥95%', '0.96', '0.96'],
    ['≥95%', '96%', '0.96'],
    ['100', '100%', '100'],
    ['≤90万元', '90', '900000'],
    ['≤202.6万元', '132.9', '1329000'],
    ['≤101400元', '10.14万元', '101400'],
    ['500', '600余人', '600'],
    ['≥2次', '3次', '3'],
    ['≥2次', '3人', null],
    ['≥90%', '95分', null],
    ['≥1000人', '1200人次', '1200'],
    ['≥50000人次', '110406', '110406'],
    ['=72890元', '72890', '72890'],
    ['=6万元', '6', '60000'],
  ];
  it.each(cases)('%s against %s reads %s', (target, actual, want) => {
    const a = alignToTarget(q(target), q(actual));
    expect(a === null ? null : decStr(a)).toBe(want);
  });

  it('scores 2.5万人 against ≥20000人 in full, and 1.5万人 in proportion', () => {
    expect(quantScore(q('≥20000人'), q('2.5万人'), new D(10), 2)).toMatchObject({ kind: 'exact', value: new D(10) });
    expect(quantScore(q('≥20000人'), q('1.5万人'), new D(10), 2)).toMatchObject({ kind: 'exact', value: new D('7.5') });
    expect(quantScore(q('≥90%'), q('95分'), new D(10), 2)).toEqual({ kind: 'unknown' });
  });
});
