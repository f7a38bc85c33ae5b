/**
 * The claim extractor on sentences in the seeds' style and other provinces' phrasing: every figure with its subject
 * (a known key, or the phrase as written), its measure, its value and unit, and its period where it is not the
 * report's (`@prev`, `@unknown`); `~` marks a round figure or a bound, which is never compared.
 */
import { readParagraph } from '../src/core/text/claims';
import { normalizeText, figuresIn } from '../src/core/text/figures';

function brief(text: string, year = 2023): string[] {
  const out: string[] = [];
  for (const s of readParagraph(text, year).sentences) {
    for (const c of s.claims) {
      const subj = c.subject.key ?? (c.subject.text || '?');
      const v = `${c.figure.value.toString()}${c.figure.unit}`;
      const per = c.period.rel === 'current' ? '' : `@${c.period.rel}`;
      const loose = c.figure.loose ? '~' : '';
      if (c.kind === 'amount') out.push(`amount ${subj} ${c.measure ?? '-'} ${v}${per}${loose}`);
      else if (c.kind === 'rate') out.push(`rate ${subj} ${c.measure ?? '-'}${c.measure === 'growth' ? (c.sign > 0 ? '+' : '-') : ''} ${v}${per}${loose}`);
      else if (c.kind === 'change') out.push(`change ${subj} ${c.sign > 0 ? '+' : '-'} ${v}${per}`);
      else out.push(`score ${v}`);
    }
    for (const g of s.grades) out.push(`grade ${g.grade}`);
  }
  return out;
}

