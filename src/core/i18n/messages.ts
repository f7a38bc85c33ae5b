import type { Lang, Params } from '../rules/types';
import { plainSigns } from './shown';

type Catalogue = Record<string, { 'zh-CN': string; 'en-US': string }>;

/** Finding messages by rule id (and `rule:variant`), with `{name}` placeholders. */
export const MESSAGES: Catalogue = {
  'value.text-number': { 'zh-CN': '{label}：“{text}”是以文本存储的数字，按 {value} 读取', 'en-US': '{label}: “{text}” is a number stored as text; read as {value}' },
  'value.not-number': { 'zh-CN': '{label}：“{text}”不是数字', 'en-US': '{label}: “{text}” is not a number' },
  'value.not-number:exponent': { 'zh-CN': '{label}：“{text}”是科学计数法，不是填报的数字', 'en-US': '{label}: “{text}” is in exponent notation, not a figure as a form states it' },
  'value.not-number:stored': { 'zh-CN': '{label}：单元格中存储的数值无效（不是有限的数字），无法读取', 'en-US': '{label}: the number stored in the cell is not a finite number and cannot be read' },
  'value.missing': { 'zh-CN': '{label} 未填写', 'en-US': '{label} is empty' },
  'value.missing:weights': { 'zh-CN': '{n} 项指标的分值均未填写', 'en-US': 'none of the {n} indicators has a weight' },
  'value.missing:scores': { 'zh-CN': '{n} 项指标已填实际完成值，但均未评分', 'en-US': '{n} indicators have an actual, but none is scored' },
  'value.missing:inputs': { 'zh-CN': '{n} 项指标的实际完成值与得分均未填写', 'en-US': 'none of the {n} indicators has an actual or a score' },
  'basic.sum': { 'zh-CN': '{row} {col} {actual} ≠ 下级合计 {expected}', 'en-US': '{row} {col} {actual} ≠ sum of its items {expected}' },
  'basic.part': { 'zh-CN': '{row} {col} {actual} 小于其中项合计 {expected}', 'en-US': '{row} {col} {actual} is less than its 其中 items {expected}' },
  'basic.rate': { 'zh-CN': '{label} 填报 {actualPct}，应为 {expectedPct}（{formula}）', 'en-US': '{label} is {actualPct}, should be {expectedPct} ({formula})' },
  'basic.staff-over': { 'zh-CN': '实际在职人数 {actual} 超过编制数 {quota}（控制率 {rate}）', 'en-US': 'staff in post {actual} exceeds the establishment {quota} (control rate {rate})' },
  'basic.building-over': { 'zh-CN': '{label} {rate} 超过 100%', 'en-US': '{label} {rate} is over 100%' },
  'basic.sangong-over-budget': { 'zh-CN': '{row} 本年决算 {actual} 超过本年预算 {budget}', 'en-US': '{row}: final account {actual} exceeds the budget {budget}' },
  'basic.sangong-increase': { 'zh-CN': '三公经费 本年决算 {actual} 高于上年决算 {prev}（变动率 {rate}）', 'en-US': '三公经费 rose from {prev} to {actual} ({rate})' },
  'basic.budget-variance': { 'zh-CN': '{row} 预决算差异率 {rate}，超过 ±{threshold}', 'en-US': '{row}: budget-to-final variance {rate} exceeds ±{threshold}' },
  'self.exec-rate': { 'zh-CN': '{label} 填报 {actualPct}，应为 {expectedPct}（全年执行数 {exec} ÷ 全年预算数 {annual}）', 'en-US': '{label} is {actualPct}, should be {expectedPct} (executed {exec} ÷ annual budget {annual})' },
  'self.exec-rate:zero': { 'zh-CN': '{label} 填报 {actualPct}，但全年预算数与全年执行数均为 0，应为 0 或不适用', 'en-US': '{label} is {actualPct}, but both the budget and the amount executed are 0: it should be 0 or not applicable' },
  'self.exec-score': { 'zh-CN': '{label} 预算执行率得分 填报 {actual}，应为 {expected}（分值 {weight} × min(执行率 {rate}, 100%)）', 'en-US': '{label}: budget-execution score is {actual}, should be {expected} (weight {weight} × min(rate {rate}, 100%))' },
  'self.overspend': { 'zh-CN': '{label} 全年执行数 {exec} 超过预算数 {annual}（执行率 {rate}），请说明超支原因', 'en-US': '{label}: {exec} executed is more than the budget {annual} (execution {rate}); the overspending needs an explanation' },
  'self.overspend:full': { 'zh-CN': '{label} 全年执行数 {exec} 超过预算数 {annual}（执行率 {rate}），预算执行率却仍得满分 {score}', 'en-US': '{label}: {exec} executed is more than the budget {annual} (execution {rate}), yet the execution score is still full marks ({score})' },
  'self.overspend:zero': { 'zh-CN': '{label} 预算数为 0，全年执行数却为 {exec}，请说明资金来源', 'en-US': '{label}: nothing was budgeted, yet {exec} was executed; say where the money came from' },
  'self.overspend:zero-full': { 'zh-CN': '{label} 预算数为 0，全年执行数却为 {exec}，预算执行率仍得满分 {score}', 'en-US': '{label}: nothing was budgeted, yet {exec} was executed and the execution score is full marks ({score})' },
  'self.funds-double': { 'zh-CN': '{label} 重复填列了{total}的分值 {weight}（得分 {score}）：预算执行率只应计分一次', 'en-US': '{label} repeats the {weight} points of {total} (score {score}): budget execution is scored once only' },
  'self.funds-double:zero': { 'zh-CN': '{label} 全年预算数和全年执行数均为 0，却得分 {score}（分值 {weight}）', 'en-US': '{label}: nothing was budgeted or executed, yet it scores {score} (weight {weight})' },
  'self.claims-vs-spend': { 'zh-CN': '{label} 预算执行率仅 {rate}（执行 {exec} / 预算 {annual}），而 {n} 项产出指标全部满分或全部完成：请说明资金未执行而产出已完成的原因', 'en-US': '{label}: only {rate} of the budget was executed ({exec} of {annual}), yet all {n} output indicators are at full marks or complete; explain how the outputs were delivered without the money' },
  // text.* (a report's narrative against its tables): rules/text.ts
  'text.claim:table': { 'zh-CN': '第{n}段「{start}」：{subject}{measure} {stated} 与 {source} 的 {expected} 不一致', 'en-US': 'paragraph {n} “{start}”: {subject}{measure} {stated} differs from {expected} in {source}' },
  'text.claim:table-year': { 'zh-CN': '第{n}段「{start}」：{subject}{measure} {stated} 与 {source} 的 {expected} 不一致；该段写的是{year}年，若年份笔误，两处数字也应一致', 'en-US': 'paragraph {n} “{start}”: {subject}{measure} {stated} differs from {expected} in {source}; the paragraph says {year}: if the year is a slip, the figures should agree too' },
  'text.claim:own': { 'zh-CN': '第{n}段「{start}」：{subject}{measure} {stated} 与本段 {from} 算得的 {expected} 不一致', 'en-US': 'paragraph {n} “{start}”: {subject}{measure} {stated}, but {from} in the same paragraph gives {expected}' },
  'text.claim:repeat': { 'zh-CN': '第{n}段「{start}」：{subject}{measure} {stated} 与第{m}段所述 {expected} 不一致（前后数据不一致）', 'en-US': 'paragraph {n} “{start}”: {subject}{measure} {stated} differs from {expected} stated in paragraph {m}' },
  'text.sum': { 'zh-CN': '第{n}段「{start}」：{subject} {stated} 与所列各项之和 {expected} 不一致（{parts}）', 'en-US': 'paragraph {n} “{start}”: {subject} {stated} differs from the sum of the parts listed, {expected} ({parts})' },
  'text.sum:more': { 'zh-CN': '第{n}段「{start}」：其中所列各项之和 {expected} 超过{subject} {stated}（{parts}）', 'en-US': 'paragraph {n} “{start}”: the parts listed add up to {expected}, more than {subject} {stated} ({parts})' },
  'text.claim:title': { 'zh-CN': '项目名称中的金额 {amount} 与{label}（{budget} {unit}）不一致', 'en-US': 'the project name states {amount}, but {label} shows {budget} {unit}' },
  'self.claims-vs-spend:cost': { 'zh-CN': '{name} 实际完成值 {actual} 等于全年预算数 {annual} {unit}，而{label}只执行了 {exec} {unit}：成本应按实际支出填报', 'en-US': '{name}: the actual {actual} equals the whole budget {annual} {unit}, but {label} shows only {exec} {unit} spent; a cost is what was spent' },
  'self.funds-split': { 'zh-CN': '{nature}合计 {actual} ≠ 年度资金总额 {column} {expected}', 'en-US': 'split by {nature} adds to {actual} ≠ total {column} {expected}' },
  'self.budget-adjust': { 'zh-CN': '全年预算数 {annual} 较年初预算数 {initial} 调整 {rate}，超过 ±{threshold}', 'en-US': 'annual budget {annual} differs from the initial budget {initial} by {rate}, over ±{threshold}' },
  'self.score-cap': { 'zh-CN': '{name} 得分 {actual} 超出 0～{weight}', 'en-US': '{name}: score {actual} is outside 0–{weight}' },
  'self.score-cap:funds': { 'zh-CN': '{name} 预算执行率得分 {actual} 超出 0～{weight}', 'en-US': '{name}: the budget-execution score {actual} is outside 0–{weight}' },
  'self.score-cap:weight': { 'zh-CN': '{name} 分值 {weight} 为负数', 'en-US': '{name}: the weight {weight} is negative' },
  'self.score-rule': { 'zh-CN': '{name} 得分 {actual}，按评分规则应为 {expected}（{basis}）', 'en-US': '{name}: score {actual}, the scoring rule gives {expected} ({basis})' },
  'self.completion-rate': { 'zh-CN': '{name} 完成率 填报 {actualPct}，应为 {expectedPct}（目标值 {target}，业绩值 {value}）', 'en-US': '{name}: completion {actualPct}, should be {expectedPct} (target {target}, actual {value})' },
  'self.double-score': { 'zh-CN': '{name} 已计 {score} 分，其下级指标（{first} 等 {n} 项）又计 {childSum} 分：同一指标重复计分', 'en-US': '{name} scores {score} and its {n} sub-indicators ({first} …) score {childSum} more: the same indicator is counted twice' },
  'self.level-weight': { 'zh-CN': '{level} 下级分值合计 {actual} ≠ {expected}', 'en-US': '{level}: weights of its indicators add to {actual} ≠ {expected}' },
  'self.level-score-cap': { 'zh-CN': '{level} 得分合计 {actual} 超过其权重 {expected}', 'en-US': '{level}: scores add to {actual}, over its weight {expected}' },
  'self.level-score-cap:guide': { 'zh-CN': '{level} 得分合计 {actual}，超过评分方案中该级指标的权重 {expected}（表中未列分值），请核实是否未封顶', 'en-US': '{level}: scores add up to {actual}, more than the weight {expected} the scoring scheme gives it (the form prints no weights); check whether they were capped' },
  'self.weight-total': { 'zh-CN': '全部分值合计 {actual} ≠ {expected}', 'en-US': 'all weights add to {actual} ≠ {expected}' },
  'self.weight-total:stated': { 'zh-CN': '总分行分值 {actual} ≠ 分值合计 {expected}', 'en-US': 'the 总分 row states weights of {actual} ≠ their sum {expected}' },
  'self.total': { 'zh-CN': '总分 {actual} ≠ 各项得分合计 {expected}', 'en-US': 'total {actual} ≠ sum of the scores {expected}' },
  'self.grade': { 'zh-CN': '等级“{actual}”与总分 {total} 对应的等级“{expected}”不符', 'en-US': 'grade “{actual}” does not match the band of total {total}: “{expected}”' },
  'self.deviation-missing': { 'zh-CN': '{name} 未完全达成（得分 {score}/{weight}），未填写偏差原因分析及改进措施', 'en-US': '{name} is not fully achieved ({score}/{weight}) and has no deviation analysis' },
  'self.deviation-missing:rule': { 'zh-CN': '{name} 未完全达成（按评分规则得分 {score}/{weight}），未填写偏差原因分析及改进措施', 'en-US': '{name} is not fully achieved (the scoring rule gives {score}/{weight}) and has no deviation analysis' },
  'self.deviation-missing:missed': { 'zh-CN': '{name} 未达到目标（目标 {target}，实际 {actual}），未填写偏差原因分析及改进措施', 'en-US': '{name} missed its target ({target}, actual {actual}) and has no deviation analysis' },
  'self.overachieve': { 'zh-CN': '{name} 实际完成 {actual} 达到目标 {target} 的 {ratio}，未说明原因', 'en-US': '{name}: actual {actual} is {ratio} of target {target}, with no explanation' },
  'self.target-direction': { 'zh-CN': '{name} 是{nature}指标，目标“{target}”方向相反', 'en-US': '{name} is {nature}, but the target “{target}” points the other way' },
  'self.target-parse': { 'zh-CN': '{name} 的{which}“{text}”无法识别', 'en-US': '{name}: the {which} “{text}” cannot be read' },
  'self.exec-rate:coarse': { 'zh-CN': '{label} 填报“{text}”过于粗略：实际为 {exactPct}，旁边的得分 {score} 也是按 {exactPct} 计算的，请按实际执行率填报', 'en-US': '{label}: “{text}” is too coarse; the rate is {exactPct}, and the score beside it ({score}) was worked out from {exactPct}; state the rate as it is' },
  'self.target-parse:multi': { 'zh-CN': '{name} 的{which}“{text}”中有几个数值（{figures}），不能作为一个指标值评分；请拆分为几个指标，或写明按哪一个考核', 'en-US': '{name}: the {which} “{text}” holds several figures ({figures}) and cannot be scored as one; split it into one indicator per figure, or say which one counts' },
  'self.target-parse:doubled': { 'zh-CN': '{name} 的{which}“{text}”把比较符号“{op}”写了两遍，按一个“{op}”读取', 'en-US': '{name}: the {which} “{text}” writes the sign “{op}” twice; it is read once' },
  'self.actual-restates': { 'zh-CN': '{name} 的实际完成值“{actual}”只是重复了目标“{target}”的写法，带着比较符号，不是实际完成的数值；请填写实际测得的数值', 'en-US': '{name}: the actual “{actual}” only restates the target “{target}” with its comparison sign instead of a measured value; enter the value actually achieved' },
  'self.actual-not-number': { 'zh-CN': '{name} 的目标“{target}”是数值，实际完成值却填的是文字“{actual}”，并给了满分（{score}/{weight}）；请填写实际完成的数值，据此评分', 'en-US': '{name}: the target “{target}” is a figure, but the actual is the words “{actual}”, scored in full ({score}/{weight}); enter the figure achieved and score by it' },
  'self.actual-not-number:none': { 'zh-CN': '{name} 的目标“{target}”要求达到一个数值，实际完成值“{actual}”即为 0，却给了满分（{score}/{weight}）；请填写实际完成的数值，或说明原因', 'en-US': '{name}: the target “{target}” asks for at least a figure, but the actual “{actual}” means none, scored in full ({score}/{weight}); enter the figure achieved or explain' },
  'self.unit-kind': { 'zh-CN': '{name} 的目标“{target}”（单位：{targetUnit}）与实际完成值“{actual}”（单位：{actualUnit}）单位不同，不能比较，得分未核对；请按目标的单位填写实际完成值', 'en-US': '{name}: the target “{target}” (in {targetUnit}) and the actual “{actual}” (in {actualUnit}) are in different units and cannot be compared, so the score was not checked; enter the actual in the target’s unit' },
  'self.unit-kind:percent': { 'zh-CN': '{name} 的目标“{target}”（{targetUnit}）与实际完成值“{actual}”（{actualUnit}）一个是百分比、一个是数量或金额，不能比较，得分未核对；请按目标的单位填写实际完成值，或写明百分比是什么的比例', 'en-US': '{name}: of the target “{target}” ({targetUnit}) and the actual “{actual}” ({actualUnit}), one is a percentage and the other a count or amount, so they cannot be compared and the score was not checked; enter the actual in the target’s unit, or say what the percentage is a share of' },
  'self.unit-kind:sum': { 'zh-CN': '{name} 的{which}“{text}”是 {parts} 相加，单位不同（{units}），不能相加；请按单位分别填报', 'en-US': '{name}: the {which} “{text}” adds {parts}, in different units ({units}) that do not add up; state each unit on its own' },
  'self.unit-kind:points': { 'zh-CN': '{name} 的{which}“{text}”是分数，与本行{column}相同，像是把分值填进了指标值；请填写指标本身的数值', 'en-US': '{name}: the {which} “{text}” is in points, equal to this row’s {column}: score points typed into the figure; enter the indicator’s own value' },
  'cross.project-spend': { 'zh-CN': '自评表 项目支出 {actual} {selfUnit} ≠ 基础数据表 项目支出 本年决算数 {expected} {basicUnit}', 'en-US': '自评表 项目支出 {actual} {selfUnit} ≠ 基础数据表 项目支出 final {expected} {basicUnit}' },
  'cross.unit': { 'zh-CN': '两表不一致：基础数据表 {basic}，自评表 {self}', 'en-US': 'the tables disagree: 基础数据表 {basic}, 自评表 {self}' },
  'formula.error': { 'zh-CN': '{label} 显示错误值 {text}', 'en-US': '{label} shows the error {text}' },
  'formula.wrong-ref:extra': { 'zh-CN': '{label} 的公式 {formula} 引用了 {refs}，应为 {shape}（当前结果 {actual}，应为 {expected}）', 'en-US': '{label}: {formula} reads {refs}; it should be {shape} (now {actual}, should be {expected})' },
  'formula.wrong-ref:missing': { 'zh-CN': '{label} 的公式 {formula} 没有引用 {refs}，应为 {shape}（当前结果 {actual}，应为 {expected}）', 'en-US': '{label}: {formula} does not read {refs}; it should be {shape} (now {actual}, should be {expected})' },
  'formula.wrong-ref:computes': { 'zh-CN': '{label} 的公式 {formula} 算的不是 {shape}（当前结果 {actual}，应为 {expected}）', 'en-US': '{label}: {formula} does not compute {shape} (now {actual}, should be {expected})' },
  'formula.omits': { 'zh-CN': '{label} 的公式 {formula} 漏掉了 {refs}，应为 {shape}（当前结果 {actual}，应为 {expected}）', 'en-US': '{label}: {formula} leaves out {refs}; it should be {shape} (now {actual}, should be {expected})' },
  'formula.hardcoded': { 'zh-CN': '{label} 是手填的常数 {actual}，模板此处应为公式 {shape}（计算值 {expected}）', 'en-US': '{label} is a typed constant {actual}; the template computes {shape} here ({expected})' },
  // table.* (any budget table): rules/table.ts
  'table.sum': { 'zh-CN': '{row} {column} 为 {actual}，下级各项之和为 {expected}', 'en-US': '{row}, {column}: {actual}, but its items add up to {expected}' },
  'table.sum:columns': { 'zh-CN': '{row} {column} 为 {actual}，{parts} 之和为 {expected}', 'en-US': '{row}, {column}: {actual}, but {parts} add up to {expected}' },
  'table.part': { 'zh-CN': '{row} {column} 为 {actual}，小于其中各项之和 {expected}', 'en-US': '{row}, {column}: {actual}, less than its 其中 parts, which add up to {expected}' },
  'table.rate': { 'zh-CN': '{row} {column} 填报 {actualPct}，应为 {expectedPct}（{formula}）', 'en-US': '{row}, {column}: {actualPct}, should be {expectedPct} ({formula})' },
  'table.rate:amount': { 'zh-CN': '{row} {column} 填报 {actual}，应为 {expected}（{formula}）', 'en-US': '{row}, {column}: {actual}, should be {expected} ({formula})' },
  'table.balance': { 'zh-CN': '{left} {a} 与 {right} {b} 不相等（{column}）', 'en-US': '{left} {a} and {right} {b} differ ({column})' },
  'table.balance:carry': { 'zh-CN': '年初结转与本年收入之和 {a}，不等于本年支出与年末结转之和 {b}（{column}）', 'en-US': 'carry-over in plus this year’s income, {a}, differs from spending plus carry-over out, {b} ({column})' },
  'table.balance:assets': { 'zh-CN': '{row} {column} 为 {actual}，原值减累计折旧为 {expected}', 'en-US': '{row}, {column}: {actual}, but gross value less depreciation is {expected}' },
  'formula.inconsistent': { 'zh-CN': '{label} 的公式 {formula} 与同组公式形状不同（如 {at} 的 {example}）', 'en-US': '{label}: {formula} differs in shape from its block (e.g. {example} in {at})' },
  'formula.stale': { 'zh-CN': '{label} 的公式 {formula} 缓存结果为 {actual}，按当前数据应为 {expected}（工作簿未重新计算？）', 'en-US': '{label}: {formula} shows {actual}, but computes {expected} on the current inputs (not recalculated?)' },
  'workbook.no-tables': { 'zh-CN': '未找到基础数据表或自评表', 'en-US': 'No basic data table (基础数据表) or self-evaluation table (自评表) found' },
  'workbook.no-tables:document': { 'zh-CN': '报告中未找到基础数据表、自评表或其他可核对的预算表；只核对了正文中的数字', 'en-US': 'The report holds no basic data table (基础数据表), self-evaluation table (自评表) or other budget table that could be checked; only the figures of its text were checked' },
  'workbook.no-tables:budget': { 'zh-CN': '未找到基础数据表或自评表；已按一般预算表检查 {n} 张表', 'en-US': 'No basic data table (基础数据表) or self-evaluation table (自评表) found; {n} other budget tables were checked' },
  'workbook.ambiguous': { 'zh-CN': '{table}：{what}。{hint}', 'en-US': '{table}: {what}. {hint}' },
  // The piece list is rendered by the rule in both languages (a finding's params are language-free strings).
  'workbook.state': { 'zh-CN': '工作簿中保存的加载项状态无效，已忽略 {n} 项：{zh}', 'en-US': 'the add-in state stored in the workbook is invalid; {n} piece(s) ignored: {en}' },
};

