"""How Chinese quality documents phrase what the defect classes inject: KPI names with
the parts and wholes of their ratios, targets, periods, references, table subjects.

Taken from the ways plans and policies of many companies word these things, with
synonyms, word orders, full- and half-width forms, spaces, 百分号 forms and counters
varied; none is a template of the bundled documents' sentences.
"""

from __future__ import annotations

# (rate name, its part, its whole)
RATIOS = [
    ("项目验收合格率", "验收通过项目数量", "申请验收项目数量"),
    ("事件解决率", "已解决事件数", "发生事件总数"),
    ("服务报告按时提交率", "按时提交的报告份数", "应提交报告份数"),
    ("抽检合格率", "抽检合格样本数", "抽检样本数"),
    ("客户满意率", "满意客户数", "调查客户数"),
    ("变更成功率", "成功实施的变更次数", "变更总次数"),
    ("培训计划完成率", "实际完成培训场次", "计划培训场次"),
    ("问题关闭率", "已关闭问题数", "问题总数"),
    ("备件出库合格率", "出库合格备件数", "出库备件总数"),
    ("工单及时响应率", "及时响应工单数", "受理工单总数"),
    ("巡检计划执行率", "实际执行巡检次数", "计划巡检次数"),
    ("配置信息准确率", "核查正确的配置项数", "抽查配置项数"),
]
# A ratio written in any common form: {a} over {b}.
FORMULA_FORMS = [
    "{a}/{b}×100%", "{a} / {b} * 100%", "（{a}÷{b}）×100%", "{a}/{b}x100％",
    "{a}占{b}的比例", "{a}与{b}之比×100%", "({a}/{b})*100 %", "{a}除以{b}",
]
COUNT_KPIS = ["应急演练次数", "知识条目新增数量", "内审次数", "设备巡检次数", "服务回访条数",
              "管理评审次数", "客户投诉件数", "专项培训场次"]
PERCENT_TARGETS = ["≥95%", "100%", ">=90%", "≥ 98％", "≥ 90 %", "≤5%", "≥80%", "99.9%"]
COUNT_TARGETS = ["≥1次", "≥2 次", ">=1个", "≥3项", "≤1次", "≥ 4 次", "≥12次", "≥1件"]
PERIOD_VALUES = ["月度", "季度", "半年", "年度"]
# Words that state each declared period in prose.
PERIOD_PHRASES = {
    "周度": ["每周", "按周"],
    "月度": ["每月", "按月", "每个月", "月度"],
    "季度": ["每季度", "按季度", "每个季度", "季度"],
    "半年": ["每半年", "半年度", "半年"],
    "年度": ["每年", "年度", "一年中", "每年度", "全年"],
}
CHINESE = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九",
           10: "十", 12: "十二", 20: "二十", 80: "八十", 85: "八十五", 90: "九十",
           92: "九十二", 95: "九十五", 98: "九十八", 99: "九十九", 100: "一百"}
# Prose that states a target: {name}, {target} as written, {period} a period phrase.
TARGET_SENTENCES = [
    "该项工作的考核指标为{name}，目标值为{target}，考核频次为{period}一次。",
    "要求{name}{target}。",
    "{period}对{name}进行考核，要求{target}。",
    "{name}目标值设定为{target}。",
    "考核指标：{name}；目标值：{target}；考核周期：{period}。",
    "2025年{name}应{target}，由质量部统计。",
    "本年度重点关注{name}，其目标为{target}。",
    "{name}须{target}，未达标的项目需提交整改报告。",
]
PERIOD_SENTENCES = [
    "{period}对{name}进行一次考核。",
    "{name}的考核周期为{period}。",
    "{name}{period}考核一次。",
    "考核频次：{period}，考核指标为{name}。",
    "{period}统计并通报{name}。",
    "该指标（{name}）按{period}进行考核。",
    "{name}每{period}考核。",
    "质量部{period}汇总{name}，并在例会上通报。",
]
FORMULA_SENTENCES = [
    "{name}的计算方式为{formula}。",
    "{name}按{formula}计算。",
    "{name}计算公式：{formula}。",
    "其中{name}={formula}。",
    "考核指标为{name}，计算方式为{formula}。",
    "{name}的计算方法是{formula}。",
    "{name}，即{formula}。",
    "{name}（计算公式为{formula}）。",
]
# Rates that documents state only in prose.
PROSE_ONLY_KPIS = ["数据备份成功率", "工单一次解决率", "知识库更新及时率", "巡检报告提交率",
                   "值班到岗率", "监控告警处理率", "系统可用率", "安全漏洞修复率"]