const SENTENCES: Array<[string, string[]]> = [
  ["伊金霍洛旗机关事务服务中心在2023年度部门资金总收入及上年结转结余共计5,712.72万元，其中：一般公共预算财政拨款收入5,712.72万元，年初结转结余0.00万元。", ["amount 部门资金总收入及上年结转结余 - 5712.72万元", "amount fiscal exec 5712.72万元", "amount carryIn exec 0万元"]],
  ["按照支出性质分类：基本支出4,656.99万元，占全年支出的81.52%；项目支出1,055.73万元，占全年支出的18.48%；年末结转和结余0.00万元。", ["amount basic exec 4656.99万元", "rate basic share 81.52%", "amount project exec 1055.73万元", "rate project share 18.48%", "amount carryOut exec 0万元"]],
  ["2023年伊金霍洛旗机关事务服务中心基本支出4,656.99万元，其中：人员经费实际支出820.13万元，公用经费实际支出3,836.86万元。", ["amount basic exec 4656.99万元", "amount personnel exec 820.13万元", "amount public exec 3836.86万元"]],
  ["该单位上年度基本支出为3,174.44万元，其中：人员经费实际支出750.99万元，2023年较上年增加69.14万元。", ["amount basic exec 3174.44万元@prev", "amount personnel exec 750.99万元@prev", "change personnel + 69.14万元@prev"]],
  ["2023年伊金霍洛旗机关事务服务中心共计实施11个项目，项目年初预算金额为70.20万元，实际支出金额1,055.73万元，预算执行率为100.00%。", ["amount project initial 70.2万元", "amount project exec 1055.73万元", "rate project exec 100%"]],
  ["伊金霍洛旗机关事务服务中心2022年“三公经费”支出53.91万元，本年支出101.93万元，相比2022年增加48.02万元。", ["amount sangong exec 53.91万元@prev", "amount sangong exec 101.93万元", "change sangong + 48.02万元"]],
  ["2023年末资产账面原值86,396.71万元，累计折旧7,552.47万元，未计提资产减值损失，账面净值为78,844.24万元。", ["amount 2023年末资产账面原值 - 86396.71万元", "amount 累计折旧 - 7552.47万元", "amount 账面净值 - 78844.24万元"]],
  ["最终评价得分为86.5分，总体评价等级为“良”。", ["score 86.5分", "grade 良"]],
  ["部分项目如：“三公经费”中公务接待费，年初预算数220.00万元，决算数为83.94万元，预决算差异率为61.85%。", ["amount reception initial 220万元", "amount reception exec 83.94万元", "rate reception variance 61.85%"]],
  ["本部门 2023 年专项项目 9 个，预算金额合计 8126.66286 万元，实际支出 5828.368269 万元，执行率为 71.72%。", ["amount 专项项目 budget 8126.66286万元", "amount 专项项目 exec 5828.368269万元", "rate 专项项目 exec 71.72%"]],
  ["城区后勤管理运行费 857.12 万元，实际支出为 369.924613 万元，执行率 45.38%。", ["amount 城区后勤管理运行费 budget 857.12万元", "amount 城区后勤管理运行费 exec 369.924613万元", "rate 城区后勤管理运行费 exec 45.38%"]],
  ["申请拨付物业管理及运行维护等费用 930 万元，实际支出 453.52112 万元，执行率 48.76%。", ["amount 申请拨付物业管理及运行维护等费用 budget 930万元", "amount 申请拨付物业管理及运行维护等费用 exec 453.52112万元", "rate 申请拨付物业管理及运行维护等费用 exec 48.76%"]],
  ["2023 企业人员冬季取暖费 1.4 万元，实际支出 1.4 万元，执行率 100%。", ["amount 2023企业人员冬季取暖费 budget 1.4万元", "amount 2023企业人员冬季取暖费 exec 1.4万元", "rate 2023企业人员冬季取暖费 exec 100%"]],
  ["本次绩效评价项目 9 个，占部门项目总数的 100%，涉及金额 5828.368269 万元。", ["rate 本次绩效评价项目 share 100%", "amount 涉及金额 - 5828.368269万元"]],
  ["2021年我单位预算批复2946.45万元，由县财政局拨入。", ["amount ? budget 2946.45万元"]],
  ["2021年固定资产共2219.88万元，其中：无偿划拨调出13.89万元，无偿划拨调入211.61万元，处置54.05万元。", ["amount 固定资产 - 2219.88万元", "amount 无偿划拨调出 - 13.89万元", "amount 无偿划拨调入 - 211.61万元", "amount 处置 - 54.05万元"]],
  ["三公经费支出537.77万元，其中公务接待费156.94万元、因公出国（境）费用0万元、公务用车购置及运行费380.83万元(公务用车购置费272.63万元，公务用车运行维护费108.2万元)。", ["amount sangong exec 537.77万元", "amount reception exec 156.94万元", "amount abroad exec 0万元", "amount car exec 380.83万元", "amount carPurchase exec 272.63万元", "amount carRun exec 108.2万元"]],
  ["2020年我单位项目共12个，项目资金共2656.13万元，实际支付2075.73万元，由县财政拨款。", ["amount project budget 2656.13万元", "amount project exec 2075.73万元"]],
  ["拍卖所得款项736200元已上缴国库。", ["amount 拍卖所得款项 - 736200元"]],
  ["县机关事务中心2023年全年预算收入954.81万元，实际收入954.81万元，其中一般公共预算财政拨款收入954.81万元。", ["amount 全年预算收入 - 954.81万元", "amount 实际收入 - 954.81万元", "amount fiscal exec 954.81万元"]],
  ["全年实际支出总数为954.81万元，其中基本支出130.62万元、项目支出824.19万元，预算执行率为100%。", ["amount 实际支出总数 - 954.81万元", "amount basic exec 130.62万元", "amount project exec 824.19万元", "rate project exec 100%"]],
  ["本年度“三公”经费支出45.6万元，较上年减少3.2万元，下降6.56%。", ["amount sangong exec 45.6万元", "change sangong - 3.2万元", "rate sangong growth- 6.56%"]],
  ["2023年度一般公共预算“三公”经费支出12.35万元，比上年增加1.05万元，增长9.29%。", ["amount 一般公共预算三公经费 exec 12.35万元", "change 一般公共预算三公经费 + 1.05万元", "rate 一般公共预算三公经费 growth+ 9.29%"]],
  ["我局2023年部门决算支出总计3,256.78万元，其中基本支出2,100.50万元，项目支出1,156.28万元。", ["amount 决算支出总计 exec 3256.78万元", "amount basic exec 2100.5万元", "amount project exec 1156.28万元"]],
  ["因公出国（境）费用0元，与上年持平。", ["amount abroad exec 0元"]],
  ["公务接待费8.62万元，同比下降12.5%。", ["amount reception exec 8.62万元", "rate reception growth- 12.5%"]],
  ["公务用车购置及运行维护费30.15万元，其中：公务用车购置费0万元，公务用车运行维护费30.15万元。", ["amount car exec 30.15万元", "amount carPurchase exec 0万元", "amount carRun exec 30.15万元"]],
  ["会议费2.4万元，培训费3.6万元。", ["amount meeting exec 2.4万元", "amount training exec 3.6万元"]],
  ["项目资金到位率100%，预算执行率95.36%。", ["rate 项目资金到位率 - 100%", "rate 项目资金到位率 exec 95.36%"]],
  ["年度资金总额为1,200.00万元，全年执行数1,143.2万元，执行率95.27%。", ["amount fundsTotal budget 1200万元", "amount fundsTotal exec 1143.2万元", "rate fundsTotal exec 95.27%"]],
  ["自评得分为95.5分，评分等级为「优」。", ["score 95.5分", "grade 优"]],
  ["经综合评价，该项目自评得分92分，评价等级为优秀。", ["score 92分", "grade 优秀"]],
  ["本项目绩效评价总分为78.5分，等级为“中”。", ["score 78.5分", "grade 中"]],
  ["综合得分58分，评价结果为“差”。", ["score 58分", "grade 差"]],
  ["部门整体支出绩效自评得分100分，自评等级为“优”。", ["score 100分", "grade 优"]],
  ["2023年度收入合计1,865.20万元，其中财政拨款收入1,800.00万元，其他收入65.20万元。", ["amount incomeTotal exec 1865.2万元", "amount fiscal exec 1800万元", "amount otherIncome exec 65.2万元"]],
  ["2023年度支出合计1,865.20万元，分别为基本支出1,265.20万元、项目支出600.00万元。", ["amount expenseTotal exec 1865.2万元", "amount basic exec 1265.2万元", "amount project exec 600万元"]],
  ["年初预算数500万元，全年预算数650万元，全年执行数602.15万元，执行率92.64%。", ["amount ? initial 500万元", "amount ? annual 650万元", "amount ? exec 602.15万元", "rate ? exec 92.64%"]],
  ["人员经费支出1,021.53万元，占基本支出的86.7%。", ["amount personnel exec 1021.53万元", "rate personnel share 86.7%"]],
  ["公用经费156.82万元，比上年减少20.15万元，主要原因是压减一般性支出。", ["amount public exec 156.82万元", "change public - 20.15万元"]],
  ["上年度人员经费为980.12万元，本年度人员经费为1,021.53万元，较上年增加41.41万元。", ["amount personnel exec 980.12万元@prev", "amount personnel exec 1021.53万元", "change personnel + 41.41万元"]],
  ["2022年项目支出300万元，2023年项目支出355.5万元，增长18.5%。", ["amount project exec 300万元@prev", "amount project exec 355.5万元", "rate project growth+ 18.5%"]],
  ["“三公”经费年初预算38万元，实际支出35.26万元，预算执行率92.79%。", ["amount sangong initial 38万元", "amount sangong exec 35.26万元", "rate sangong exec 92.79%"]],
  ["全年共安排项目资金180万元，实际到位180万元，实际支出176.4万元，执行率98%。", ["amount 安排项目资金 budget 180万元", "amount 安排项目资金 budget 180万元", "amount 安排项目资金 exec 176.4万元", "rate 安排项目资金 exec 98%"]],
  ["本年支出合计6,313.59万元，较年初预算增加1,250.21万元。", ["amount expenseTotal exec 6313.59万元", "change expenseTotal + 1250.21万元"]],
  ["项目总投资1,500万元，其中：中央资金800万元、省级资金400万元、市级配套300万元。", ["amount project budget 1500万元", "amount 中央资金 - 800万元", "amount 省级资金 - 400万元", "amount 市级配套 - 300万元"]],
  ["2023年收入总计2,345.67万元，支出总计2,345.67万元。", ["amount incomeTotal exec 2345.67万元", "amount expenseTotal exec 2345.67万元"]],
  ["年末结转和结余0.00万元。", ["amount carryOut exec 0万元"]],
  ["年初结转和结余12.5万元。", ["amount carryIn exec 12.5万元"]],
  ["政府性基金预算财政拨款收入50万元。", ["amount govFund exec 50万元"]],
  ["一般公共预算财政拨款收入 1,234.56 万元。", ["amount fiscal exec 1234.56万元"]],
  ["基本支出８９０．１２万元，项目支出３４４．４４万元。", ["amount basic exec 890.12万元", "amount project exec 344.44万元"]],
  ["项目支出 1 055.73 万元。", ["amount project exec 1055.73万元"]],
  ["会议费支出约5万元。", ["amount meeting exec 5万元~"]],
  ["人均补助标准每人每月300元。", ["amount 人均补助标准每人每月 - 300元~"]],
  ["培训费不超过10万元。", ["amount 培训费不超过 - 10万元~"]],
  ["城区机关食堂补助 150 万元，实际支出为 125 万元，执行率 83.33%。", ["amount 城区机关食堂补助 budget 150万元", "amount 城区机关食堂补助 exec 125万元", "rate 城区机关食堂补助 exec 83.33%"]],
  ["置业大厦正常运转费用 900.9 万元，实际支出 577.389141 万元，执行率 64.09%。", ["amount 置业大厦正常运转费用 budget 900.9万元", "amount 置业大厦正常运转费用 exec 577.389141万元", "rate 置业大厦正常运转费用 exec 64.09%"]],
  ["四大联检费用为 1479 万元，实际支出为 867.737536 万元，执行率为 58.67%。", ["amount 四大联检费用 budget 1479万元", "amount 四大联检费用 exec 867.737536万元", "rate 四大联检费用 exec 58.67%"]],
  ["2023 临港商务区机关人员伙食补助工作经费 2249.136 万元，实际支出 1874.28 万元，执行率 83.33%。", ["amount 2023临港商务区机关人员伙食补助工作经费 budget 2249.136万元", "amount 2023临港商务区机关人员伙食补助工作经费 exec 1874.28万元", "rate 2023临港商务区机关人员伙食补助工作经费 exec 83.33%"]],
  ["公务用车运行维护费年初预算数18.00万元，决算数17.99万元，预决算差异率为-0.06%。", ["amount carRun initial 18万元", "amount carRun exec 17.99万元", "rate carRun variance -0.06%"]],
  ["公务接待费年初预算220万元，决算83.94万元，预决算差异率-61.85%。", ["amount reception initial 220万元", "amount reception exec 83.94万元", "rate reception variance -61.85%"]],
  ["部门预算收入618.42万元，其中：一般公共预算财政拔款收入618.42万元。", ["amount 预算收入 - 618.42万元", "amount 一般公共预算财政拔款收入 - 618.42万元"]],
  ["基本支出169.42万元（人员经费151.27万元，公用经费18.15万元），项目支出449万元。", ["amount basic exec 169.42万元", "amount personnel exec 151.27万元", "amount public exec 18.15万元", "amount project exec 449万元"]],
  ["全年预算数2170.2万元，全年执行数2170.19万元，执行率100%。", ["amount ? annual 2170.2万元", "amount ? exec 2170.19万元", "rate ? exec 100%"]],
  ["部门整体支出预算执行率为99.99%。", ["rate 整体支出 exec 99.99%"]],
  ["本年度公务接待费支出4.52万元，较上年增加0.8万元，增长21.51%。", ["amount reception exec 4.52万元", "change reception + 0.8万元", "rate reception growth+ 21.51%"]],
  ["因公出国（境）费支出0万元，较上年持平。", ["amount abroad exec 0万元"]],
  ["本年度公务用车运行维护费12.6万元，较上年下降2.4万元。", ["amount carRun exec 12.6万元", "change carRun - 2.4万元"]],
  ["公务用车购置费本年支出25万元。", ["amount carPurchase exec 25万元"]],
  ["2023年度决算总支出1,088.90万元，比2022年度的1,002.34万元增加86.56万元。", ["amount 决算总支出 exec 1088.9万元", "amount 决算总支出 exec 1002.34万元@prev", "change 决算总支出 + 86.56万元@prev"]],
  ["全年支出1,088.90万元，其中基本支出801.23万元，占总支出的73.58%；项目支出287.67万元，占总支出的26.42%。", ["amount ? exec 1088.9万元", "amount basic exec 801.23万元", "rate basic share 73.58%", "amount project exec 287.67万元", "rate project share 26.42%"]],
  ["本年收入合计988.00万元，比上年下降5.2%。", ["amount incomeTotal exec 988万元", "rate incomeTotal growth- 5.2%"]],
  ["资金总额300万元，其中财政拨款300万元。", ["amount fundsTotal budget 300万元", "amount fiscal exec 300万元"]],
  ["该项目年初预算资金80万元，全年预算资金95万元，实际执行92.15万元，预算执行率97%。", ["amount 该项目 initial 80万元", "amount 该项目 annual 95万元", "amount 该项目 exec 92.15万元", "rate 该项目 exec 97%"]],
  ["项目资金共计560.3万元，其中：中央补助资金400万元，省级补助资金160.3万元。", ["amount project budget 560.3万元", "amount 中央补助资金 - 400万元", "amount 省级补助资金 - 160.3万元"]],
  ["三公经费支出995万元，其中公务接待费38万元、公务用车运行维护费958万元。", ["amount sangong exec 995万元", "amount reception exec 38万元", "amount carRun exec 958万元"]],
  ["部门决算收入5,000.00元，支出4,800.00元。", ["amount 决算收入 - 5000元", "amount 支出 exec 4800元"]],
  ["本年度全部项目支出1,200万元，占总支出的32.4%。", ["amount 全部项目支出 exec 1200万元", "rate 全部项目支出 share 32.4%"]],
  ["人员经费实际支出820.13万元，公用经费实际支出3,836.86万元。", ["amount personnel exec 820.13万元", "amount public exec 3836.86万元"]],
  ["2023年度我中心公用经费支出3,836.86万元。", ["amount public exec 3836.86万元"]],
  ["上年结转结余资金15.2万元。", ["amount 上年结转结余资金 - 15.2万元"]],
  ["本年度基本支出较上年增加12.3%。", ["rate basic growth+ 12.3%"]],
  ["绩效评价得分88.25分，评价等级“良好”。", ["score 88.25分", "grade 良好"]],
  ["自评总分90分，等级为优。", ["score 90分", "grade 优"]],
  ["最终得分为79.6分，评价等级为“中”。", ["score 79.6分", "grade 中"]],
  ["经评价，该项目得分为60分，等级为“合格”。", ["score 60分", "grade 合格"]],
  ["该单位得分为59.5分，等级为“差”。", ["score 59.5分", "grade 差"]],
  ["部门整体绩效评价得分为 96 分，评价等级为 “优”。", ["score 96分", "grade 优"]],
  ["项目总经费 2698 万元。", ["amount project budget 2698万元"]],
  ["预算执行率≤100%。", ["rate 预算执行率≤ - 100%~"]],
  ["资金到位率 100%，项目验收合格率 100%。", ["rate 资金到位率 - 100%", "rate 项目验收合格率 - 100%"]],
  ["2024年计划安排预算资金300万元。", ["amount 计划安排 budget 300万元@unknown"]],
  ["下达资金共计1.2亿元，实际拨付1.18亿元，执行率98.33%。", ["amount ? budget 1.2亿元", "amount ? exec 1.18亿元", "rate ? exec 98.33%"]],
  ["公务用车购置及运行维护费支出28.36万元，其中：公务用车购置费0万元、公务用车运行维护费28.36万元。", ["amount car exec 28.36万元", "amount carPurchase exec 0万元", "amount carRun exec 28.36万元"]],
  ["全年项目支出执行数为476.53万元，执行率为87.65%。", ["amount project exec 476.53万元", "rate project exec 87.65%"]],
  ["2023年度项目支出全年预算数为543.68万元。", ["amount project annual 543.68万元"]],
  ["基本支出决算数为1,633.57万元。", ["amount basic exec 1633.57万元"]],
  ["三公经费决算数为20.5万元，年初预算数为25万元。", ["amount sangong exec 20.5万元", "amount sangong initial 25万元"]],
  ["较上年增加主要是因为人员增加。", []],
  ["收入预算为1,028.36万元，支出预算为1,028.36万元。", ["amount 收入 budget 1028.36万元", "amount 支出 budget 1028.36万元"]],
  ["项目资金已全部到位，共计320万元。", ["amount ? - 320万元"]],
  ["本年支出1,865.20万元，占全年预算的95.8%。", ["amount ? exec 1865.2万元", "rate ? share 95.8%"]],
  ["本年度招待费用2.3万元。", ["amount 招待费用 - 2.3万元"]],
  ["本年度公务接待费用支出2.3万元。", ["amount reception exec 2.3万元"]],
  ["2023年办公费支出23.5万元，印刷费5.2万元，水电费12.8万元。", ["amount 办公费 exec 23.5万元", "amount 印刷费 - 5.2万元", "amount 水电费 - 12.8万元"]],
  ["其中，人员经费1,021.53万元，公用经费156.82万元。", ["amount personnel exec 1021.53万元", "amount public exec 156.82万元"]],
  ["全年实际支出金额为88.8万元，项目资金执行率为88.8%。", ["amount ? exec 88.8万元", "rate project exec 88.8%"]],
];