/** Other strings shared by the CLI and the pane. */
export const TEXT: Catalogue = {
  'skipped.unknownRow': { 'zh-CN': '未识别的行“{label}”已跳过，请检查行标签', 'en-US': 'unrecognised row “{label}” was skipped; check its label' },
  'skipped.unlabelledRow': { 'zh-CN': '第 {row} 行有数字但没有行标签，已跳过', 'en-US': 'row {row} has numbers but no label and was skipped' },
  'skipped.missingColumn': { 'zh-CN': '缺少“{label}”列，相关检查已跳过', 'en-US': 'no “{label}” column; its checks were skipped' },
  'skipped.duplicateColumn': { 'zh-CN': '重复的“{label}”列已忽略', 'en-US': 'a second “{label}” column was ignored' },
  'skipped.missingBlock': { 'zh-CN': '未找到“{label}”，相关检查已跳过', 'en-US': '“{label}” not found; its checks were skipped' },
  'skipped.emptyBinding': { 'zh-CN': '手动指定的区域 {range}（{source}）中未找到该表，请在“表格”页为行列标签指定含义', 'en-US': 'no table was found in the range bound by hand, {range} ({source}); map its labels on the Tables page' },
  'skipped.bindOutside': { 'zh-CN': '手动指定的区域 {range}（{source}）不在工作表“{sheet}”有内容的单元格内，已忽略', 'en-US': 'the range bound by hand, {range} ({source}), holds none of the cells of sheet “{sheet}” and was ignored' },
  'skipped.bindNoSheet': { 'zh-CN': '手动指定的区域 {range}（{source}）所在的工作表“{sheet}”不存在，已忽略', 'en-US': 'the range bound by hand, {range} ({source}), is on a sheet “{sheet}” the workbook does not have, and was ignored' },
  // Read in the pane and in written reports: no command-line flag. The CLI's text output adds the `:cli` variant.
  'bindHint.basic': { 'zh-CN': '可在“表格”页选中该表区域，点“设为基础数据表”手动指定', 'en-US': 'select the table and choose “Bind as basic data table” on the Tables page' },
  'bindHint.self': { 'zh-CN': '可在“表格”页选中该表区域，点“设为自评表”手动指定', 'en-US': 'select the table and choose “Bind as self-evaluation table” on the Tables page' },
  'bindHint.basic:cli': { 'zh-CN': '命令行可用 --bind "{range}=basic"', 'en-US': 'on the command line, pass --bind "{range}=basic"' },
  'bindHint.self:cli': { 'zh-CN': '命令行可用 --bind "{range}=self"', 'en-US': 'on the command line, pass --bind "{range}=self"' },
  'skipped.missingTotal': { 'zh-CN': '未找到“总分”行', 'en-US': 'no 总分 row found' },
  compareWith: { 'zh-CN': '对照', 'en-US': 'compared with' },
  'table.basic': { 'zh-CN': '基础数据表', 'en-US': 'Basic data table (基础数据表)' },
  'table.self': { 'zh-CN': '自评表', 'en-US': 'Self-evaluation table (自评表)' },
  'table.budget': { 'zh-CN': '预算表', 'en-US': 'Budget table' },
  'severity.error': { 'zh-CN': '错误', 'en-US': 'Errors' },
  'severity.warning': { 'zh-CN': '警告', 'en-US': 'Warnings' },
  'severity.info': { 'zh-CN': '提示', 'en-US': 'Notes' },
  'nature.higher': { 'zh-CN': '越高越好的', 'en-US': 'higher-is-better' },
  'nature.lower': { 'zh-CN': '越低越好的', 'en-US': 'lower-is-better' },
  'which.target': { 'zh-CN': '年度指标值', 'en-US': 'target' },
  'which.actual': { 'zh-CN': '实际完成值', 'en-US': 'actual' },
  'basis.positive': { 'zh-CN': '正向指标：实际/目标 × 分值', 'en-US': 'positive: actual/target × weight' },
  'basis.reverse': { 'zh-CN': '反向指标：(1 − 超出比例) × 分值', 'en-US': 'reverse: (1 − excess) × weight' },
  'basis.equal': { 'zh-CN': '等于型指标', 'en-US': 'equal target' },
  'basis.achieved': { 'zh-CN': '定性指标已达成且未说明偏差，应得满分', 'en-US': 'qualitative target met with no deviation given: full marks' },
  'basis.weighted': { 'zh-CN': '权重 × min(完成率, 100%)', 'en-US': 'weight × min(completion, 100%)' },
  'basis.date': { 'zh-CN': '时限指标', 'en-US': 'deadline' },
  'basis.range': { 'zh-CN': '区间指标：实际值在目标区间内', 'en-US': 'range target: the actual lies within it' },
  'nature.income': { 'zh-CN': '按收入性质分', 'en-US': 'income nature' },
  'nature.expense': { 'zh-CN': '按支出性质分', 'en-US': 'expenditure nature' },
  'nature.source': { 'zh-CN': '按资金来源分', 'en-US': 'source of funds' },
};

