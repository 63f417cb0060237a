<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisJobs</name>
    <message>
        <source>HQ issued this branch&apos;s value policy and does not allow local changes.</source>
        <translation>总行已下发本网点的价值政策，不允许本地修改。</translation>
    </message>
</context>
<context>
    <name>AssignBar</name>
    <message>
        <source>Unassigned pool</source>
        <translation>未分配客户池</translation>
    </message>
    <message>
        <source>Assign &amp;to:</source>
        <translation>分配给(&amp;T)：</translation>
    </message>
    <message>
        <source>Assign selected</source>
        <translation>分配所选</translation>
    </message>
    <message>
        <source>Give the selected customers to this RM; their open cadence steps move with them</source>
        <translation>把所选客户分配给这位客户经理，客户未完成的联系步骤随之转移</translation>
    </message>
</context>
<context>
    <name>AumTrendChart</name>
    <message>
        <source>Monthly average (10k CNY)</source>
        <translation>月日均（万元）</translation>
    </message>
    <message>
        <source>Monthly average (CNY)</source>
        <translation>月日均（元）</translation>
    </message>
</context>
<context>
    <name>BatchTouchController</name>
    <message>
        <source>Batch touch logged for %1 customer(s); %2 skipped (refused marketing).</source>
        <translation>已为 %1 位客户记录批量触达；%2 位拒绝营销，已跳过。</translation>
    </message>
    <message>
        <source>sms-phones-%1</source>
        <translation>短信号码-%1</translation>
    </message>
    <message>
        <source>Phone list</source>
        <translation>导出号码</translation>
    </message>
</context>
<context>
    <name>BatchTouchDialog</name>
    <message>
        <source>Batch touch</source>
        <translation>批量触达</translation>
    </message>
    <message>
        <source>%1 customer(s) chosen; %2 refused marketing and will be skipped. Each of the others gets one remote touch, which counts for their next 4+1 remote step.</source>
        <translation>已选 %1 位客户，其中 %2 位拒绝营销，将跳过。其余每位客户记一次远程触达，计入其下一个 4+1 远程步骤。</translation>
    </message>
    <message>
        <source>What was sent, e.g. the campaign message</source>
        <translation>发送的内容，例如营销活动短信</translation>
    </message>
    <message>
        <source>Log for all</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Export phone list…</source>
        <translation>导出号码…</translation>
    </message>
    <message>
        <source>The phone numbers of the customers who accept marketing, as a file for the bank&apos;s SMS platform (masked unless you give a reason; audited)</source>
        <translation>把接受营销的客户的手机号导出为文件，供银行短信平台使用（除非填写原因，否则脱敏；记入审计日志）</translation>
    </message>
</context>
<context>
    <name>BranchOpener</name>
    <message>
        <source>BranchDesk</source>
        <translation>网点客户经营台</translation>
    </message>
    <message>
        <source>Creating the demo branch…</source>
        <translation>正在创建演示网点…</translation>
    </message>
    <message>
        <source>Opening the branch store…</source>
        <translation>正在打开网点数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The demo branch could not be created: %1</source>
        <translation>无法创建演示网点：%1</translation>
    </message>
    <message>
        <source>The passphrase given in BRANCHDESK_PASSPHRASE does not unlock %1.</source>
        <translation>环境变量 BRANCHDESK_PASSPHRASE 中的口令无法解锁 %1。</translation>
    </message>
    <message>
        <source>The store could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this store. Nothing was changed; try again.</source>
        <translation>口令不正确，无法解锁此数据库。数据未作任何改动，请重试。</translation>
    </message>
    <message>
        <source>Downloading the branch from HQ…</source>
        <translation>正在从总行下载网点数据…</translation>
    </message>
    <message>
        <source>Creating the branch store…</source>
        <translation>正在创建网点数据库…</translation>
    </message>
    <message>
        <source>The branch store could not be created: %1</source>
        <translation>无法创建网点数据库：%1</translation>
    </message>
</context>
<context>
    <name>BranchStore</name>
    <message>
        <source>Generating the demo branch</source>
        <translation>正在生成演示网点</translation>
    </message>
    <message>
        <source>Writing the encrypted store</source>
        <translation>正在写入加密数据库</translation>
    </message>
    <message>
        <source>Reading the store</source>
        <translation>正在读取数据库</translation>
    </message>
    <message>
        <source>Indexing customers</source>
        <translation>正在建立客户索引</translation>
    </message>
</context>
<context>
    <name>CadenceCommands</name>
    <message>
        <source>--store PATH is required</source>
        <translation>需要 --store 路径</translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>--date 须为 YYYY-MM-DD 格式的日期，实际为“%1”</translation>
    </message>
    <message>
        <source>--format must be csv or json, got &apos;%1&apos;</source>
        <translation>--format 须为 csv 或 json，实际为“%1”</translation>
    </message>
    <message>
        <source>Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE</source>
        <translation>请在环境变量 BRANCHDESK_PASSPHRASE 中设置数据库口令</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>--rm: no staff member &apos;%1&apos; in this branch</source>
        <translation>--rm：本网点没有工号为“%1”的员工</translation>
    </message>
    <message>
        <source>log-contact needs --store, --customer, --channel and --outcome</source>
        <translation>log-contact 需要 --store、--customer、--channel 和 --outcome</translation>
    </message>
    <message>
        <source>Unknown channel &apos;%1&apos;</source>
        <translation>未知渠道“%1”</translation>
    </message>
    <message>
        <source>Unknown outcome &apos;%1&apos;</source>
        <translation>未知结果“%1”</translation>
    </message>
    <message>
        <source>--at must be an ISO date-time such as 2026-11-23T10:30:00+08:00, got &apos;%1&apos;</source>
        <translation>--at 须为 ISO 日期时间，如 2026-11-23T10:30:00+08:00，实际为“%1”</translation>
    </message>
    <message>
        <source>--next must be a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>--next 须为 YYYY-MM-DD 格式的日期，实际为“%1”</translation>
    </message>
    <message>
        <source>No customer &apos;%1&apos; in this store</source>
        <translation>数据库中没有客户“%1”</translation>
    </message>
    <message>
        <source>The customer has no RM: say who made the contact with --staff ID</source>
        <translation>该客户未分配客户经理：请用 --staff 工号 指明联系人</translation>
    </message>
    <message>
        <source>list needs maturity, retention, conversion or payroll</source>
        <translation>list 需要 maturity、retention、conversion 或 payroll</translation>
    </message>
    <message>
        <source>--days and --back must be numbers of days</source>
        <translation>--days 和 --back 须为天数</translation>
    </message>
    <message>
        <source>This store belongs to %1: contacts are logged as %1 only</source>
        <translation>本数据库属于 %1：联系记录只能以 %1 的身份登记</translation>
    </message>
    <message>
        <source>  tasks --store PATH [--rm ID] [--date YYYY-MM-DD] [--format csv|json] [--full-names --reason TEXT]
        the day plan the Today page shows: 731 and 4+1 steps and follow-ups up to each RM&apos;s daily
        capacity (section today), the rest planned on later days (later), those that cannot fit
        before their deadline (overload) or lie past the plan&apos;s horizon (beyond); every RM&apos;s
        when --rm is left out
  log-contact --store PATH --customer NO --channel CHANNEL --outcome OUTCOME
       [--at ISO-TIME] [--note TEXT] [--staff ID] [--holding ID] [--next YYYY-MM-DD]
        log a contact (and queue it for HQ); channels: phone, sms, wechat, mobile_banking,
        visit, branch, event, wecom; outcomes: reached, no_answer, declined, interested, appointment,
        converted, rolled_over, reinvested, funds_elsewhere, withdrawn
  list maturity|retention|conversion|payroll --store PATH [--date YYYY-MM-DD] [--format csv|json]
       [--full-names --reason TEXT]
       [--days N] [--back N]
        the maturity list (next N days, and M days back with outcomes), the VIP retention
        warning list, the cross-line conversion list, or payroll customers by employer;
        names are masked (张*) unless --full-names with --reason, which is recorded in the audit log
</source>
        <translation>  tasks --store 路径 [--rm 工号] [--date YYYY-MM-DD] [--format csv|json] [--full-names --reason 理由]
        输出“今日”页的每日计划：每位客户经理不超过日处理量的 731、4+1 步骤和约定跟进
        （today），排到之后工作日的步骤（later），截止前排不下的步骤（overload）和超出计划
        范围的步骤（beyond）；不带 --rm 时输出全部客户经理的
  log-contact --store 路径 --customer 客户号 --channel 渠道 --outcome 结果
       [--at ISO时间] [--note 备注] [--staff 工号] [--holding 持仓号] [--next YYYY-MM-DD]
        登记一次联系（并排队上送总行）；渠道：phone、sms、wechat、mobile_banking、
        visit、branch、event、wecom；结果：reached、no_answer、declined、interested、appointment、
        converted、rolled_over、reinvested、funds_elsewhere、withdrawn
  list maturity|retention|conversion|payroll --store 路径 [--date YYYY-MM-DD] [--format csv|json]
       [--full-names --reason 理由]
       [--days N] [--back M]
        输出到期名单（未来 N 天，以及过去 M 天的到期结果）、高端客户防流失预警名单、
        内部综拓名单，或按代发单位汇总的代发客户；
        姓名脱敏显示（张*），使用 --full-names 并以 --reason 说明理由时显示全名，并记入审计日志
</translation>
    </message>
</context>
<context>
    <name>CadencePlan</name>
    <message>
        <source>Upcoming</source>
        <translation>待联系</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应联系</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>延后完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <source>Late entry, skipped</source>
        <translation>晚入名单，已跳过</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>CadenceRoster</name>
    <message>
        <source>retention: %1</source>
        <translation>防流失：%1</translation>
    </message>
    <message>
        <source>conversion: %1</source>
        <translation>综拓：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>on an issued list</source>
        <translation>下发名单客户</translation>
    </message>
</context>
<context>
    <name>CadenceTemplate</name>
    <message>
        <source>tell them it matures, learn their plans</source>
        <translation>告知到期，了解资金打算</translation>
    </message>
    <message>
        <source>propose a plan or an appointment</source>
        <translation>提出具体方案或预约</translation>
    </message>
    <message>
        <source>confirm and remind</source>
        <translation>确认并提醒</translation>
    </message>
    <message>
        <source>remote touch</source>
        <translation>远程触达</translation>
    </message>
    <message>
        <source>face-to-face meeting</source>
        <translation>面对面接触</translation>
    </message>
</context>
<context>
    <name>CadenceWorkspace</name>
    <message>
        <source>Only the branch manager assigns customers.</source>
        <translation>只有网点负责人可以分配客户。</translation>
    </message>
    <message>
        <source>Only the branch manager issues lists.</source>
        <translation>只有网点负责人可以下发名单。</translation>
    </message>
    <message>
        <source>Branch hall walk-ins</source>
        <translation>厅堂到访登记</translation>
    </message>
</context>
<context>
    <name>CallSheet</name>
    <message>
        <source>Visit or branch appointment</source>
        <translation>上门或约到网点</translation>
    </message>
    <message>
        <source>Phone / WeChat</source>
        <translation>电话 / 微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Call sheet %1 %2</source>
        <translation>拨打清单 %1 %2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Why / step</source>
        <translation>原因 / 步骤</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>建议渠道</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Call sheet: %1</source>
        <translation>拨打清单：%1</translation>
    </message>
    <message>
        <source>%1    RM: %2    %3</source>
        <translation>%1    客户经理：%2    %3</translation>
    </message>
    <message>
        <source>Page %1 of %2 · contains personal information, do not leave unattended</source>
        <translation>第 %1 页，共 %2 页 · 含个人信息，请妥善保管，勿随意放置</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>Campaign</name>
    <message>
        <source>Maturity conversion (count)</source>
        <translation>到期转化（笔数）</translation>
    </message>
    <message>
        <source>Maturity conversion (amount)</source>
        <translation>到期转化（金额）</translation>
    </message>
    <message>
        <source>Threshold uplift</source>
        <translation>临界客户提升</translation>
    </message>
    <message>
        <source>VIP churn</source>
        <translation>贵宾客户流失率</translation>
    </message>
    <message>
        <source>Triangle: products</source>
        <translation>三角叉：产品</translation>
    </message>
    <message>
        <source>Triangle: transaction settlement</source>
        <translation>三角叉：交易结算</translation>
    </message>
    <message>
        <source>Triangle: service experience</source>
        <translation>三角叉：服务体验</translation>
    </message>
    <message>
        <source>Triangle: customer referral</source>
        <translation>三角叉：客户转介</translation>
    </message>
    <message>
        <source>731 steps on time</source>
        <translation>731 按时率</translation>
    </message>
    <message>
        <source>4+1 plans complete</source>
        <translation>4+1 完成率</translation>
    </message>
    <message>
        <source>Low-efficiency activation</source>
        <translation>低效客户激活</translation>
    </message>
    <message>
        <source>Cross-line conversion</source>
        <translation>内部综拓</translation>
    </message>
    <message>
        <source>Payroll retention</source>
        <translation>代发工资留存</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Campaign and targets</source>
        <translation>营销活动与目标</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Starts on:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Ends on:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message numerus="yes">
        <source>%1 (frozen %2, %n customer(s))</source>
        <translation>
            <numerusform>%1（%2 锁定，%Ln 位客户）</numerusform>
        </translation>
    </message>
    <message>
        <source>Frozen lists worked in this campaign (none ticked: every threshold list)</source>
        <translation>本营销活动使用的已锁定名单（都不勾选：使用全部临界名单）</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>请填写营销活动名称。</translation>
    </message>
    <message>
        <source>The end date (%1) is before the start date (%2).</source>
        <translation>结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <source>Targets per RM (customers converted, amount in 10k yuan)</source>
        <translation>客户经理任务分解（转化客户数，金额单位：万元）</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <source>Split by customers</source>
        <translation>按客户数分解</translation>
    </message>
    <message>
        <source>Branch total:</source>
        <translation>网点合计：</translation>
    </message>
</context>
<context>
    <name>CampaignMetricsModel</name>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>全网点</translation>
    </message>