describe('the claim extractor', () => {
  it('reads at least 100 sentences', () => expect(SENTENCES.length).toBeGreaterThanOrEqual(100));

  it.each(SENTENCES)('%s', (sentence, expected) => {
    expect(brief(sentence)).toEqual(expected);
  });

  it('keeps the printed precision and the unit of each figure', () => {
    const [a, b] = figuresIn(normalizeText('项目年初预算金额为70.20万元，补助201600元'));
    expect([a.value.toString(), a.places, a.unit, a.text]).toEqual(['70.2', 2, '万元', '70.20万元']);
    expect([b.value.toString(), b.places, b.unit]).toEqual(['201600', 0, '元']);
  });

  it('reads full-width digits, thin spaces and a minus sign, but not a dash between figures', () => {
    expect(figuresIn(normalizeText('１，０５５．７３万元')).map((f) => f.value.toString())).toEqual(['1055.73']);
    expect(figuresIn(normalizeText('1\u2009055.73万元')).map((f) => f.value.toString())).toEqual(['1055.73']);
    expect(figuresIn(normalizeText('差异率为－61.85％')).map((f) => f.value.toString())).toEqual(['-61.85']);
    expect(figuresIn(normalizeText('8-12月保安服务费30.40万元')).map((f) => f.value.toString())).toEqual(['30.4']);
  });

  it('does not take 分别, 分类 or 分钟 for a score, nor a count or a year for an amount', () => {
    expect(brief('按支出性质分类：共12个项目，2023年完成会议30分钟')).toEqual([]);
  });

  it('keeps 上年度 apart from 本年 and a later sentence that names no period is of either', () => {
    const read = readParagraph('2023年基本支出4,656.99万元。上年度基本支出为3,174.44万元。公用经费实际支出3,174.44万元。', 2023);
    expect(read.sentences.map((s) => s.claims.map((c) => c.period.rel))).toEqual([['current'], ['prev'], ['unknown']]);
  });

  it('reads a year before the report\'s in a paragraph that compares nothing as a slip of the year', () => {
    const [c] = readParagraph('2020年我单位项目共12个，项目资金共2656.13万元。', 2021).sentences[0].claims;
    expect(c.period).toEqual({ rel: 'current', year: 2020, slip: true });
    const [d] = readParagraph('2020年项目资金2656.13万元，比上年增加10万元。', 2021).sentences[0].claims;
    expect(d.period.rel).toBe('prev');
  });
});