# Table captions, and how prose names the table's subject.
TABLE_SUBJECTS = [
    ("人员配置表", "人员配置情况"), ("研发经费投入计划表", "研发经费投入计划"),
    ("年度培训计划表", "年度培训安排"), ("备件采购预算表", "备件采购预算"),
    ("运维工具清单", "运维工具配置"), ("服务台值班安排表", "服务台值班安排"),
    ("应急演练计划表", "应急演练计划"), ("设备巡检计划表", "设备巡检安排"),
]
# A reference to a table by number, with the subject the sentence gives it.
TABLE_REFERENCES = [
    "{subject}如{table}所示。", "{subject}详见{table}。", "具体{subject}见{table}。",
    "{subject}（见{table}）由运维部负责落实。", "{table}列出了{subject}。",
    "{subject}参见 {table}。", "2025年{subject}如下，详见{table}。", "{subject}，具体见{table}。",
]
# A reference to a section by number, with the subject the sentence gives it (见4.2).
SECTION_REFERENCES = [
    "{subject}详见{section}。", "有关{subject}，参见第{section}节。", "{subject}见{section}。",
    "{subject}的具体要求详见{section}节。", "{subject}参照{section}执行。",
    "2025年{subject}如下，详见{section}。", "{subject}，具体见{section}。",
    "{subject}（详见{section}）由质量部负责落实。",
]
MISSING_REFERENCES = ["详见表{c}-9。", "具体内容如表{c}-9所示。", "参见表 {c}－9。",
                      "见第{c}.9节。", "详见{c}.9.1。", "各岗位要求见表{c}-7。",
                      "相关规定参见第{c}.8节。", "职责分工如表{c}-8所示。"]
OTHER_KINDS = ["制度", "手册", "办法", "规范", "指南", "程序", "方案", "协议"]
SELF_REFERENCES = ["本{kind}自发布之日起实施。", "本{kind}由质量部负责解释和修订。",
                   "此{kind}适用于公司全体运维人员。", "本{kind}未尽事宜，按公司相关规定执行。",
                   "各部门应严格执行本{kind}的要求。", "本{kind}的修订由管理者代表批准。",
                   "本{kind}每年评审一次。", "依据本{kind}，质量部组织内审。"]
# Two schedules of one activity that cannot both hold.
SCHEDULES = [("每月一次", "每季度一次"), ("每年五次", "每年两次"),
             ("每年6月、12月各一次", "每年一次"), ("每半年一次", "每年四次"),
             ("每季度开展一次", "一年一次"), ("每年3次", "每年五次"),
             ("每两个月一次", "每季度一次"), ("每年1月、4月、7月、10月各一次", "每半年一次")]
UNKNOWN_DEPARTMENTS = ["客户部", "财务部", "市场部", "销售部", "行政部", "工程部", "采购部",
                       "法务部"]
DEPARTMENT_SENTENCES = ["投诉由{dept}统一受理。", "{dept}负责收集客户意见。",
                        "由{dept}牵头，运维部配合。", "{dept}每月汇总服务费用。"]
PROSE_SUMS = [
    "2025年计划招聘共{w}人，其中外部招聘{a}人、内部选聘{b}人。",
    "全年培训共计{w}次，其中管理类{a}次、技术类{b}次。",
    "运维团队合计{w}人：运维部{a}人，服务台{b}人。",
    "预算总计{w}元，其中工具采购{a}元、培训费用{b}元。",
    "本年度计划开展演练{w}次，包括桌面推演{a}次、实战演练{b}次。",
    "新增知识条目{w}条，具体为事件类{a}条、问题类{b}条。",
    "需配置备件{w}件，其中服务器备件{a}件、网络备件{b}件。",
    "共有{w}人参加考核，其中合格{a}人、不合格{b}人。",
]