</context>
<context>
    <name>CampaignProgressModel</name>
    <message>
        <source>No longer in the branch data</source>
        <translation>已不在网点数据中</translation>
    </message>
    <message>
        <source>Reached the target tier</source>
        <translation>已达目标层级</translation>
    </message>
    <message>
        <source>Moved up a tier</source>
        <translation>层级上升</translation>
    </message>
    <message>
        <source>Moved down a tier</source>
        <translation>层级下降</translation>
    </message>
    <message>
        <source>At the target tier</source>
        <translation>处于目标层级</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未达成</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Tier when frozen</source>
        <translation>锁定时层级</translation>
    </message>
    <message>
        <source>AUM when frozen (%1)</source>
        <translation>锁定时资产（%1）</translation>
    </message>
    <message>
        <source>Tier now</source>
        <translation>当前层级</translation>
    </message>
    <message>
        <source>AUM now (%1)</source>
        <translation>时点资产（%1）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation>入单原因</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <source>The store&apos;s key is wrapped again under the new passphrase; the customer data itself is not rewritten. Use the new passphrase from now on.</source>
        <translation>数据库密钥将用新口令重新加密保护，客户数据本身不会重写。今后请使用新口令。</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>当前口令：</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>New passphrase again:</source>
        <translation>再次输入新口令：</translation>
    </message>
    <message>
        <source>Enter the current passphrase.</source>
        <translation>请输入当前口令。</translation>
    </message>
    <message>
        <source>The new passphrase needs at least %1 characters.</source>
        <translation>新口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one.</source>
        <translation>新口令与当前口令相同。</translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>--customers must be a number from %1 to %2, got &apos;%3&apos;</source>
        <translation>--customers 须为 %1 至 %2 之间的数字，实际为“%3”</translation>
    </message>
    <message>
        <source>--seed must be a non-negative number, got &apos;%1&apos;</source>
        <translation>--seed 须为非负整数，实际为“%1”</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>--today 须为 YYYY-MM-DD 格式的日期，实际为“%1”</translation>
    </message>
    <message>
        <source>demo needs --store PATH</source>
        <translation>demo 命令需要 --store 路径</translation>
    </message>
    <message>
        <source>Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE</source>
        <translation>请在环境变量 BRANCHDESK_PASSPHRASE 中设置数据库口令</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Wrote %1 customers to %2 in %3 ms</source>
        <translation>已将 %1 位客户写入 %2，用时 %3 毫秒</translation>
    </message>
    <message>
        <source>extract needs --out FILE.csv</source>
        <translation>extract 命令需要 --out 文件.csv</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>stats needs --store PATH</source>
        <translation>stats 命令需要 --store 路径</translation>
    </message>
    <message>
        <source>sync needs --store PATH --hq URL --user ID</source>
        <translation>sync 命令需要 --store 路径 --hq 地址 --user 工号</translation>
    </message>
    <message>
        <source>--hq must be an http:// or https:// URL, got &apos;%1&apos;</source>
        <translation>--hq 须为 http:// 或 https:// 地址，实际为“%1”</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Usage: branchdesk-cli COMMAND [options]

Commands:
  demo --customers N --seed S --store PATH [--today YYYY-MM-DD]
        write a generated demo branch to an encrypted store
  extract --customers N --seed S --out FILE.csv [--today YYYY-MM-DD]
        write the same branch as a core-banking extract (CSV)
  stats --store PATH
        print customer counts per tier and holdings per product type as JSON
  sync --store PATH --hq URL --user ID [--branch CODE] [--ca-cert FILE]
        sync the store with HQ (password from BRANCHDESK_HQ_PASSWORD; creates the store)
  --version

The store passphrase is read from the environment variable BRANCHDESK_PASSPHRASE.
</source>
        <translation>用法：branchdesk-cli 命令 [选项]

命令：
  demo --customers N --seed S --store 路径 [--today YYYY-MM-DD]
        生成演示网点并写入加密数据库
  extract --customers N --seed S --out 文件.csv [--today YYYY-MM-DD]
        将同一网点导出为核心系统抽数文件（CSV）
  stats --store 路径
        以 JSON 输出各层级客户数及各产品类型持仓数
  sync --store 路径 --hq 地址 --user 工号 [--branch 网点代码] [--ca-cert 文件]
        与总行同步数据库（密码取自 BRANCHDESK_HQ_PASSWORD；数据库不存在时自动创建）
  --version

数据库口令从环境变量 BRANCHDESK_PASSPHRASE 读取。
</translation>
    </message>
    <message>
        <source>--ca-cert: no PEM certificate in %1</source>
        <translation>--ca-cert：%1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>HQ reports this computer lost: the branch store %1 was erased.</source>
        <translation>总行报告本机已丢失：网点数据库 %1 已被清除。</translation>
    </message>
    <message>
        <source>HQ reports this computer lost, but %1 could not be fully erased.</source>
        <translation>总行报告本机已丢失，但 %1 未能完全清除。</translation>
    </message>
    <message>
        <source>Usage: branchdesk-cli %1</source>
        <translation>用法：branchdesk-cli %1</translation>
    </message>
    <message>
        <source>The store passphrase is read from the environment variable BRANCHDESK_PASSPHRASE.</source>
        <translation>数据库口令从环境变量 BRANCHDESK_PASSPHRASE 读取。</translation>
    </message>
