import { D } from '../src/core/decimal';
import { normalizeLabel, indicatorNature, levelKey, weightInLabel } from '../src/core/parse/label';
import { parseNumberText, readCellValue } from '../src/core/parse/number';
import { parseTarget } from '../src/core/parse/target';
import { isNotApplicable, splitLabelValue } from '../src/core/parse/text';

const ref = { sheet: 'S', row: 0, col: 0 };

describe('parseNumberText', () => {
  it.each([
    ['1.70\u3000', '1.7', false, null],
    ['1,386.49', '1386.49', false, null],
    ['１２', '12', false, null],
    ['95%', '0.95', true, null],
    ['-0.06%', '-0.0006', true, null],
    ['2170.20万元', '2170.2', false, '万元'],
    [' 0.00 ', '0', false, null],
    ['.5', '0.5', false, null],
  ])('reads %j as %s', (text, value, percent, unit) => {
    const p = parseNumberText(text)!;
    expect(p.value.equals(new D(value))).toBe(true);
    expect(p.percent).toBe(percent);
    expect(p.unit).toBe(unit);
  });

  it.each(['约20', '20-30', '健全', '', '1,38,6', '——'])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('counts the places shown, on the fraction for percents', () => {
    expect(parseNumberText('45.38%')!.places).toBe(4);
    expect(parseNumberText('196.26')!.places).toBe(2);
  });
});

describe('readCellValue', () => {
  it('reads a number stored as text and says so', () => {
    const r = readCellValue(ref, '1.70\u3000', '1.70\u3000', '', 'General', 'string');
    expect(r.kind).toBe('number');
    expect(r.fromText).toBe(true);
    expect(r.value!.toString()).toBe('1.7');
  });
  it('takes a real number at 15 significant digits and the precision its format shows', () => {
    const r = readCellValue(ref, 0.1 + 0.2, '30.00%', '', '0.00%', 'number');
    expect(r.value!.toString()).toBe('0.3');
    expect(r.percent).toBe(true);
    expect(r.places).toBe(4);
    expect(r.fromText).toBe(false);
  });
  it.each(['——', '-', '/', '\u3000——\u3000'])('reads %j as not applicable', (t) => {
    expect(readCellValue(ref, t, t, '', 'General', 'string').kind).toBe('na');
    expect(isNotApplicable(t)).toBe(true);
  });
  it('reads whitespace-only text as empty, and an error cell as an error', () => {
    expect(readCellValue(ref, '\u3000', '\u3000', '', 'General', 'string').kind).toBe('empty');
    expect(readCellValue(ref, '#DIV/0!', '#DIV/0!', '=A1/B1', 'General', 'error').kind).toBe('error');
  });
});

describe('labels', () => {
  it.each([
    ['   1、公务用车购置和维护经费', '公务用车购置和维护经费'],
    ['       其中：公车购置', '公车购置'],
    ['项目支出：', '项目支出'],
    ['（一）三公经费', '三公经费'],
    ['(1) 公务接待费', '公务接待费'],
    ['① 出国经费', '出国经费'],
    ['一、“三公”经费', '三公经费'],
    ['\u3000\u3000因公出国（境）费', '因公出国(境)费'],
  ])('normalises %j', (raw, want) => {
    expect(normalizeLabel(raw)).toBe(want);
  });

  it('finds the weight in a 一级指标 label with either bracket width', () => {
    expect(weightInLabel('产出指标\n\n（50分)')).toBe('50');
    expect(weightInLabel('效益指标(30分）')).toBe('30');
    expect(weightInLabel('满意度指标')).toBeNull();
    expect(levelKey('满意度指标（10分）')).toBe('满意度');
  });

  it('knows which indicators are higher- or lower-is-better', () => {
    expect(indicatorNature('服务对象满意度')).toBe('higher');
    expect(indicatorNature('预算执行率')).toBe('higher');
    expect(indicatorNature('全年支出不超过全年预算数')).toBe('lower');
    expect(indicatorNature('产品不合格率')).toBe('lower');
    expect(indicatorNature('接待人数')).toBeNull();
  });

  it('splits 标签：数值 cells on the last colon', () => {
    expect(splitLabelValue('其中：基本支出：447.32')).toEqual({ label: '其中:基本支出', value: '447.32' });
    expect(splitLabelValue('政府性基金拨款：')).toEqual({ label: '政府性基金拨款', value: '' });
  });
});

describe('parseTarget', () => {
  const q = (s: string) => parseTarget(s) as Extract<ReturnType<typeof parseTarget>, { kind: 'quant' }>;
  it.each([
    ['≥2次', '>=', '2', true],
    ['≧95%', '>=', '0.95', true],
    ['<=100%', '<=', '1', true],
    ['＜5%', '<', '0.05', true],
    ['＝100%', '=', '1', true],
    ['不低于95%', '>=', '0.95', true],
    ['不超过2170.20万元', '<=', '21702000', true],
    ['95%以上', '>=', '0.95', true],
    ['10天以内', '<=', '10', true],
    ['1000人', '>=', '1000', false],
    ['100%', '>=', '1', false],
  ])('reads %j', (s, op, value, explicit) => {
    const t = q(s);
    expect(t.kind).toBe('quant');
    expect(t.op).toBe(op);
    expect(t.value.equals(new D(value))).toBe(true);
    expect(t.explicit).toBe(explicit);
  });
  it('reads dates, qualitative text and unreadable numbers', () => {
    expect(parseTarget('2023年12月31日前')).toMatchObject({ kind: 'date', op: '<=', date: { year: 2023, start: '12-31', end: '12-31' } });
    expect(parseTarget('及时保障')).toMatchObject({ kind: 'qual' });
    expect(parseTarget('≥1.2.3次')).toMatchObject({ kind: 'unreadable' });
    expect(parseTarget('≥9.5.1%')).toMatchObject({ kind: 'unreadable' });
    expect(parseTarget('——')).toMatchObject({ kind: 'na' });
    expect(parseTarget('')).toMatchObject({ kind: 'empty' });
  });
  it('lets the profile choose the operator of a bare number', () => {
    expect((parseTarget('5', '<=') as { op: string }).op).toBe('<=');
  });
});