/** Text taken from a workbook is shown at most this long in a message; the rest is an ellipsis. */
export const ECHO_LIMIT = 120;

/** A workbook's text cut to a sensible length for a message: `……` marks what was left out. */
export function echo(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A template with its `{name}` params filled in; text echoed from a workbook is cut to length and its signs shown as ≥ ≤. */
export function render(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? plainSigns(echo(String(params[k]))) : m));
}

/** Params whose value is `@key` are translated from TEXT, so rules stay language-free. */
function localize(params: Params, lang: Lang): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && v.startsWith('@') && TEXT[v.slice(1)] ? render(TEXT[v.slice(1)][lang], params) : v;
  return out;
}

export function message(key: string, params: Params, lang: Lang): string {
  const entry = MESSAGES[key] ?? MESSAGES[key.split(':')[0]];
  return entry ? render(entry[lang], localize(params, lang)) : key;
}

export function text(key: string, lang: Lang, params: Params = {}): string {
  const entry = TEXT[key];
  return entry ? render(entry[lang], params) : key;
}

/**
 * What the command line adds to a finding's message: the `:cli` variant of each text it cites (`@bindHint.self` →
 * `bindHint.self:cli`, the --bind form), '' when none has one. The message itself, as the pane and the reports
 * show it, names no command-line flag.
 */
export function cliHint(params: Params, lang: Lang): string {
  return Object.values(params)
    .filter((v): v is string => typeof v === 'string' && v.startsWith('@') && !!TEXT[`${v.slice(1)}:cli`])
    .map((v) => render(TEXT[`${v.slice(1)}:cli`][lang], params))
    .join(' ');
}