</context>
<context>
    <name>CliUnlock</name>
    <message>
        <source>Too many wrong passphrases: try again in %1 seconds</source>
        <translation>口令错误次数过多：请 %1 秒后再试</translation>
    </message>
    <message>
        <source>Wrong passphrase: the next attempt is possible in %1 seconds</source>
        <translation>口令错误：%1 秒后才能再次尝试</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>口令错误</translation>
    </message>
    <message>
        <source>HQ last answered on %1, more than %2 days ago: run branchdesk-cli sync first</source>
        <translation>总行最近一次应答是在 %1，已超过 %2 天：请先运行 branchdesk-cli sync</translation>
    </message>
    <message>
        <source>(never)</source>
        <translation>（从未）</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Mobile-banking message</source>
        <translation>手机银行消息</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>At the branch</source>
        <translation>到网点</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>未接通</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <source>Appointment made</source>
        <translation>已约到网点</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Rolled over</source>
        <translation>已转存</translation>
    </message>
    <message>
        <source>Moved to another product here</source>
        <translation>已转购本行产品</translation>
    </message>
    <message>
        <source>Funds used elsewhere</source>
        <translation>资金他用</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已支取</translation>
    </message>
    <message>
        <source>WeCom message</source>
        <translation>企业微信</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>What was said, what they plan (optional)</source>
        <translation>沟通内容、客户打算（选填）</translation>
    </message>
    <message>
        <source>Next step on</source>
        <translation>下一步日期</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>渠道(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Correct a contact</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <source>&lt;br&gt;Correcting the record of %1; the old one is kept.</source>
        <translation>&lt;br&gt;更正 %1 的记录；原记录保留。</translation>
    </message>
    <message>
        <source>Refuses all marketing (do not contact)</source>
        <translation>客户拒绝一切营销（拒绝营销）</translation>
    </message>
</context>
<context>
    <name>ConversionList</name>
    <message>
        <source>corporate executive</source>
        <translation>企业高管</translation>
    </message>
    <message>
        <source>personal loan since %1</source>
        <translation>%1 起有个人贷款</translation>
    </message>
    <message>
        <source>active credit card</source>
        <translation>信用卡活跃</translation>
    </message>
    <message>
        <source>%1; no deposits or wealth here (demand %2)</source>
        <translation>%1；在我行无存款或理财（活期 %2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Customer360Dialog</name>
    <message>
        <source>Customer 360</source>
        <translation>客户360</translation>
    </message>
</context>
<context>
    <name>Customer360Panel</name>
    <message>
        <source>Customer no.:</source>
        <translation>客户号：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>Gender, age:</source>
        <translation>性别、年龄：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>ID card:</source>
        <translation>身份证：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>职业：</translation>
    </message>
    <message>
        <source>Payroll employer:</source>
        <translation>代发单位：</translation>
    </message>
    <message>
        <source>Relationship manager:</source>
        <translation>客户经理：</translation>
    </message>
    <message>
        <source>AUM today:</source>
        <translation>时点资产：</translation>
    </message>
    <message>
        <source>Month-to-date average:</source>
        <translation>本月日均：</translation>
    </message>
    <message>
        <source>Last month&apos;s average:</source>
        <translation>上月日均：</translation>
    </message>
    <message>
        <source>Yearly contribution:</source>
        <translation>年贡献：</translation>
    </message>
    <message>
        <source>Activity (90 days):</source>
        <translation>近90天活跃：</translation>
    </message>
    <message>
        <source>Last activity:</source>
        <translation>最近交易：</translation>
    </message>
    <message>
        <source>Customer since:</source>
        <translation>开户日期：</translation>
    </message>
    <message>
        <source>Payroll (代发):</source>
        <translation>代发工资：</translation>
    </message>
    <message>
        <source>Credit card:</source>
        <translation>信用卡：</translation>
    </message>
    <message>
        <source>Personal loan:</source>
        <translation>个人贷款：</translation>
    </message>
    <message>
        <source>Corporate executive:</source>
        <translation>企业高管：</translation>
    </message>
    <message>
        <source>Four triangles:</source>
        <translation>四个三角叉：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Holdings&lt;/b&gt;</source>
        <translation>&lt;b&gt;持仓产品&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;AUM, last 12 months&lt;/b&gt;</source>
        <translation>&lt;b&gt;近12个月资产（月日均）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>产品类型</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Matures</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Select a customer in the list to see their profile, holdings and AUM trend.</source>
        <translation>在列表中选择客户，即可查看客户画像、持仓和资产走势。</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>客户360视图</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1, %2 years</source>
        <translation>%1，%2岁</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>%1 mobile-banking logins, %2 transactions</source>
        <translation>手机银行登录 %1 次，交易 %2 笔</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>None or inactive</source>
        <translation>无或不活跃</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>products %1 · settlement %2 · service %3 · referral %4</source>
        <translation>产品 %1 · 结算 %2 · 服务 %3 · 转介 %4</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>This branch has no store to record the reveal in, so the field stays masked.</source>
        <translation>此网点没有可记录查看操作的数据库，因此该字段保持脱敏。</translation>
    </message>
    <message>
        <source>The reveal could not be recorded, so the field stays masked: %1</source>
        <translation>查看操作未能记入审计日志，因此该字段保持脱敏：%1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message numerus="yes">
        <source>Show the full %1 for %n second(s); asks for a reason and is audited</source>
        <translation>
            <numerusform>显示完整%1 %Ln 秒；需填写原因并记入审计日志</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, age not known</source>
        <translation>%1，年龄未知</translation>
    </message>
    <message>
        <source>Lift refusal…</source>
        <translation>解除拒绝营销…</translation>
    </message>
    <message>
        <source>Refuses marketing…</source>
        <translation>登记拒绝营销…</translation>
    </message>
    <message>
        <source>Refuses marketing since %1</source>
        <translation>拒绝营销（自 %1 起）</translation>
    </message>
    <message>
        <source>%1 (%2) is in the unassigned pool and was masked by HQ: no phone, ID number, address or figures are on this computer. Once the branch manager assigns the customer to you, the next sync brings them in full.</source>
        <translation>%1（%2）属于未分配客户池，已由总行脱敏：本机没有该客户的电话、证件号、地址和资产数据。网点负责人将其分配给您后，下次同步即下载完整资料。</translation>
    </message>
</context>
<context>
    <name>CustomerActivityView</name>
    <message>
        <source>731 · %1 %2</source>
        <translation>731 · %1 %2</translation>
    </message>
    <message>
        <source>matures %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>4+1 · cycle %1</source>
        <translation>4+1 · 第 %1 周期</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>late entry</source>
        <translation>晚入名单</translation>
    </message>
    <message>
        <source>closed %1</source>
        <translation>%1 关闭</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>touch %1 of %2</source>
        <translation>远程触达 %1/%2</translation>
    </message>
    <message>
        <source> (moved: %1)</source>
        <translation>（已改期：%1）</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 %1</translation>
    </message>
    <message>
        <source>No open cadence</source>
        <translation>没有进行中的联系节奏</translation>
    </message>
    <message>
        <source> · next step %1</source>
        <translation> · 下一步 %1</translation>
    </message>
    <message>
        <source>(correction) </source>
        <translation>（更正）</translation>
    </message>
    <message>
        <source>Contact history (%1)</source>
        <translation>联系记录（%1）</translation>
    </message>
    <message>
        <source>Open cadences</source>
        <translation>进行中的节奏</translation>
    </message>
    <message>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Cadence / step</source>
        <translation>节奏 / 步骤</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应联系日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>By</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Correct the selected record…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>Contact or note, not tied to a step</source>
        <translation>联系或备注（不对应某个步骤）</translation>
    </message>
    <message>
        <source>Log contact… (%1)</source>
        <translation>登记联系…（%1）</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <source>%1 &apos;%2&apos;: %3</source>
        <translation>%1“%2”：%3</translation>
    </message>
    <message>
        <source>the customer number is missing</source>
        <translation>缺少客户号</translation>
    </message>
    <message>
        <source>only letters, digits and &apos;-&apos;, at most 32</source>
        <translation>只能包含字母、数字和“-”，最多 32 位</translation>
    </message>
    <message>
        <source>the name is missing</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>the name is longer than 50 characters</source>
        <translation>姓名超过 50 个字</translation>
    </message>
    <message>
        <source>not 男/女 or M/F</source>
        <translation>不是 男/女 或 M/F</translation>
    </message>
    <message>
        <source>not a date (use YYYY-MM-DD)</source>
        <translation>不是日期（请用 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>晚于今天</translation>
    </message>
    <message>
        <source>%1: not a mainland mobile or landline number</source>
        <translation>%1：不是有效的手机号或固定电话号码</translation>
    </message>
    <message>
        <source>ID card number: only digits and a final X</source>
        <translation>身份证号码：只能是数字，最后一位可以是 X</translation>
    </message>
    <message>
        <source>ID card number: the birth date in it is not a date</source>
        <translation>身份证号码：其中的出生日期无效</translation>
    </message>
    <message>
        <source>ID card number: wrong check digit (GB 11643)</source>
        <translation>身份证号码：校验位错误（GB 11643）</translation>
    </message>
    <message>
        <source>Date of birth differs from the one in the ID card number</source>
        <translation>出生日期与身份证号码中的出生日期不一致</translation>
    </message>
    <message>
        <source>not 是/否 or 1/0</source>
        <translation>不是 是/否 或 1/0</translation>
    </message>
    <message>
        <source>duplicate customer number, first on line %1</source>
        <translation>客户号重复，第一次出现在第 %1 行</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>columns %1 could each be %2: it is left out; say which in a mapping file</source>
        <translation>%1 列都可能是“%2”：该字段暂不导入；请用列对应文件指明</translation>
    </message>
    <message>
        <source>the row cannot be read: a quote opens a field that is not closed where it should be</source>
        <translation>该行无法读取：有引号开始的字段没有在应有的位置结束</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2: it was cut short</source>
        <translation>该行有 %1 个字段，表头有 %2 个：该行被截断</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2: a comma outside quotes?</source>
        <translation>该行有 %1 个字段，表头有 %2 个：是否有未加引号的逗号？</translation>
    </message>
    <message>
        <source>record_type must be staff, customer or holding</source>
        <translation>记录类型列“record_type”须为“staff”（员工）、“customer”（客户）或“holding”（持仓）</translation>
    </message>
    <message>
        <source>ID card number: not 18 characters (or 15 of the old kind)</source>
        <translation>身份证号码：不是 18 位（或旧版 15 位）</translation>
    </message>
    <message>
        <source>the column is in fen: whole numbers only</source>
        <translation>该列以分为单位：只能是整数</translation>
    </message>
    <message>
        <source>not an amount (e.g. 1,234.56, ¥3,000 or 12.5万)</source>
        <translation>不是金额（例如 1,234.56、¥3,000 或 12.5万）</translation>
    </message>
    <message>
        <source>This file holds customers&apos; personal data (names, phone and ID numbers): keep it on this computer and delete it once the rows are corrected.</source>
        <translation>本文件含客户个人信息（姓名、电话和身份证号码）：请只保存在本机，改正数据后即删除。</translation>
    </message>
    <message>
        <source>the product name is missing</source>
        <translation>缺少产品名称</translation>
    </message>
    <message>
        <source>not 定期, 理财, 基金, 保险, 贵金属 or 活期</source>
        <translation>不是 定期、理财、基金、保险、贵金属 或 活期</translation>
    </message>
    <message>
        <source>the maturity date is missing</source>
        <translation>缺少到期日</translation>
    </message>
    <message>
        <source>the maturity date is before the value date</source>
        <translation>到期日早于起息日</translation>
    </message>
    <message>
        <source>status must be active, matured or closed</source>
        <translation>状态须为“active”（持有中）、“matured”（已到期）或“closed”（已结清）</translation>
    </message>
    <message>
        <source>the holding id is missing</source>
        <translation>缺少持仓编号</translation>
    </message>
    <message>
        <source>the same holding as on line %1</source>
        <translation>与第 %1 行为同一笔持仓</translation>
    </message>
    <message>
        <source>a staff row needs staff_id and staff_name</source>
        <translation>员工行须有工号列“staff_id”和姓名列“staff_name”</translation>
    </message>
    <message>
        <source>staff_role must be rm or manager</source>
        <translation>岗位列“staff_role”须为“rm”（客户经理）或“manager”（网点负责人）</translation>
    </message>
</context>
<context>
    <name>CustomerImportJob</name>
    <message>
        <source>%1, line %2: no column for %3; name it in the header or give a mapping file</source>
        <translation>%1，第 %2 行：没有“%3”列；请在表头中写明，或提供列对应文件</translation>
    </message>
    <message>
        <source>The import was not written, the store is unchanged: %1</source>
        <translation>导入未写入，数据库保持不变：%1</translation>
    </message>
    <message>
        <source>customer %1 is neither in this file nor in the store: import the customer list first</source>
        <translation>客户 %1 既不在本文件中，也不在数据库中：请先导入客户名单</translation>
    </message>
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Threshold list</source>
        <translation>临界客户名单</translation>
    </message>
    <message>
        <source>Low-efficiency list</source>
        <translation>低效客户名单</translation>
    </message>
    <message>
        <source>Quadrant list</source>
        <translation>象限客户名单</translation>
    </message>
    <message>
        <source>Quadrant selection</source>
        <translation>象限圈选名单</translation>
    </message>
    <message>
        <source>AUM %1 on the tier basis, %2 below %3; today&apos;s balance held to month end makes %4</source>
        <translation>分层口径资产 %1，距%3还差 %2；按今日余额保持至月末，月日均为 %4</translation>
    </message>
    <message>
        <source>AUM %1, under %2; potential value %3</source>
        <translation>资产 %1，低于 %2；潜在价值 %3</translation>
    </message>
    <message>
        <source>AUM %1</source>
        <translation>资产 %1</translation>
    </message>
    <message>
        <source>Current value %1, potential value %2; AUM %3</source>
        <translation>当前价值 %1，潜在价值 %2；资产 %3</translation>
    </message>
    <message>
        <source>%1 (%2): current value %3, potential value %4; AUM %5</source>
        <translation>%1类（%2）：当前价值 %3，潜在价值 %4；资产 %5</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Loss recovery</source>
        <translation>流失挽回</translation>
    </message>
    <message>
        <source>Moments of truth</source>
        <translation>关键时刻</translation>
    </message>
    <message>
        <source>Imported list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>On the imported list; AUM %1</source>
        <translation>在导入的名单上；资产 %1</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>AUM, tier basis (%1)</source>
        <translation>分层口径资产（%1）</translation>
    </message>
    <message>
        <source>Target tier</source>
        <translation>目标层级</translation>
    </message>
    <message>
        <source>Gap (%1)</source>
        <translation>差额（%1）</translation>
    </message>
    <message>
        <source>Month-end if held (%1)</source>
        <translation>保持至月末的月日均（%1）</translation>
    </message>
    <message>
        <source>Potential value</source>
        <translation>潜在价值</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前价值</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation>入单原因</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>All tiers</source>
        <translation>全部层级</translation>
    </message>
    <message>
        <source>All RMs</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>显示 %1 / 共 %2 位客户</translation>
    </message>
    <message>
        <source>Search: name, pinyin (zs / zhangsan), last 4 of phone or ID, customer no.</source>
        <translation>搜索：姓名、拼音（zs / zhangsan）、手机或证件号后4位、客户号</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>RM:</source>
        <translation>客户经理：</translation>
    </message>
    <message>
        <source>Balance by workload</source>
        <translation>按工作量均衡</translation>
    </message>
    <message>
        <source>Spread the selected (or all shown) customers over the RMs so that open steps are even, keeping current owners where possible</source>
        <translation>把所选（或当前显示的全部）客户分给各位客户经理，使未完成步骤大致平均，并尽量保留原归属经理</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>selected customers</source>
        <translation>所选客户</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>customers %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>Batch touch…</source>
        <translation>批量触达…</translation>
    </message>
    <message>
        <source>Log one SMS, WeChat, WeCom or mobile-banking push against the selected customers (or, with one row selected, every customer the filter shows)</source>
        <translation>对所选客户（只选中一行时为当前筛选显示的全部客户）记录一次短信、微信、企业微信或手机银行推送</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <source>%1 customers; preparing search…</source>
        <translation>共 %1 位客户；正在准备搜索…</translation>
    </message>
</context>
<context>
    <name>CustomerRowMenu</name>
    <message>
        <source>Open the customer&apos;s 360</source>
        <translation>打开客户360视图</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Lift the refusal of marketing…</source>
        <translation>撤销拒绝营销…</translation>
    </message>
    <message>
        <source>Refuses marketing…</source>
        <translation>登记拒绝营销…</translation>
    </message>
    <message>
        <source>Copy customer number</source>
        <translation>复制客户号</translation>
    </message>
    <message numerus="yes">
        <source>Batch touch the %n selected customer(s)…</source>
        <translation>
            <numerusform>批量触达所选的 %Ln 位客户…</numerusform>
        </translation>
    </message>
    <message>
        <source>Contact or note, not tied to a step</source>
        <translation>联系或备注（不对应某个步骤）</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>AUM (%1)</source>
        <translation>资产（%1）</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近交易</translation>
    </message>
    <message>
        <source>Masked</source>
        <translation>已脱敏</translation>
    </message>
    <message>
        <source>Unassigned (masked)</source>
        <translation>未分配（已脱敏）</translation>
    </message>
    <message>
        <source>Unassigned pool, masked by HQ: the branch manager assigns this customer to show them in full</source>
        <translation>未分配客户池，已由总行脱敏：网点负责人将该客户分配给您后才显示完整资料</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Last three months</source>
        <translation>最近三个月</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>The campaigns could not be read: %1</source>
        <translation>无法读取营销活动：%1</translation>
    </message>
    <message>
        <source>The campaign could not be saved: %1</source>
        <translation>无法保存营销活动：%1</translation>
    </message>
    <message>
        <source>Opening-of-year campaign %1</source>
        <translation>%1 年开门红</translation>
    </message>
    <message>
        <source>Contacts logged</source>
        <translation>登记的联系</translation>
    </message>
    <message>
        <source>731 steps on time (%)</source>
        <translation>731 按时率（%）</translation>
    </message>
    <message>
        <source>Maturity conversion (%)</source>
        <translation>到期转化率（%）</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>营销活动：</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建营销活动…</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>目标…</translation>
    </message>
    <message>
        <source>Metrics against targets (green: on target)</source>
        <translation>指标对目标（绿色为达标）</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>每周趋势</translation>
    </message>
    <message>
        <source>One table per RM (click an RM to filter every page to them)</source>
        <translation>一人一表（单击某位客户经理，各页面筛选为该经理）</translation>
    </message>
    <message numerus="yes">
        <source>%1 to %2 · as of %3 · %n customer(s)</source>
        <translation>
            <numerusform>%1 至 %2 · 截至 %3 · %Ln 位客户</numerusform>
        </translation>
    </message>
    <message>
        <source>Targets and today&apos;s progress per RM (green: at or ahead of the time progress)</source>
        <translation>客户经理任务完成与当日进度（绿色：达到或超过序时进度）</translation>
    </message>
</context>
<context>
    <name>DoNotContactDelegate</name>
    <message>
        <source>the customer asked</source>
        <translation>客户本人要求</translation>
    </message>
    <message>
        <source>after a complaint</source>
        <translation>因投诉</translation>
    </message>
    <message>
        <source>head office</source>
        <translation>总行</translation>
    </message>
    <message>
        <source>branch decision</source>
        <translation>网点决定</translation>
    </message>
    <message>
        <source>Refuses marketing since %1 (%2): no cadence, no batch touch</source>
        <translation>自 %1 起拒绝营销（%2）：不进入联系节奏和批量触达</translation>
    </message>
</context>
<context>
    <name>DoNotContactDialog</name>
    <message>
        <source>Lift the refusal of marketing</source>
        <translation>解除拒绝营销</translation>
    </message>
    <message>
        <source>Refuses marketing</source>
        <translation>拒绝营销</translation>
    </message>
    <message>
        <source>The customer will be in cadences and batch touches again.</source>
        <translation>解除后，该客户将重新进入联系节奏和批量触达。</translation>
    </message>
    <message>
        <source>The customer leaves every cadence and batch touch until this is lifted.</source>
        <translation>登记后，该客户退出所有联系节奏和批量触达，直到解除为止。</translation>
    </message>
    <message>
        <source>The customer asked</source>
        <translation>客户本人要求</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Head office</source>
        <translation>总行/分行下发</translation>
    </message>
    <message>
        <source>Branch decision</source>
        <translation>网点决定</translation>
    </message>
    <message>
        <source>Lifted on:</source>
        <translation>解除日期：</translation>
    </message>
    <message>
        <source>Refused on:</source>
        <translation>拒绝日期：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 is a customer (%2): the visit is logged as an event contact.</source>
        <translation>%1 是我行客户（%2）：本次到场已登记为活动联系。</translation>
    </message>
    <message>
        <source>%1 is not a customer yet: saved as your prospect.</source>
        <translation>%1 还不是我行客户：已存为您的意向客户。</translation>
    </message>
    <message>
        <source>Visitor counted. Without consent to be contacted, the phone number is not kept.</source>
        <translation>已计入到场人数。未同意联系，不保存手机号。</translation>
    </message>
    <message>
        <source>No event selected</source>
        <translation>未选择活动</translation>
    </message>
    <message>
        <source>Create an event on the left, then capture visitors here.</source>
        <translation>先在左侧创建活动，再在此登记到场人员。</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;Visitors %1&lt;/b&gt; · customers %2 · new prospects %3 · without consent %4</source>
        <translation>&lt;b&gt;到场 %1 人&lt;/b&gt; · 我行客户 %2 · 新增意向客户 %3 · 未同意联系 %4</translation>
    </message>
    <message>
        <source>%1: %2 visitors, %3 customers, %4 prospects</source>
        <translation>%1：登记 %2 人，客户 %3，意向客户 %4</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <source>&lt;b&gt;New event&lt;/b&gt;</source>
        <translation>&lt;b&gt;新建活动&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>所属营销活动：</translation>
    </message>
    <message>
        <source>e.g. Retirement planning talk</source>
        <translation>如：养老规划讲座</translation>
    </message>
    <message>
        <source>e.g. Xingfuli community centre</source>
        <translation>如：幸福里社区活动中心</translation>
    </message>
    <message>
        <source>Maturity conversion</source>
        <translation>到期转化</translation>
    </message>
    <message>
        <source>Threshold uplift</source>
        <translation>临界客户提升</translation>
    </message>
    <message>
        <source>VIP retention</source>
        <translation>高端客户防流失</translation>
    </message>
    <message>
        <source>Cross-line conversion</source>
        <translation>内部综拓</translation>
    </message>
    <message>
        <source>Payroll retention</source>
        <translation>代发工资留存</translation>
    </message>
    <message>
        <source>Low-efficiency activation</source>
        <translation>低效客户激活</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <source>Capturing as %1. Tab between fields, Enter records the visitor.</source>
        <translation>登记人：%1。Tab 切换输入框，回车登记。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>手机(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Interest:</source>
        <translation>意向(&amp;I)：</translation>
    </message>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>到场人姓名</translation>
    </message>
    <message>
        <source>Mobile number: a customer&apos;s links the visit to them</source>
        <translation>手机号：与我行客户匹配时自动关联</translation>
    </message>
    <message>
        <source>What they asked about</source>
        <translation>咨询了什么</translation>
    </message>
    <message>
        <source>Agrees to be contacted by the bank (PIPL consent)</source>
        <translation>同意银行后续联系（个人信息保护法授权）</translation>
    </message>
    <message>
        <source>Record visitor (Enter)</source>
        <translation>登记（回车）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Follow up&lt;/b&gt; (visitors who agreed to be contacted)</source>
        <translation>&lt;b&gt;后续跟进&lt;/b&gt;（同意联系的到场人员）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>意向</translation>
    </message>
    <message>
        <source>Quick capture</source>
        <translation>快速登记</translation>
    </message>
    <message>
        <source>Walk-in at the branch hall…</source>
        <translation>厅堂到访登记…</translation>
    </message>
</context>
<context>
    <name>EventRepository</name>
    <message>
        <source>At the event %1</source>
        <translation>参加活动：%1</translation>
    </message>
    <message>
        <source>At the event %1: %2</source>
        <translation>参加活动：%1，意向：%2</translation>
    </message>
    <message>
        <source>Walk-in at the branch hall</source>
        <translation>厅堂到访</translation>
    </message>
    <message>
        <source>Walk-in at the branch hall: %1</source>
        <translation>厅堂到访，意向：%1</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This page shows no rows to export.</source>
        <translation>本页没有可导出的行。</translation>
    </message>
    <message>
        <source>Print call sheet</source>
        <translation>打印拨打清单</translation>
    </message>
    <message>
        <source>There is nobody to call on the Today page.</source>
        <translation>今日页上没有需要联系的客户。</translation>
    </message>
    <message>
        <source>call-sheet-%1</source>
        <translation>拨打清单-%1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，没有写入文件。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rows to %1 (%2).</source>
        <translation>
            <numerusform>已导出 %Ln 行到 %1（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>personal fields masked</source>
        <translation>个人信息已脱敏</translation>
    </message>
    <message>
        <source>unmasked</source>
        <translation>未脱敏</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Printing cancelled; no file was written.</source>
        <translation>打印已取消，没有写入文件。</translation>
    </message>
    <message numerus="yes">
        <source>Call sheet with %n customers written to %1.</source>
        <translation>
            <numerusform>含 %Ln 位客户的拨打清单已写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the call sheet…</source>
        <translation>正在生成拨打清单…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Copying the list…</source>
        <translation>正在复制名单…</translation>
    </message>
    <message>
        <source>The list changed while it was being copied; export again.</source>
        <translation>复制过程中名单发生了变化，请重新导出。</translation>
    </message>
    <message>
        <source>Not exported: the audit trail could not be written (%1).</source>
        <translation>未导出：审计日志无法写入（%1）。</translation>
    </message>
    <message>
        <source>No call sheet: the audit trail could not be written (%1).</source>
        <translation>未生成拨打清单：审计日志无法写入（%1）。</translation>
    </message>
    <message>
        <source>all-rms</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>The folder %1 could not be created; choose another.</source>
        <translation>无法创建文件夹 %1，请另选位置。</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2).</source>
        <translation>无法写入文件 %1（%2）。</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Print call sheet</source>
        <translation>打印拨打清单</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customers to call, as a PDF to print (30 a page).</source>
        <translation>
            <numerusform>%Ln 位待联系客户，生成可打印的 PDF（每页 30 位）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows with the columns shown, in the order shown.</source>
        <translation>
            <numerusform>%1：%Ln 行，按当前显示的列和顺序导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿 (.xlsx)</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV，UTF-8 (.csv)</translation>
    </message>
    <message>
        <source>Include names, phone, ID and address numbers unmasked</source>
        <translation>姓名、手机号、身份证号和地址不脱敏</translation>
    </message>
    <message>
        <source>Reason (recorded in the audit trail):</source>
        <translation>原因（记入审计日志）：</translation>
    </message>
    <message>
        <source>e.g. list for the 开门红 phone campaign, approved by the branch manager</source>
        <translation>例如：开门红电话营销名单，已经网点负责人同意</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Personal fields are masked by default (张**, 138****5678). Every export and print is recorded in the audit trail.</source>
        <translation>个人信息默认脱敏（张**、138****5678）。每次导出和打印都记入审计日志。</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>生成 PDF</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Phone list for the SMS platform</source>
        <translation>导出号码（短信平台）</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n customer(s) with a mobile phone who accept marketing (those who refused are left out). The file&apos;s first line says it holds personal data; only you can read it.</source>
        <translation>
            <numerusform>%1：%Ln 位有手机号且接受营销的客户（拒绝营销的客户不导出）。文件第一行注明含个人信息，只有您本人可以读取。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>A short sentence only you would think of is easy to remember and hard to guess.</source>
        <translation>一句只有您会想到的短句，好记又难猜。</translation>
    </message>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <translation>太短：请至少使用 %1 个字符。</translation>
    </message>
    <message>
        <source>Weak: this is one of the most used passwords; anyone trying would try it first.</source>
        <translation>弱：这是最常用的密码之一，任何人都会先试它。</translation>
    </message>
    <message>
        <source>Weak: repeats and runs such as 1234 or aaaa are guessed first.</source>
        <translation>弱：1234、aaaa 这类重复或连续的字符最先被猜到。</translation>
    </message>
    <message>
        <source>Weak: use more characters, or mix letters, digits and symbols.</source>
        <translation>弱：请使用更多字符，或混合字母、数字和符号。</translation>
    </message>
    <message>
        <source>Fair: a few more characters or another word make it strong.</source>
        <translation>一般：再加几个字符或一个词就足够强了。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>BranchDesk guide</source>
        <translation>网点客户经营台指南</translation>
    </message>
    <message>
        <source>Welcome to BranchDesk</source>
        <translation>欢迎使用网点客户经营台</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>BranchDesk speaks Chinese and English.</source>
        <translation>网点客户经营台支持中文和英文。</translation>
    </message>
    <message>
        <source>Choose the language of the program. You can change it at any time under View → Language, without restarting.</source>
        <translation>请选择程序的语言。以后可随时在“视图 → 语言”中更改，无需重启。</translation>
    </message>
    <message>
        <source>How to start</source>
        <translation>如何开始</translation>
    </message>
    <message>
        <source>There is no branch store on this computer yet.</source>
        <translation>这台电脑上还没有网点数据库。</translation>
    </message>
    <message>
        <source>Connect to my bank&apos;s HQ</source>
        <translation>连接本行总行</translation>
    </message>
    <message>
        <source>Download your branch&apos;s customers from your bank&apos;s BranchDesk HQ server and keep them in sync. You need its address and your staff sign-in, from your branch manager or IT.</source>
        <translation>从本行的网点客户经营台总行服务器下载本网点的客户并保持同步。您需要服务器地址和员工登录账号，可向网点负责人或科技部门索取。</translation>
    </message>
    <message>
        <source>Try the demo branch</source>
        <translation>试用演示网点</translation>
    </message>
    <message>
        <source>Open a generated branch of %1 customers to try BranchDesk. The names, numbers and assets are made up; nothing leaves this computer.</source>
        <translation>打开一个生成的、有 %1 位客户的网点来试用网点客户经营台。其中的姓名、号码和资产均为虚构，任何数据都不会离开这台电脑。</translation>
    </message>
    <message>
        <source>Connect to HQ</source>
        <translation>连接总行</translation>
    </message>
    <message>
        <source>Your branch&apos;s customers are downloaded once the guide is finished.</source>
        <translation>完成本指南后即下载本网点的客户。</translation>
    </message>
    <message>
        <source>Enter the address of your bank&apos;s BranchDesk HQ server and your staff sign-in.</source>
        <translation>请输入本行网点客户经营台总行服务器的地址和您的员工登录信息。</translation>
    </message>
    <message>
        <source>HQ address:</source>
        <translation>总行地址：</translation>
    </message>
    <message>
        <source>Staff ID:</source>
        <translation>员工号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Protect the branch store</source>
        <translation>保护网点数据库</translation>
    </message>
    <message>
        <source>The customers are kept encrypted on this computer.</source>
        <translation>客户数据在这台电脑上加密保存。</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least %1 characters and type it twice. You enter it each time BranchDesk starts. Without it nobody, including you, can open the data, and there is no way to recover it.</source>
        <translation>请设置一个至少 %1 个字符的口令并输入两次。每次启动网点客户经营台时都需输入它。没有它，任何人（包括您本人）都无法打开数据，且无法找回。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>Your day: 731 and 4+1</source>
        <translation>您的一天：731 与 4+1</translation>
    </message>
    <message>
        <source>The Today page lists who to contact, and why.</source>
        <translation>“今日”页列出要联系谁，以及为什么。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;731&lt;/b&gt; is for products that mature: time deposits, wealth products, insurance. BranchDesk plans three contacts, &lt;b&gt;7, 3 and 1 days&lt;/b&gt; before the maturity date: at T-7 tell the customer it matures and learn their plans; at T-3 propose a plan or an appointment; at T-1 confirm and remind. A step that falls on a weekend or holiday moves to the working day before.&lt;/p&gt;&lt;p&gt;&lt;b&gt;4+1&lt;/b&gt; is for customers on the threshold, conversion and VIP retention lists: in each cycle of 4 weeks, &lt;b&gt;four remote touches&lt;/b&gt; (phone, SMS, WeChat, mobile-banking message) and &lt;b&gt;one face-to-face&lt;/b&gt; contact (a visit, a branch appointment, an event).&lt;/p&gt;&lt;p&gt;Every morning the &lt;b&gt;Today&lt;/b&gt; page lists the steps due and overdue, each with the reason the customer is on the list. Select one and press &lt;b&gt;Enter&lt;/b&gt; to log the contact: it is saved at once and sent to HQ with the next sync (&lt;b&gt;F5&lt;/b&gt; syncs now). &lt;b&gt;F1&lt;/b&gt; lists every shortcut.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;731&lt;/b&gt; 用于到期产品：定期存款、理财产品、保险。网点客户经营台在到期日前 &lt;b&gt;7 天、3 天和 1 天&lt;/b&gt;安排三次联系：T-7 告知客户产品即将到期并了解其打算；T-3 提出方案或预约面谈；T-1 确认并提醒。落在周末或节假日的步骤提前到前一个工作日。&lt;/p&gt;&lt;p&gt;&lt;b&gt;4+1&lt;/b&gt; 用于临界客户、综拓客户和高端客户防流失名单：每 4 周一个周期，&lt;b&gt;四次远程触达&lt;/b&gt;（电话、短信、微信、手机银行消息）加&lt;b&gt;一次面对面&lt;/b&gt;接触（上门拜访、网点预约、活动）。&lt;/p&gt;&lt;p&gt;每天早上，&lt;b&gt;今日&lt;/b&gt;页列出今日应联系和已超期的步骤，并注明客户上榜的原因。选中一条按 &lt;b&gt;Enter&lt;/b&gt; 即可登记联系：立即保存，并在下次同步时发送到总行（&lt;b&gt;F5&lt;/b&gt; 立即同步）。&lt;b&gt;F1&lt;/b&gt; 列出所有快捷键。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose the customer file</source>
        <translation>选择客户文件</translation>
    </message>
    <message>
        <source>Customer lists (*.csv *.xlsx);;All files (*)</source>
        <translation>客户名单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import a customer file</source>
        <translation>导入客户文件</translation>
    </message>
    <message>
        <source>Start a branch without HQ from a customer list exported from the core-banking system or kept in Excel (CSV or .xlsx). You check the columns before anything is written; you can import more files later under File.</source>
        <translation>不连接总行，用从核心系统导出或在 Excel 中整理的客户名单（CSV 或 .xlsx）建立网点。写入前会先请您核对各列；以后还可在“文件”菜单中继续导入。</translation>
    </message>
    <message>
        <source>The file becomes a new branch on this computer, kept encrypted.</source>
        <translation>该文件将在本机建立一个新网点，数据加密保存。</translation>
    </message>
    <message>
        <source>Choose the file, name the branch, and give your staff ID: you are its manager and can assign customers to the relationship managers named in the file. After the passphrase, the import shows the columns it recognised and every row it cannot take, with its line.</source>
        <translation>请选择文件、填写网点名称和您的工号：您将作为网点负责人，可把客户分配给文件中列出的客户经理。设置口令后，导入向导会显示识别出的各列，以及每一条无法导入的行及其行号。</translation>
    </message>
    <message>
        <source>Customer file:</source>
        <translation>客户文件：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Branch name:</source>
        <translation>网点名称：</translation>
    </message>
    <message>
        <source>e.g. Chengnan Sub-branch</source>
        <translation>例如：城南支行</translation>
    </message>
    <message>
        <source>Branch code (optional):</source>
        <translation>网点机构号（可选）：</translation>
    </message>
    <message>
        <source>Your staff ID:</source>
        <translation>您的工号：</translation>
    </message>
    <message>
        <source>Your name (optional):</source>
        <translation>您的姓名（可选）：</translation>
    </message>
</context>
<context>
    <name>FullNames</name>
    <message>
        <source>--full-names needs --reason TEXT (2 to 200 characters): it is recorded in the audit log</source>
        <translation>--full-names 需要用 --reason 说明理由（2 至 200 个字符），理由记入审计日志</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Show the &amp;first-run guide again</source>
        <translation>再次显示首次运行指南(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About BranchDesk</source>
        <translation>关于网点客户经营台(&amp;A)</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the search box</source>
        <translation>清空搜索框</translation>
    </message>
    <message>
        <source>Up / Down</source>
        <translation>上 / 下</translation>
    </message>
    <message>
        <source>Move through the list; the 360 panel follows</source>
        <translation>在列表中移动，360视图随之切换</translation>
    </message>
    <message>
        <source>Down / Enter</source>
        <translation>↓ / 回车</translation>
    </message>
    <message>
        <source>In the search box: go to the results; Enter on a result moves to its 360</source>
        <translation>在搜索框中：转到搜索结果；在结果上按回车进入其360视图</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>Today: log a contact for the selected step; in the dialog, save it</source>
        <translation>今日：为所选步骤登记联系；在对话框中则为保存</translation>
    </message>
    <message>
        <source>Today: reschedule the selected step, with a reason</source>
        <translation>今日：为所选步骤改期（需填原因）</translation>
    </message>
    <message>
        <source>Community events: record the visitor being entered</source>
        <translation>社区活动：登记正在录入的访客</translation>
    </message>
    <message>
        <source>Sync with HQ now</source>
        <translation>立即与总行同步</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Go to a page: %1</source>
        <translation>转到页面：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Export the list on screen to Excel or CSV</source>
        <translation>把当前页面的名单导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>Print the Today page&apos;s call sheet (PDF)</source>
        <translation>打印今日页的拨打清单（PDF）</translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <source>Log a contact or note for the customer shown (Today, Customers)</source>
        <translation>为当前客户登记联系或备注（今日、客户页）</translation>
    </message>
    <message>
        <source>Lock: close the customer data until the passphrase is entered</source>
        <translation>锁定：关闭客户数据，输入口令后才能再次打开</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>&lt;b&gt;BranchDesk %1&lt;/b&gt;&lt;p&gt;Customer workbench for retail-bank branches: tiers, lists, contact cadences (731, 4+1) and sync with head office.&lt;/p&gt;</source>
        <translation>&lt;b&gt;网点客户经营台 %1&lt;/b&gt;&lt;p&gt;面向零售银行网点的客户经营工具：客户分层、名单管理、联系节奏（731、4+1）以及与总行同步。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About BranchDesk</source>
        <translation>关于网点客户经营台</translation>
    </message>
</context>
<context>
    <name>Holding</name>
    <message>
        <source>Demand deposit</source>
        <translation>活期存款</translation>
    </message>
    <message>
        <source>Time deposit</source>
        <translation>定期存款</translation>
    </message>
    <message>
        <source>Wealth product</source>
        <translation>理财产品</translation>
    </message>
    <message>
        <source>Fund</source>
        <translation>基金</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Precious metal</source>
        <translation>贵金属</translation>
    </message>
</context>
<context>
    <name>HqConnectDialog</name>
    <message>
        <source>Sign in to HQ</source>
        <translation>登录总行</translation>
    </message>
    <message>
        <source>Connect to HQ</source>
        <translation>连接总行</translation>
    </message>
    <message>
        <source>Your HQ session has expired. Enter your password to continue syncing.</source>
        <translation>与总行的会话已过期。请输入密码以继续同步。</translation>
    </message>
    <message>
        <source>Enter the address of your bank&apos;s BranchDesk HQ server and your staff sign-in. The branch&apos;s customers are then downloaded and kept in sync.</source>
        <translation>请输入本行网点客户经营台总行服务器地址及您的员工登录信息。随后将下载本网点客户并保持同步。</translation>
    </message>
    <message>
        <source>HQ address:</source>
        <translation>总行地址：</translation>
    </message>
    <message>
        <source>Staff ID:</source>
        <translation>员工工号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>HqMessages</name>
    <message>
        <source>HQ cannot be reached. Check the network connection (cable, Wi-Fi or VPN) and the HQ address.</source>
        <translation>连不上总行。请检查网络连接（网线、无线网络或专线）和总行地址。</translation>
    </message>
    <message>
        <source>Wrong staff ID or password.</source>
        <translation>工号或密码不正确。</translation>
    </message>
    <message>
        <source>HQ refused: this staff ID may not use this branch&apos;s data.</source>
        <translation>总行拒绝：此工号无权使用本网点的数据。</translation>
    </message>
    <message>
        <source>HQ asks for a full reload of the branch; it runs with the next sync.</source>
        <translation>总行要求重新下载本网点全部数据，将在下次同步时进行。</translation>
    </message>
    <message>
        <source>HQ has seen this computer&apos;s changes before; it now syncs as a new device.</source>
        <translation>总行已收到过本机的这些变更，本机改为以新设备身份同步。</translation>
    </message>
    <message>
        <source>HQ&apos;s answer could not be read. Try again later; if it persists, tell IT (details in the sync log).</source>
        <translation>无法读取总行的答复。请稍后重试；如仍不行，请联系科技部门（详情见同步日志）。</translation>
    </message>
    <message>
        <source>HQ reported an error. Try again later; if it persists, tell IT (details in the sync log).</source>
        <translation>总行返回错误。请稍后重试；如仍不行，请联系科技部门（详情见同步日志）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>HQ reports this computer as lost.</source>
        <translation>总行已将本机登记为遗失。</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>import needs one FILE and --store PATH</source>
        <translation>import 需要一个文件 FILE 和 --store PATH</translation>
    </message>
    <message>
        <source>Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE</source>
        <translation>请在环境变量 BRANCHDESK_PASSPHRASE 中设置数据库口令</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>--today 须为 YYYY-MM-DD 格式的日期，收到的是“%1”</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>read %1 rows (%2%3): %4 new, %5 updated, %6 rejected</source>
        <translation>读取 %1 行（%2%3）：新增 %4，更新 %5，拒绝 %6</translation>
    </message>
    <message>
        <source>rejected rows with line and reason: %1</source>
        <translation>被拒绝的行（含行号和原因）：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n RM id(s) from the file added to the branch&apos;s staff</source>
        <translation>
            <numerusform>文件中的 %Ln 个客户经理工号已加入本网点员工名单</numerusform>
        </translation>
    </message>
    <message>
        <source>  import FILE --store PATH [--mapping FILE.json] [--rejects FILE.csv] [--staff ID]
       [--today YYYY-MM-DD]
        import customers from CSV (UTF-8 or GBK) or .xlsx into the store (created if missing),
        or HQ&apos;s extract, or a maturity list (customer no, product, amount, maturity date);
        bad rows go to FILE.rejects.csv (owner-only) with line and reason (docs/data-formats.md)
</source>
        <translation>  import 文件 --store 路径 [--mapping 文件.json] [--rejects 文件.csv] [--staff 工号]
       [--today YYYY-MM-DD]
        从 CSV（UTF-8 或 GBK）或 .xlsx 导入客户到数据库（不存在时自动创建），
        也可导入总行抽数文件或到期清单（客户号、产品、金额、到期日）；
        不合格的行连同行号和原因写入 文件.rejects.csv（仅本人可读）（见 docs/data-formats.md）
</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) above the header skipped as titles</source>
        <translation>
            <numerusform>表头上方 %n 行作为标题已跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>holdings: %1 new, %2 updated</source>
        <translation>持仓：新增 %1，更新 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n staff member(s) from the extract</source>
        <translation>
            <numerusform>抽数文件中的员工 %n 位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMapping</name>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Payroll employer</source>
        <translation>代发单位</translation>
    </message>
    <message>
        <source>RM (staff id)</source>
        <translation>客户经理（工号）</translation>
    </message>
    <message>
        <source>AUM</source>
        <translation>金融资产</translation>
    </message>
    <message>
        <source>Monthly average AUM</source>
        <translation>月日均资产</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>Last transaction</source>
        <translation>最近交易日期</translation>
    </message>
    <message>
        <source>Payroll customer</source>
        <translation>代发客户</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Cannot read the mapping file %1: %2</source>
        <translation>无法读取列对应文件 %1：%2</translation>
    </message>
    <message>
        <source>%1, offset %2: not a JSON object (%3)</source>
        <translation>%1，位置 %2：不是 JSON 对象（%3）</translation>
    </message>
    <message>
        <source>%1: column &apos;%2&apos; is not in the file&apos;s header</source>
        <translation>%1：文件表头中没有“%2”列</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a customer field (column &apos;%3&apos;)</source>
        <translation>%1：“%2”不是客户字段（“%3”列）</translation>
    </message>
    <message>
        <source>%1: bad amount unit &apos;%2&apos; for column &apos;%3&apos; (yuan, wan or fen)</source>
        <translation>%1：“%3”列的金额单位“%2”无效（应为 yuan、wan 或 fen）</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Holding id</source>
        <translation>持仓编号</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Product type</source>
        <translation>产品类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Value date</source>
        <translation>起息日</translation>
    </message>
    <message>
        <source>Maturity date</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>ImportTableReader</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 1 GB; split it</source>
        <translation>%1 超过 1 GB，请拆分后再导入</translation>
    </message>
    <message>
        <source>%1 is an old Excel .xls file or a password-protected workbook: open it in Excel or WPS and save it as an Excel workbook (.xlsx) without a password, or as CSV</source>
        <translation>%1 是旧版 Excel .xls 文件或设有密码的工作簿：请在 Excel 或 WPS 中打开，另存为不带密码的 Excel 工作簿（.xlsx）或 CSV</translation>
    </message>
    <message>
        <source>%1 is empty: no header row</source>
        <translation>%1 是空文件：没有表头行</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>核对列</translation>
    </message>
    <message>
        <source>Each column of the file feeds the customer field chosen above it; guessed from the header. Customer no. and name are needed.</source>
        <translation>文件的每一列导入到其上方所选的客户字段（根据表头自动识别）。客户号和姓名必须有。</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>核对数据</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Customer lists (*.csv *.xlsx);;All files (*)</source>
        <translation>客户名单 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n data rows and %1 columns; %2.</source>
        <translation>
            <numerusform>%Ln 行数据，%1 列；%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>CSV in %1</source>
        <translation>CSV，编码 %1</translation>
    </message>
    <message>
        <source>Rows 1-%1 shown as a preview.</source>
        <translation>预览前 %1 行。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n rows…</source>
        <translation>
            <numerusform>正在校验 %Ln 行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows can be imported.</source>
        <translation>
            <numerusform>%Ln 行可以导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows are rejected and will be written, with line and reason, to %1.</source>
        <translation>
            <numerusform>%Ln 行不合格，将连同行号和原因写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import: correct the file or the mapping.</source>
        <translation>没有可导入的行：请修改文件或列对应关系。</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n customers in one transaction…</source>
        <translation>
            <numerusform>正在一次写入 %Ln 位客户…</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled; the store is unchanged.</source>
        <translation>导入已取消，数据库保持不变。</translation>
    </message>
    <message>
        <source>Imported: %1 new customers, %2 updated.</source>
        <translation>已导入：新增客户 %1 位，更新 %2 位。</translation>
    </message>
    <message numerus="yes">
        <source>%n rejected rows, with line and reason, are in %1.</source>
        <translation>
            <numerusform>%Ln 行被拒绝，行号和原因见 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存列对应关系…</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存列对应关系</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>列对应关系 (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>%n relationship manager(s) named in the file were added to the branch&apos;s staff; they appear under their staff ID.</source>
        <translation>
            <numerusform>文件中的 %Ln 位客户经理已加入本网点员工名单，暂以工号显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n title row(s) above the header skipped.</source>
        <translation>
            <numerusform>表头上方 %n 行标题已跳过。</numerusform>
        </translation>
    </message>
    <message>
        <source>A customer list, a maturity list or HQ&apos;s extract, as CSV (UTF-8 or GBK, as Excel saves it) or an Excel workbook (.xlsx). Title rows above the column names are skipped.</source>
        <translation>客户名单、到期清单或总行抽数文件：CSV（UTF-8 或 GBK，Excel 另存的即可）或 Excel 工作簿（.xlsx）。列名上方的标题行会被跳过。</translation>
    </message>
</context>
<context>
    <name>IssueListDialog</name>
    <message>
        <source>Issue list to RMs</source>
        <translation>下发名单给客户经理</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot;: %n customer(s). Each RM works their share with 4+1 from today.</source>
        <translation>
            <numerusform>“%1”：%n 位客户。各客户经理自今日起按 4+1 跟进自己的一份。</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance by workload</source>
        <translation>按工作量均衡</translation>
    </message>
    <message>
        <source>Keep each customer&apos;s current RM</source>
        <translation>保留客户原归属客户经理</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>RMs:</source>
        <translation>客户经理：</translation>
    </message>
    <message>
        <source>Split:</source>
        <translation>分配方式：</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>--format must be csv or json, got &apos;%1&apos;</source>
        <translation>--format 须为 csv 或 json，收到的是“%1”</translation>
    </message>
    <message>
        <source>list quadrant needs --quadrant A, B, C or D</source>
        <translation>list quadrant 需要 --quadrant A、B、C 或 D</translation>
    </message>
    <message>
        <source>--date must be a date as YYYY-MM-DD, got &apos;%1&apos;</source>
        <translation>--date 须为 YYYY-MM-DD 格式的日期，收到的是“%1”</translation>
    </message>
    <message>
        <source>Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE</source>
        <translation>请在环境变量 BRANCHDESK_PASSPHRASE 中设置数据库口令</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>--band must be the tier id of a threshold band, got &apos;%1&apos;</source>
        <translation>--band 须为某个临界区间的层级 id，收到的是“%1”</translation>
    </message>
    <message>
        <source>list needs threshold, low-efficiency, quadrant, new-customers, loss-recovery or moments, and --store PATH</source>
        <translation>list 需要 threshold、low-efficiency、quadrant、new-customers、loss-recovery 或 moments，以及 --store PATH</translation>
    </message>
    <message>
        <source>  list threshold|low-efficiency|quadrant|new-customers|loss-recovery|moments --store PATH
       [--format csv|json] [--quadrant A|B|C|D] [--band TIER] [--wide] [--date YYYY-MM-DD] [--full-names --reason TEXT]
        print the threshold list (optionally one band, by its tier id), the low-efficiency
        list (--wide: under the widened line), one quadrant&apos;s customers, the new customers
        (first meeting, milestones), loss recovery or the moments of truth, as the app shows them;
        names are masked (张*) unless --full-names with --reason, which is recorded in the audit log
</source>
        <translation>  list threshold|low-efficiency|quadrant|new-customers|loss-recovery|moments --store PATH
       [--format csv|json] [--quadrant A|B|C|D] [--band TIER] [--wide] [--date YYYY-MM-DD] [--full-names --reason 理由]
        输出临界客户名单（可用层级 id 只取一个区间）、低效客户名单（--wide：按放宽后的线）、
        某一象限的客户、新客户（首面、里程碑）、流失挽回或关键时刻名单，与应用中显示的一致；
        姓名脱敏显示（张*），使用 --full-names 并以 --reason 说明理由时显示全名，并记入审计日志
</translation>
    </message>
</context>
<context>
    <name>ListImport</name>
    <message>
        <source>%1: no column to match customers by. The first row should name a customer number (客户号), an ID number (证件号码) or a mobile phone (手机号) column.</source>
        <translation>%1：没有可用于匹配客户的列。表头应包含“客户号”“证件号码”或“手机号”列。</translation>
    </message>
    <message>
        <source>the line could not be read (a stray quote?)</source>
        <translation>该行无法读取（可能有多余的引号）</translation>
    </message>
    <message>
        <source>customer number %1 is not a customer of this branch</source>
        <translation>客户号 %1 不是本网点客户</translation>
    </message>
    <message>
        <source>ID number %1 matches no customer</source>
        <translation>证件号码 %1 匹配不到客户</translation>
    </message>
    <message>
        <source>phone %1 matches no customer</source>
        <translation>手机号 %1 匹配不到客户</translation>
    </message>
    <message>
        <source>no customer number, ID number or phone on this line</source>
        <translation>该行没有客户号、证件号码或手机号</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>Import a name list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Why it matches nobody</source>
        <translation>匹配不到的原因</translation>
    </message>
    <message>
        <source>Campaign list name:</source>
        <translation>营销活动名单名称：</translation>
    </message>
    <message>
        <source>Freeze as campaign list</source>
        <translation>锁定为营销活动名单</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>%1: %2 line(s) read, %3 customer(s) matched (%4 by customer number, %5 by ID number, %6 by phone); %7 line(s) repeat a customer already matched; %8 line(s) match nobody.</source>
        <translation>%1：读取 %2 行，匹配 %3 位客户（按客户号 %4 位，按证件号码 %5 位，按手机号 %6 位）；%7 行与已匹配的客户重复；%8 行匹配不到客户。</translation>
    </message>
</context>
<context>
    <name>ListMetricsModel</name>
    <message>
        <source>Branch</source>
        <translation>全网点</translation>
    </message>
    <message>
        <source>%1 / %2 (%3%) · target %4</source>
        <translation>%1 / %2（%3%）· 目标 %4</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Low-efficiency activation</source>
        <translation>低效客户激活</translation>
    </message>
    <message>
        <source>Cross-line conversion</source>
        <translation>内部综拓</translation>
    </message>
    <message>
        <source>Payroll retention</source>
        <translation>代发工资留存</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Delete campaign list</source>
        <translation>删除营销活动名单</translation>
    </message>
    <message>
        <source>Delete the campaign list &quot;%1&quot;? Its baseline cannot be rebuilt later.</source>
        <translation>删除营销活动名单“%1”？删除后无法重建其基准。</translation>
    </message>
    <message>
        <source>All bands</source>
        <translation>全部区间</translation>
    </message>
    <message>
        <source>%1 to under %2 → %3</source>
        <translation>%1 至 %2 以下 → %3</translation>
    </message>
    <message>
        <source>AUM under %1</source>
        <translation>资产低于 %1</translation>
    </message>
    <message>
        <source>AUM under %1 (widened)</source>
        <translation>资产低于 %1（放宽）</translation>
    </message>
    <message>
        <source>Freeze as campaign list</source>
        <translation>锁定为营销活动名单</translation>
    </message>
    <message numerus="yes">
        <source>Name of the campaign list (%n customer(s), baseline today):</source>
        <translation>
            <numerusform>营销活动名单名称（%Ln 位客户，以今日为基准）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold customers (%1)</source>
        <translation>临界客户（%1）</translation>
    </message>
    <message>
        <source>Low-efficiency customers (%1)</source>
        <translation>低效客户（%1）</translation>
    </message>
    <message>
        <source>Campaign lists (%1)</source>
        <translation>营销活动名单（%1）</translation>
    </message>
    <message>
        <source>Band:</source>
        <translation>区间：</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) just under a tier line, closest first</source>
        <translation>
            <numerusform>%Ln 位客户略低于层级线，差额最小的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>标准：</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s), highest potential value first: start activation with them</source>
        <translation>
            <numerusform>%Ln 位客户，潜在价值高的在前：从他们开始激活</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze as campaign list…</source>
        <translation>锁定为营销活动名单…</translation>
    </message>
    <message>
        <source>Campaign list:</source>
        <translation>营销活动名单：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Reached the target tier</source>
        <translation>已达目标层级</translation>
    </message>
    <message>
        <source>Moved up</source>
        <translation>层级上升</translation>
    </message>
    <message>
        <source>Moved down</source>
        <translation>层级下降</translation>
    </message>
    <message>
        <source>Gone from the data</source>
        <translation>已不在数据中</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No campaign list yet. Freeze the threshold or low-efficiency list, or a quadrant selection, to follow its uplift against today&apos;s baseline.</source>
        <translation>还没有营销活动名单。将临界客户、低效客户名单或象限圈选锁定为营销活动名单，即可对照今日基准跟踪提升情况。</translation>
    </message>
    <message>
        <source>Frozen on %1 with %2 customers. Reached the target tier: %3, uplift rate %4% (target %5%). Since freezing: %6 moved up a tier, %7 moved down, %8 gone from the data.</source>
        <translation>%1 锁定，共 %2 位客户。已达目标层级 %3 位，提升率 %4%（目标 %5%）。锁定以来：%6 位层级上升，%7 位下降，%8 位已不在数据中。</translation>
    </message>
    <message>
        <source>Balance this list over the RMs</source>
        <translation>按工作量把本名单分给客户经理</translation>
    </message>
    <message>
        <source>Give the list&apos;s customers to RMs so that open steps are even, keeping current owners where possible</source>
        <translation>把名单中的客户分给各位客户经理，使未完成步骤大致平均，并尽量保留原归属经理</translation>
    </message>
    <message>
        <source>New customers and moments (%1)</source>
        <translation>新客户与关键时刻（%1）</translation>
    </message>
    <message>
        <source>Issue to RMs…</source>
        <translation>下发给客户经理…</translation>
    </message>
    <message>
        <source>Split the list across RMs and issue it: each RM works their share with 4+1</source>
        <translation>把名单分给客户经理并下发：各客户经理按 4+1 跟进自己的一份</translation>
    </message>
    <message>
        <source>Batch touch…</source>
        <translation>批量触达…</translation>
    </message>
    <message>
        <source>Log one SMS, WeChat, WeCom or mobile-banking push against every customer shown</source>
        <translation>对列表中的每位客户记录一次短信、微信、企业微信或手机银行推送</translation>
    </message>
    <message>
        <source>Import a name list</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Name lists (*.xlsx *.csv)</source>
        <translation>名单文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>A name list from the card, loan or corporate department (.xlsx or .csv): matched by customer number, ID number or phone, then frozen here to split and issue</source>
        <translation>信用卡、个贷或公司部门下发的名单（.xlsx 或 .csv）：按客户号、证件号码或手机号匹配，锁定后在此分配和下发</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message numerus="yes">
        <source>Too many wrong passphrases. Try again in %n second(s).</source>
        <translation>
            <numerusform>口令错误次数过多，请 %Ln 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>That passphrase does not unlock this store. Nothing was changed; try again.</source>
        <translation>此口令无法解锁该数据库。未做任何改动，请重试。</translation>
    </message>
    <message>
        <source>The store could not be opened: %1</source>
        <translation>无法打开数据库：%1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message numerus="yes">
        <source>Last contact with HQ: %1, more than %n day(s) ago. Connect to the bank&apos;s network: BranchDesk contacts HQ now and opens the customer data when HQ answers.</source>
        <translation>
            <numerusform>上次与总行联系：%1，已超过 %Ln 天。请连接行内网络：程序正在联系总行，总行应答后即打开客户数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the branch store…</source>
        <translation>正在打开网点数据库…</translation>
    </message>
    <message>
        <source>The store could not be read. Try again.</source>
        <translation>无法读取数据库，请重试。</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>口令已修改，今后请使用新口令。</translation>
    </message>
    <message>
        <source>The current passphrase is not right. Nothing was changed.</source>
        <translation>当前口令不正确，未做任何改动。</translation>
    </message>
    <message>
        <source>The passphrase could not be changed: %1</source>
        <translation>口令修改失败：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>BranchDesk — %1</source>
        <translation>网点客户经营台 — %1</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>网点客户经营台</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The lists could not be updated: %1</source>
        <translation>名单无法更新：%1</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>客户分层</translation>
    </message>
    <message>
        <source>Value quadrant</source>
        <translation>价值象限</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Maturities</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Retention &amp; conversion</source>
        <translation>防流失与综拓</translation>
    </message>
    <message>
        <source>Community events</source>
        <translation>社区活动</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>导出名单(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print call sheet…</source>
        <translation>打印拨打清单(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>修改口令(&amp;P)…</translation>
    </message>
    <message>
        <source>No customer changed hands: the workload is already as even as it gets.</source>
        <translation>没有客户需要调整：工作量已经尽可能均衡。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) assigned; they reach the RMs with the next sync.</source>
        <translation>
            <numerusform>已分配 %Ln 位客户，下次同步后送达客户经理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>看板</translation>
    </message>
    <message>
        <source>Showing %1&apos;s customers and steps</source>
        <translation>正在显示 %1 的客户和步骤</translation>
    </message>
    <message>
        <source>Showing every RM</source>
        <translation>正在显示全部客户经理</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>branch name (branch code)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2 customers · %3 holdings · encrypted store</source>
        <translation>%1 · %2 位客户 · %3 笔持仓 · 数据库已加密</translation>
    </message>
    <message>
        <source>Choose a customer first: on Today, or find one on Customers (Ctrl+F).</source>
        <translation>请先选择客户：在“今日”页选中一行，或在“客户”页查找（Ctrl+F）。</translation>
    </message>
    <message>
        <source>&amp;Log contact…</source>
        <translation>登记联系(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>ManagerLoadModel</name>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Cannot fit</source>
        <translation>截止前排不下</translation>
    </message>
</context>
<context>
    <name>MaturityList</name>
    <message>
        <source>Not known yet</source>
        <translation>尚无结果</translation>
    </message>
    <message>
        <source>HQ data</source>
        <translation>总行数据</translation>
    </message>
    <message>
        <source>Marked by the RM</source>
        <translation>客户经理标记</translation>
    </message>
    <message>
        <source>From a contact</source>
        <translation>来自联系记录</translation>
    </message>
</context>
<context>
    <name>MaturityModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Not matured yet</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Date / type / product</source>
        <translation>日期 / 类型 / 产品</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>到期结果</translation>
    </message>
    <message>
        <source>Converted (%1)</source>
        <translation>转化金额（%1）</translation>
    </message>
    <message>
        <source>Retained in bank (%1)</source>
        <translation>留存在行金额（%1）</translation>
    </message>
</context>
<context>
    <name>MaturityOutcome</name>
    <message>
        <source>Renewed</source>
        <translation>已转存</translation>
    </message>
    <message>
        <source>Reinvested here</source>
        <translation>已转购本行产品</translation>
    </message>
    <message>
        <source>Partly kept</source>
        <translation>部分留存</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已支取</translation>
    </message>
</context>
<context>
    <name>MaturityOutcomeDialog</name>
    <message>
        <source>Mark the maturity outcome</source>
        <translation>标记到期结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;matured amount %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;到期金额 %2</translation>
    </message>
    <message>
        <source> CNY</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Kept here:</source>
        <translation>留存金额(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>MaturityPage</name>
    <message>
        <source>%1 products maturing, %2</source>
        <translation>待到期 %1 笔，%2</translation>
    </message>
    <message numerus="yes">
        <source>Conversion: nothing matured in the last %n day(s) yet (target %1%).</source>
        <translation>
            <numerusform>转化：过去 %Ln 天内尚无到期产品（目标 %1%）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Maturing in the next</source>
        <translation>未来</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>and matured in the last</source>
        <translation>内到期，以及过去</translation>
    </message>
    <message>
        <source>Mark outcome…</source>
        <translation>标记到期结果…</translation>
    </message>
    <message>
        <source>&amp;RM:</source>
        <translation>客户经理(&amp;R)：</translation>
    </message>
    <message>
        <source>Conversion of %1 matured products (%2): %3 with a known outcome; retained in the bank %4 by count and %5 by amount, target %6%; converted into a product %7 by count and %8 by amount.</source>
        <translation>已到期 %1 笔（%2），其中 %3 笔结果已知；留存在行：按笔数 %4、按金额 %5，目标 %6%；转化为产品：按笔数 %7、按金额 %8。</translation>
    </message>
    <message>
        <source>maturing products</source>
        <translation>到期产品</translation>
    </message>
</context>
<context>
    <name>MomentLists</name>
    <message>
        <source>opened %1 (%2 days ago)</source>
        <translation>%1 开户（%2 天前）</translation>
    </message>
    <message>
        <source>no face-to-face meeting yet</source>
        <translation>尚未首次见面</translation>
    </message>
    <message>
        <source>AUM %1, next milestone %2, %3 to go</source>
        <translation>资产 %1，下一里程碑 %2，还差 %3</translation>
    </message>
    <message>
        <source>AUM 3-month average %1 → last month %2, −%3% (−%4)</source>
        <translation>前三个月月日均 %1 → 上月 %2，下降 %3%（减少 %4）</translation>
    </message>
    <message>
        <source>large outflow: today&apos;s balance %1 against last month&apos;s average %2 (−%3)</source>
        <translation>大额流出：时点资产 %1，上月日均 %2（减少 %3）</translation>
    </message>
    <message>
        <source>a quiet account active again on %1 (%2 transactions in 90 days)</source>
        <translation>沉睡账户于 %1 重新活跃（近 90 天交易 %2 笔）</translation>
    </message>
    <message>
        <source>%1 of %2 matures on %3 with no contact logged</source>
        <translation>%1（%2）将于 %3 到期，尚无联系记录</translation>
    </message>
    <message>
        <source>birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>birthday in %1 days</source>
        <translation>%1 天后生日</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>MomentListsTab</name>
    <message>
        <source>List:</source>
        <translation>名单：</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s), each with the reason to call now</source>
        <translation>
            <numerusform>%Ln 位客户，均注明此刻联系的原因</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze as campaign list…</source>
        <translation>锁定为营销活动名单…</translation>
    </message>
</context>
<context>
    <name>MomentMetricsModel</name>
    <message numerus="yes">
        <source>%n first meeting(s) held</source>
        <translation>
            <numerusform>已首面 %Ln 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reached %1</source>
        <translation>
            <numerusform>%Ln 位达到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n back above last month&apos;s average, %1 recovered</source>
        <translation>
            <numerusform>%Ln 位回升至上月日均以上，挽回 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n handled</source>
        <translation>
            <numerusform>已处理 %Ln 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retained in the bank, %1</source>
        <translation>
            <numerusform>留存在行 %Ln 笔，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n converted into a product, %1</source>
        <translation>
            <numerusform>转化为产品 %Ln 笔，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>New customers: first meeting</source>
        <translation>新客户：首面</translation>
    </message>
    <message>
        <source>New customers: honeymoon milestone</source>
        <translation>新客户：蜜月期里程碑</translation>
    </message>
    <message>
        <source>Loss recovery</source>
        <translation>流失挽回</translation>
    </message>
    <message>
        <source>Moments of truth</source>
        <translation>关键时刻</translation>
    </message>
    <message>
        <source>Maturity: retained in the bank</source>
        <translation>到期：留存在行</translation>
    </message>
    <message>
        <source>Maturity: converted into a product</source>
        <translation>到期：转化为产品</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>On the list</source>
        <translation>名单人数</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Protect the branch store</source>
        <translation>保护网点数据库</translation>
    </message>
    <message>
        <source>The customer data of %1 is kept encrypted on this computer. Choose a passphrase of at least %2 characters. Without it nobody, including you, can open the data.</source>
        <translation>%1 的客户数据在本机加密保存。请设置至少 %2 个字符的口令。没有口令，任何人（包括您本人）都无法打开这些数据。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Unlock the branch store</source>
        <translation>解锁网点数据库</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects the branch data on this computer.</source>
        <translation>请输入保护本机网点数据的口令。</translation>
    </message>
</context>
<context>
    <name>PayrollModel</name>
    <message>
        <source>(employer not given)</source>
        <translation>（未登记单位）</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>代发单位</translation>
    </message>
    <message>
        <source>Payroll customers</source>
        <translation>代发客户数</translation>
    </message>
    <message>
        <source>With an RM</source>
        <translation>已分配客户经理</translation>
    </message>
    <message>
        <source>AUM today (%1)</source>
        <translation>时点资产（%1）</translation>
    </message>
    <message>
        <source>Last month&apos;s average (%1)</source>
        <translation>上月日均（%1）</translation>
    </message>
    <message>
        <source>Balance kept vs month before</source>
        <translation>较前月余额留存</translation>
    </message>
</context>
<context>
    <name>PhoneListExport</name>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>PERSONAL DATA: customer names and mobile phone numbers, for the bank&apos;s SMS platform only. Do not copy or forward; delete the file once it has been uploaded.</source>
        <translation>本文件含个人信息（客户姓名、手机号），仅供银行短信平台使用。请勿复制或转发；上传后请删除本文件。</translation>
    </message>
    <message>
        <source>No phone list without a store: the export could not be audited.</source>
        <translation>没有数据库，无法记录审计日志，未导出号码。</translation>
    </message>
    <message>
        <source>No phone list: nobody in the batch has a phone and accepts marketing.</source>
        <translation>未导出号码：这批客户中没有既有手机号又接受营销的客户。</translation>
    </message>
    <message>
        <source>The folder %1 could not be created; choose another.</source>
        <translation>无法创建文件夹 %1，请另选位置。</translation>
    </message>
    <message>
        <source>The file %1 could not be written (%2).</source>
        <translation>无法写入文件 %1（%2）。</translation>
    </message>
    <message>
        <source>Not exported: the audit trail could not be written (%1).</source>
        <translation>未导出：审计日志无法写入（%1）。</translation>
    </message>
    <message numerus="yes">
        <source>Phone list of %n customer(s) written to %1 (%2); %3 refused marketing and were left out.</source>
        <translation>
            <numerusform>已将 %Ln 位客户的号码写入 %1（%2）；%3 位拒绝营销的客户未导出。</numerusform>
        </translation>
    </message>
    <message>
        <source>phones masked</source>
        <translation>手机号已脱敏</translation>
    </message>
    <message>
        <source>unmasked</source>
        <translation>未脱敏</translation>
    </message>
</context>
<context>
    <name>PolicyVersions</name>
    <message>
        <source>HQ version %1</source>
        <translation>总行第 %1 版</translation>
    </message>
    <message>
        <source>HQ version %1 (%2)</source>
        <translation>总行第 %1 版（%2）</translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation>内置默认</translation>
    </message>
    <message>
        <source>, edited here</source>
        <translation>，本网点已调整</translation>
    </message>
    <message>
        <source> (HQ version %1 could not be read by this build)</source>
        <translation>（总行第 %1 版本程序无法读取）</translation>
    </message>
    <message>
        <source>none: weekends only</source>
        <translation>无：仅按周末</translation>
    </message>
    <message>
        <source>%1 from HQ (version %2)</source>
        <translation>%1 年总行下发（第 %2 版）</translation>
    </message>
    <message>
        <source>%1 built in</source>
        <translation>%1 年内置</translation>
    </message>
    <message>
        <source>%1–%2 built in</source>
        <translation>%1–%2 年内置</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Tier policy: %1</source>
        <translation>分层政策：%1</translation>
    </message>
    <message>
        <source>Value policy: %1</source>
        <translation>价值政策：%1</translation>
    </message>
    <message>
        <source>Cadence policy: %1</source>
        <translation>联系节奏政策：%1</translation>
    </message>
    <message>
        <source>Holiday calendars: %1</source>
        <translation>节假日安排：%1</translation>
    </message>
</context>
<context>
    <name>Quadrant</name>
    <message>
        <source>Growth</source>
        <translation>成长期客户</translation>
    </message>
    <message>
        <source>Low current, high potential value. The largest group: young, active, digital.</source>
        <translation>当前价值低、潜在价值高。人数最多的一类：年轻、活跃、偏好线上。</translation>
    </message>
    <message>
        <source>Online services and everyday scenarios, consumer credit and cards; build stickiness.</source>
        <translation>线上服务与生活场景，消费贷款与信用卡；增强客户粘性。</translation>
    </message>
    <message>
        <source>Cultivation</source>
        <translation>培育期客户</translation>
    </message>
    <message>
        <source>High current, high potential value. Highest assets of the four but under 500k here: money spread across banks.</source>
        <translation>当前价值高、潜在价值高。四类中资产最高，但在本行不足50万元：资金分散在多家银行。</translation>
    </message>
    <message>
        <source>Key focus: investment products, differentiated service, vouchers (e.g. 500 off per 100k); prevent churn.</source>
        <translation>营销重点：投资类产品、差异化服务、投资抵用券（如“满10万元抵用500元”）；防止流失。</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>High current, low potential value. Older, inactive, counter-oriented.</source>
        <translation>当前价值高、潜在价值低。年龄偏大、交易不活跃、偏好柜面。</translation>
    </message>
    <message>
        <source>In person and by phone or SMS, moderate effort; find the few with upside.</source>
        <translation>面对面及电话、短信联系，适度投入；找出其中有提升空间的客户。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般客户</translation>
    </message>
    <message>
        <source>Low current, low potential value. Like the potential group with fewer assets.</source>
        <translation>当前价值低、潜在价值低。特征与潜力客户相似，但资产更少。</translation>
    </message>
    <message>
        <source>Uniform pushes, move to online and self-service, minimal cost.</source>
        <translation>同质化推送，引导至线上和自助渠道，控制成本。</translation>
    </message>
    <message>
        <source>No customer falls in this quadrant with these cuts.</source>
        <translation>按当前分界，此象限没有客户。</translation>
    </message>
    <message>
        <source>the largest group</source>
        <translation>人数最多</translation>
    </message>
    <message>
        <source>a mid-sized group</source>
        <translation>人数居中</translation>
    </message>
    <message>
        <source>the smallest group</source>
        <translation>人数最少</translation>
    </message>
    <message>
        <source>the highest average assets of the four (%1)</source>
        <translation>户均资产四类中最高（%1）</translation>
    </message>
    <message>
        <source>average assets %1</source>
        <translation>户均资产 %1</translation>
    </message>
    <message>
        <source>the lowest average assets of the four (%1)</source>
        <translation>户均资产四类中最低（%1）</translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>年龄未知</translation>
    </message>
    <message>
        <source>the youngest (average age %1)</source>
        <translation>最年轻（平均 %1 岁）</translation>
    </message>
    <message>
        <source>average age %1</source>
        <translation>平均 %1 岁</translation>
    </message>
    <message>
        <source>the oldest (average age %1)</source>
        <translation>年龄最大（平均 %1 岁）</translation>
    </message>
    <message>
        <source>the most active in mobile banking (%1 logins in 90 days)</source>
        <translation>手机银行最活跃（近 90 天平均登录 %1 次）</translation>
    </message>
    <message>
        <source>%1 mobile-banking logins in 90 days</source>
        <translation>近 90 天手机银行平均登录 %1 次</translation>
    </message>
    <message>
        <source>the least active in mobile banking (%1 logins in 90 days)</source>
        <translation>手机银行最不活跃（近 90 天平均登录 %1 次）</translation>
    </message>
    <message>
        <source>%1 customers: %2; %3; %4; %5.</source>
        <translation>%1 位客户：%2；%3；%4；%5。</translation>
    </message>
</context>
<context>
    <name>QuadrantPage</name>
    <message>
        <source>%1 customers (%2%) · AUM %3</source>
        <translation>%1 位客户（%2%）· 资产 %3</translation>
    </message>
    <message>
        <source>Cuts: current %1 · potential %2</source>
        <translation>分界：当前价值 %1 · 潜在价值 %2</translation>
    </message>
    <message>
        <source>Freeze as campaign list</source>
        <translation>锁定为营销活动名单</translation>
    </message>
    <message numerus="yes">
        <source>Name of the campaign list (%n customer(s), baseline today):</source>
        <translation>
            <numerusform>营销活动名单名称（%Ln 位客户，以今日为基准）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>坐标：</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Logarithmic</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Cuts at the medians</source>
        <translation>分界回到中位数</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Drag a dashed line to move a cut; drag a rectangle to list the customers in it; click a dot for the customer&apos;s 360 view.</source>
        <translation>拖动虚线可移动分界；拖出矩形可列出框内客户；点击圆点查看该客户的360视图。</translation>
    </message>
    <message>
        <source>Strategy: %1</source>
        <translation>策略：%1</translation>
    </message>
    <message>
        <source>List these customers</source>
        <translation>列出这些客户</translation>
    </message>
    <message>
        <source>List (%1)</source>
        <translation>名单（%1）</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>客户360</translation>
    </message>
    <message>
        <source>Freeze as campaign list…</source>
        <translation>锁定为营销活动名单…</translation>
    </message>
    <message>
        <source>Drag a rectangle on the chart or list a quadrant.</source>
        <translation>在图上拖出矩形，或列出某一象限的客户。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n customer(s)</source>
        <translation>
            <numerusform>%1：%Ln 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not on the quadrant: %n customer(s) at %1 and above (AUM %2), served by the VIP retention list. The quadrant&apos;s population is set by the value policy.</source>
        <translation>
            <numerusform>未纳入象限：%1及以上客户 %Ln 位（资产 %2），由高端客户防流失名单维护。纳入象限的客户范围由价值政策设定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Batch touch…</source>
        <translation>批量触达…</translation>
    </message>
    <message>
        <source>Log one SMS, WeChat, WeCom or mobile-banking push against the customers listed (or the rows selected); those who refused marketing are skipped</source>
        <translation>对列出的客户（或选中的行）记录一次短信、微信、企业微信或手机银行推送；拒绝营销的客户自动跳过</translation>
    </message>
</context>
<context>
    <name>QuadrantPlot</name>
    <message>
        <source>Current value (0-100)</source>
        <translation>当前价值（0-100）</translation>
    </message>
    <message>
        <source>Potential value (0-100)</source>
        <translation>潜在价值（0-100）</translation>
    </message>
</context>
<context>
    <name>RescheduleStepDialog</name>
    <message>
        <source>Reschedule a step</source>
        <translation>步骤改期</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;due %2; it can move up to %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;原定 %2；最晚可改到 %3。</translation>
    </message>
    <message>
        <source>Why (required), e.g. the customer is travelling until Friday</source>
        <translation>原因（必填），如：客户出差至周五</translation>
    </message>
    <message>
        <source>New &amp;due date:</source>
        <translation>新日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>RetentionList</name>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Transaction settlement</source>
        <translation>交易结算</translation>
    </message>
    <message>
        <source>Service experience</source>
        <translation>服务体验</translation>
    </message>
    <message>
        <source>Customer referral</source>
        <translation>客户转介</translation>
    </message>
    <message>
        <source>AUM 3-month average %1 → now %2, %3%</source>
        <translation>资产近3月日均 %1 → 当前 %2，%3%</translation>
    </message>
    <message>
        <source>dropped from %1 to %2</source>
        <translation>由%1降为%2</translation>
    </message>
    <message>
        <source>covers %1 of 4 triangles (policy: %2)</source>
        <translation>仅覆盖 %1 个三角（要求 %2 个）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 is shown in full for %n second(s), and the audit log records who saw it, when and why. Why do you need it?</source>
        <translation>
            <numerusform>%1将完整显示 %Ln 秒，审计日志会记录查看人、时间和原因。请说明查看原因：</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirming identity with the customer</source>
        <translation>与客户核实身份</translation>
    </message>
    <message>
        <source>Calling the customer back</source>
        <translation>回电客户</translation>
    </message>
    <message>
        <source>Handling a transaction at the counter</source>
        <translation>柜面办理业务</translation>
    </message>
    <message>
        <source>Updating the customer&apos;s details</source>
        <translation>更新客户资料</translation>
    </message>
    <message>
        <source>Reason (no personal data)</source>
        <translation>原因（请勿填写个人信息）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>RmFilterCombo</name>
    <message>
        <source>All RMs</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
</context>
<context>
    <name>RmProgressModel</name>
    <message>
        <source>%1 (no target)</source>
        <translation>%1（未定任务）</translation>
    </message>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%1 / %2（%3）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 working days)</source>
        <translation>%1（%3 个工作日已过 %2 个）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n kept, %1</source>
        <translation>
            <numerusform>留存 %n 笔，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customers converted / target</source>
        <translation>转化客户数 / 任务</translation>
    </message>
    <message>
        <source>Amount / target</source>
        <translation>金额 / 任务</translation>
    </message>
    <message>
        <source>Time progress</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Contacts today / capacity</source>
        <translation>今日联系 / 每日容量</translation>
    </message>
    <message>
        <source>Maturities kept today</source>
        <translation>今天登记的到期留存</translation>
    </message>
</context>
<context>
    <name>RmTableModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Threshold list</source>
        <translation>临界名单</translation>
    </message>
    <message>
        <source>On 4+1</source>
        <translation>4+1 客户</translation>
    </message>
    <message>
        <source>Maturing</source>
        <translation>到期产品</translation>
    </message>
    <message>
        <source>Steps due</source>
        <translation>应做步骤</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>延后完成</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>错过</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时率</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化数</translation>
    </message>
</context>
<context>
    <name>SignInMenu</name>
    <message>
        <source>&amp;Signed in as</source>
        <translation>登录身份(&amp;S)</translation>
    </message>
    <message>
        <source>%1 (branch manager)</source>
        <translation>%1（网点负责人）</translation>
    </message>
    <message>
        <source>%1 (RM %2)</source>
        <translation>%1（客户经理 %2）</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sign &amp;in to HQ…</source>
        <translation>登录总行(&amp;I)…</translation>
    </message>
    <message>
        <source>Sync with HQ now (F5)</source>
        <translation>立即与总行同步（F5）</translation>
    </message>
    <message>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Not connected to HQ</source>
        <translation>未连接总行</translation>
    </message>
    <message>
        <source>Online · last sync %1</source>
        <translation>在线 · 上次同步 %1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline · last sync %1</source>
        <translation>离线 · 上次同步 %1</translation>
    </message>
    <message>
        <source>Sign in to HQ to sync</source>
        <translation>请登录总行以同步</translation>
    </message>
    <message>
        <source>Sync failed · last sync %1</source>
        <translation>同步失败 · 上次同步 %1</translation>
    </message>
    <message>
        <source>%1 waiting to send</source>
        <translation>%1 条待上传</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>网点客户经营台</translation>
    </message>
    <message>
        <source>HQ reports this computer as lost. The branch data on it has been erased; BranchDesk will now close.</source>
        <translation>总行报告本机已丢失。本机上的网点数据已被清除，程序即将关闭。</translation>
    </message>
    <message>
        <source>HQ reports this computer as lost, but its branch data could not be fully erased. Close BranchDesk and contact IT.</source>
        <translation>总行报告本机已丢失，但本机上的网点数据未能完全清除。请关闭程序并联系科技部门。</translation>
    </message>
    <message>
        <source>HQ asks for the password again: Sync → Sign in to HQ…</source>
        <translation>总行要求重新输入密码：同步 → 登录总行…</translation>
    </message>
    <message>
        <source>%1 %2 / %3</source>
        <translation>%1 %2 / %3</translation>
    </message>
    <message>
        <source>%1, %2 records so far</source>
        <translation>%1，已 %2 条</translation>
    </message>
    <message>
        <source>Syncing: %1</source>
        <translation>正在同步：%1</translation>
    </message>
    <message>
        <source>HQ has ended this computer&apos;s sign-in (after a new password, a sign-out, or 30 days without use). Enter your HQ password once to keep syncing.</source>
        <translation>总行已结束本机的登录（因更换了密码、退出了登录或 30 天未使用）。请输入一次总行密码，以便继续同步。</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <source>Sending changes</source>
        <translation>正在上传变更</translation>
    </message>
    <message>
        <source>Receiving branch data</source>
        <translation>正在接收网点数据</translation>
    </message>
</context>
<context>
    <name>SyncLogPage</name>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Overwritten</source>
        <translation>被覆盖</translation>
    </message>
    <message>
        <source>Damaged page</source>
        <translation>数据页损坏</translation>
    </message>
    <message>
        <source>Restored copy</source>
        <translation>从旧副本恢复</translation>
    </message>
    <message>
        <source>Full reload</source>
        <translation>全量重载</translation>
    </message>
    <message>
        <source>Removal postponed</source>
        <translation>暂缓删除</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>theirs: %1
yours: %2</source>
        <translation>对方：%1
本机：%2</translation>
    </message>
    <message>
        <source>What sync did that you should know about: problems, and every time a change made on this computer was replaced by another, with both versions and the rule that decided.</source>
        <translation>同步中需要您了解的情况：出现的问题，以及本机所做修改被其他修改替换的每一次记录，含双方版本和裁决规则。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>同步失败</translation>
    </message>
</context>
<context>
    <name>TableExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Cannot make %1 readable by its owner only</source>
        <translation>无法将 %1 设为仅本人可读</translation>
    </message>
</context>
<context>
    <name>ThresholdBands</name>
    <message>
        <source>threshold %1 → %2 (%3), %4 to go</source>
        <translation>临界 %1 → %2（%3），差 %4</translation>
    </message>
</context>
<context>
    <name>TierChart</name>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>AUM (10k CNY)</source>
        <translation>资产（万元）</translation>
    </message>
    <message>
        <source>AUM (CNY)</source>
        <translation>资产（元）</translation>
    </message>
</context>
<context>
    <name>TierPage</name>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>AUM range (tier basis)</source>
        <translation>资产区间（分层口径）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>AUM (%1)</source>
        <translation>资产（%1）</translation>
    </message>
    <message>
        <source>AUM share</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <source>Customers by AUM tier</source>
        <translation>按资产分层的客户</translation>
    </message>
    <message>
        <source>Customers by AUM tier, on last month&apos;s daily average · %1 customers</source>
        <translation>按资产分层的客户（上月日均口径）· 共 %1 位客户</translation>
    </message>
    <message>
        <source>%1 to under %2</source>
        <translation>%1 至 %2 以下</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 及以上</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>%1 以下</translation>
    </message>
</context>
<context>
    <name>TodayList</name>
    <message>
        <source>731 step %1 of %2</source>
        <translation>731 第 %1/%2 步</translation>
    </message>
    <message>
        <source>4+1 face-to-face %1 of %2</source>
        <translation>4+1 见面 %1/%2</translation>
    </message>
    <message>
        <source>4+1 face-to-face</source>
        <translation>4+1 见面</translation>
    </message>
    <message>
        <source>4+1 touch %1 of %2</source>
        <translation>4+1 远程触达 %1/%2</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>约定跟进</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>%Ln 天后</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 %3 (%4) maturing on %5, %6</source>
        <translation>%1：%2 %3（%4）%5到期，%6</translation>
    </message>
    <message>
        <source> · late entry: earlier steps skipped</source>
        <translation> · 晚入名单：之前的步骤已跳过</translation>
    </message>
    <message>
        <source>%1, cycle ends %2: %3</source>
        <translation>%1，本周期 %2 结束：%3</translation>
    </message>
    <message>
        <source>agreed on %1</source>
        <translation>%1 约定</translation>
    </message>
    <message>
        <source>agreed on %1: %2</source>
        <translation>%1 约定：%2</translation>
    </message>
    <message>
        <source> · rescheduled: %1</source>
        <translation> · 已改期：%1</translation>
    </message>
    <message>
        <source> · no holiday calendar for %1, weekends only</source>
        <translation> · 缺少 %1 年节假日安排，仅按周末顺延</translation>
    </message>
    <message>
        <source>New customer: first meeting</source>
        <translation>新客户首面</translation>
    </message>
    <message>
        <source>New customer: honeymoon touch</source>
        <translation>新客户蜜月期回访</translation>
    </message>
    <message>
        <source>Loss recovery call</source>
        <translation>流失挽回联系</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>关键时刻</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>✓ Done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message numerus="yes">
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>已超期 %Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应联系</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%Ln 天</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应联系日</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>✓ Done late</source>
        <translation>✓ 延后完成</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>All RMs</source>
        <translation>全部客户经理</translation>
    </message>
    <message>
        <source>%1 (branch manager)</source>
        <translation>%1（网点负责人）</translation>
    </message>
    <message>
        <source>✓ Done %1</source>
        <translation>✓ 已完成 %1</translation>
    </message>
    <message>
        <source>Due today %1</source>
        <translation>今日应联系 %1</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>已超期 %1</translation>
    </message>
    <message>
        <source>No holiday calendar loaded for %1: due dates there only skip Saturdays and Sundays. Put the year&apos;s holiday-cn file in %2.</source>
        <translation>未加载 %1 年的节假日安排：这些日期只避开周六日。请将该年的 holiday-cn 文件放入 %2。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Acting as:</source>
        <translation>当前身份：</translation>
    </message>
    <message>
        <source>Showing:</source>
        <translation>查看：</translation>
    </message>
    <message>
        <source>Log contact (Enter)</source>
        <translation>登记联系（回车）</translation>
    </message>
    <message>
        <source>Reschedule… (Ctrl+R)</source>
        <translation>改期…（Ctrl+R）</translation>
    </message>
    <message>
        <source>Up/Down to move, Enter to log, Enter again to save.</source>
        <translation>上下键移动，回车登记，再按回车保存。</translation>
    </message>
    <message>
        <source>Nothing due today. New steps appear as products near maturity and customers join the 4+1 lists.</source>
        <translation>今天没有待办。产品临近到期、客户进入 4+1 名单时会出现新的步骤。</translation>
    </message>
    <message>
        <source>Loading the contact log…</source>
        <translation>正在读取联系记录…</translation>
    </message>
    <message>
        <source>This step is done. To change what was logged, correct it in the contact history on the right.</source>
        <translation>此步骤已完成。如需修改登记内容，请在右侧联系记录中更正。</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Calendars present: %1.</source>
        <translation>已有节假日安排：%1。</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Checking the passphrase…</source>
        <translation>正在验证口令…</translation>
    </message>
    <message>
        <source>BranchDesk is locked</source>
        <translation>网点客户经营台已锁定</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>The customer data is closed and its key erased from memory. Enter the passphrase to open it again.</source>
        <translation>客户数据已关闭，密钥已从内存中清除。请输入口令重新打开。</translation>
    </message>
</context>
<context>
    <name>ValuePolicy</name>
    <message>
        <source>AUM</source>
        <translation>资产（AUM）</translation>
    </message>
    <message>
        <source>Financial assets here, on the tier basis (last month&apos;s daily average)</source>
        <translation>在本行的金融资产，按分层口径（上月日均）</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>贡献度</translation>
    </message>
    <message>
        <source>Yearly revenue the bank earns from the customer</source>
        <translation>客户每年为本行带来的收入</translation>
    </message>
    <message>
        <source>Product categories</source>
        <translation>持有产品类别</translation>
    </message>
    <message>
        <source>Number of product types held (deposit, wealth, fund, insurance...)</source>
        <translation>持有的产品类别数（存款、理财、基金、保险等）</translation>
    </message>
    <message>
        <source>Tenure</source>
        <translation>合作年限</translation>
    </message>
    <message>
        <source>Days since the relationship started</source>
        <translation>自建立关系以来的天数</translation>
    </message>
    <message>
        <source>Age (younger ranks higher)</source>
        <translation>年龄（越年轻得分越高）</translation>
    </message>
    <message>
        <source>Younger customers have more earning years ahead</source>
        <translation>年轻客户未来的收入年限更长</translation>
    </message>
    <message>
        <source>Transactions, 90 days</source>
        <translation>近90天交易笔数</translation>
    </message>
    <message>
        <source>Account transactions in the last 90 days</source>
        <translation>近90天的账户交易笔数</translation>
    </message>
    <message>
        <source>Mobile-banking logins, 90 days</source>
        <translation>近90天手机银行登录</translation>
    </message>
    <message>
        <source>Mobile-banking logins in the last 90 days</source>
        <translation>近90天的手机银行登录次数</translation>
    </message>
    <message>
        <source>AUM growth, 6 months</source>
        <translation>近6个月资产增长</translation>
    </message>
    <message>
        <source>Last month&apos;s average against the average six months before</source>
        <translation>上月日均与六个月前月日均相比</translation>
    </message>
    <message>
        <source>Payroll</source>
        <translation>代发工资</translation>
    </message>
    <message>
        <source>Salary paid into an account here</source>
        <translation>工资代发至本行账户</translation>
    </message>
    <message>
        <source>Active credit card</source>
        <translation>信用卡活跃</translation>
    </message>
    <message>
        <source>Holds and uses a credit card of the bank</source>
        <translation>持有并使用本行信用卡</translation>
    </message>
</context>
<context>
    <name>ValuePolicyDialog</name>
    <message>
        <source>Value scores and lists</source>
        <translation>价值评分与名单</translation>
    </message>
    <message>
        <source>Current value: weights</source>
        <translation>当前价值：权重</translation>
    </message>
    <message>
        <source>Potential value: weights</source>
        <translation>潜在价值：权重</translation>
    </message>
    <message>
        <source>Quadrant cuts</source>
        <translation>象限分界</translation>
    </message>
    <message>
        <source>Fixed cut points instead of the branch medians</source>
        <translation>使用固定分界点，而非网点中位数</translation>
    </message>
    <message>
        <source>Current value cut</source>
        <translation>当前价值分界</translation>
    </message>
    <message>
        <source>Potential value cut</source>
        <translation>潜在价值分界</translation>
    </message>
    <message>
        <source>Lists (amounts in CNY)</source>
        <translation>名单（金额单位：元）</translation>
    </message>
    <message>
        <source>Threshold band towards %1 starts at</source>
        <translation>通往%1的临界区间起点</translation>
    </message>
    <message>
        <source>Low-efficiency: AUM under</source>
        <translation>低效客户：资产低于</translation>
    </message>
    <message>
        <source>Low-efficiency, widened: AUM under</source>
        <translation>低效客户（放宽）：资产低于</translation>
    </message>
    <message>
        <source>Uplift target of a threshold list</source>
        <translation>临界名单提升率目标</translation>
    </message>
    <message>
        <source>Weights count relative to the others of the same score; 0 leaves an indicator out. Each indicator is ranked within the branch before it is weighted.</source>
        <translation>权重相对于同一评分中的其他指标计算；设为 0 即不计该指标。每个指标先在网点内排名（百分位），再加权。</translation>
    </message>
    <message>
        <source>In force: %1</source>
        <translation>当前生效：%1</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Walk-in of %1 (%2) logged as a branch contact: it counts for 4+1 face-to-face.</source>
        <translation>%1（%2）的厅堂到访已登记为网点联系，计入 4+1 见面。</translation>
    </message>
    <message>
        <source>%1 is not a customer yet: saved as your prospect.</source>
        <translation>%1 还不是我行客户：已存为您的意向客户。</translation>
    </message>
    <message>
        <source>Walk-in counted. Without consent to be contacted, the phone number is not kept.</source>
        <translation>已计入到访人数。未同意联系，不保存手机号。</translation>
    </message>
    <message>
        <source>Walk-in at the branch hall</source>
        <translation>厅堂到访登记</translation>
    </message>
    <message>
        <source>Existing customer: name, pinyin, or the last digits of the phone</source>
        <translation>我行客户：输入姓名、拼音或手机尾号查找</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>Or someone new, a prospect:</source>
        <translation>或新到访的意向客户：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Interest:</source>
        <translation>意向：</translation>
    </message>
    <message>
        <source>Agrees to be contacted</source>
        <translation>同意银行后续联系</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WarningListModel</name>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>%1 of 4</source>
        <translation>%1/4</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>RM</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>AUM (%1)</source>
        <translation>资产（%1）</translation>
    </message>
    <message>
        <source>Triangles</source>
        <translation>三角覆盖</translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation>入名单原因</translation>
    </message>
</context>
<context>
    <name>WarningListsPage</name>
    <message>
        <source>&lt;b&gt;Four triangles&lt;/b&gt; over %1 VIP-and-above customers (a triangle is covered with %2 or more items):</source>
        <translation>&lt;b&gt;四个三角叉&lt;/b&gt;覆盖情况，共 %1 位贵宾及以上客户（某类达到 %2 项即算覆盖）：</translation>
    </message>
    <message>
        <source>%1 &lt;span style=&apos;color:%2&apos;&gt;%3%&lt;/span&gt; (target %4%)</source>
        <translation>%1 &lt;span style=&apos;color:%2&apos;&gt;%3%&lt;/span&gt;（目标 %4%）</translation>
    </message>
    <message>
        <source>On the warning list: AUM down more than %1% against the 3-month average, a tier lost, or fewer than %2 triangles covered. Each runs a 4+1 retention cycle.</source>
        <translation>进入预警名单：资产较近3月日均下降超过 %1%、层级下降，或覆盖的三角少于 %2 个。名单客户按 4+1 节奏做专项维护。</translation>
    </message>
    <message>
        <source>VIP retention (%1)</source>
        <translation>高端客户防流失（%1）</translation>
    </message>
    <message>
        <source>Cross-line conversion (%1)</source>
        <translation>内部综拓（%1）</translation>
    </message>
    <message>
        <source>Payroll by employer (%1)</source>
        <translation>代发单位（%1）</translation>
    </message>
    <message>
        <source>Corporate executives, customers with a personal loan opened in the last %1 days and active credit-card holders who hold no deposits or wealth products here (only a settlement account under %2). Members with an RM run a 4+1 cycle.</source>
        <translation>企业高管、近 %1 天新增个人贷款的客户、信用卡活跃客户中，在我行没有存款或理财（仅有余额低于 %2 元的结算账户）的客户。已分配客户经理的按 4+1 节奏维护。</translation>
    </message>
    <message>
        <source>Payroll (代发) customers by employer. The extract has no salary credits yet, so the share kept is last month&apos;s average balance against the month before&apos;s; events (the &quot;three gifts&quot;), not individual cadences, work this list.</source>
        <translation>按代发单位汇总的代发客户。核心数据暂无工资入账明细，留存比例暂以上月日均余额与前月相比；此名单以活动（“三送”）而非个人联系节奏经营。</translation>
    </message>
    <message>
        <source>&amp;RM:</source>
        <translation>客户经理(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>WeekPlanModel</name>
    <message>
        <source>No room before the deadline: flagged to the manager</source>
        <translation>截止前排不下：已提示网点负责人</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后期限</translation>
    </message>
</context>
<context>
    <name>WeekPlanView</name>
    <message>
        <source>Today&apos;s plan %1 of %2</source>
        <translation>今日计划 %1 / %2</translation>
    </message>
    <message>
        <source>Today&apos;s plan %1</source>
        <translation>今日计划 %1</translation>
    </message>
    <message>
        <source> · later this week %1</source>
        <translation> · 本周稍后 %1</translation>
    </message>
    <message>
        <source> · next week %1</source>
        <translation> · 下周 %1</translation>
    </message>
    <message>
        <source> · %1 cannot fit before their deadline (flagged to the manager)</source>
        <translation> · %1 项截止前排不下（已提示网点负责人）</translation>
    </message>
    <message>
        <source>My capacity today:</source>
        <translation>今日处理量：</translation>
    </message>
    <message>
        <source>Load against capacity, next working days (double-click an RM to see their day)</source>
        <translation>各客户经理未来工作日的计划量与处理量（双击客户经理查看其当日计划）</translation>
    </message>
    <message>
        <source>Contacts you can make today; the plan moves the rest to later days.</source>
        <translation>今天能完成的联系数；其余步骤排到之后的工作日。</translation>
    </message>
</context>
<context>
    <name>XlsxReader</name>
    <message>
        <source>%1 is not an .xlsx file (not a zip archive)</source>
        <translation>%1 不是 .xlsx 文件（不是 zip 压缩包）</translation>
    </message>
    <message>
        <source>%1: the shared strings are damaged (%2)</source>
        <translation>%1：共享字符串已损坏（%2）</translation>
    </message>
    <message>
        <source>%1 has no readable worksheet (%2)</source>
        <translation>%1 中没有可读取的工作表（%2）</translation>
    </message>
    <message>
        <source>%1, row %2: bad cell reference &apos;%3&apos;</source>
        <translation>%1，第 %2 行：单元格引用“%3”无效</translation>
    </message>
    <message>
        <source>%1, cell %2: shared string %3 does not exist</source>
        <translation>%1，单元格 %2：共享字符串 %3 不存在</translation>
    </message>
    <message>
        <source>%1: the worksheet is damaged (%2)</source>
        <translation>%1：工作表已损坏（%2）</translation>
    </message>
</context>
</TS>
