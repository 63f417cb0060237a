<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>There is no branch store on this computer yet (%1).</source>
        <translation>本机还没有网点数据库（%1）。</translation>
    </message>
    <message>
        <source>Create the demo branch to try BranchDesk with generated customers?</source>
        <translation>是否创建演示网点，用生成的客户体验网点客户经营台？</translation>
    </message>
    <message>
        <source>Create the demo branch</source>
        <translation>创建演示网点</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
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
    <name>CampaignProgressModel</name>
    <message>
        <source>No longer in the branch data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reached the target tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Moved up a tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Moved down a tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At the target tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished">客户号</translation>
    </message>
    <message>
        <source>Tier when frozen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM when frozen (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM now (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why on the list</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>Unknown command: %1</source>
        <translation>未知命令：%1</translation>
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
  --version

数据库口令从环境变量 BRANCHDESK_PASSPHRASE 读取。
</translation>
    </message>
    <message>
        <source>--customers must be a number from %1 to %2, got '%3'</source>
        <translation>--customers 须为 %1 至 %2 之间的数字，实际为“%3”</translation>
    </message>
    <message>
        <source>--seed must be a non-negative number, got '%1'</source>
        <translation>--seed 须为非负整数，实际为“%1”</translation>
    </message>
    <message>
        <source>--today must be a date as YYYY-MM-DD, got '%1'</source>
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
        <translation>当前资产：</translation>
    </message>
    <message>
        <source>Month-to-date average:</source>
        <translation>本月日均：</translation>
    </message>
    <message>
        <source>Last month's average:</source>
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
</context>
<context>
    <name>CustomerList</name>
    <message>
        <source>Threshold list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low-efficiency list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quadrant list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quadrant selection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM %1 on the tier basis, %2 below %3; today's balance held to month end makes %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM %1, under %2; potential value %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current value %1, potential value %2; AUM %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2): current value %3, potential value %4; AUM %5</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished">未分配</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished">姓名</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation type="unfinished">客户号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished">层级</translation>
    </message>
    <message>
        <source>AUM, tier basis (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Target tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gap (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Month-end if held (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Potential value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Current value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RM</source>
        <translation type="unfinished">客户经理</translation>
    </message>
    <message>
        <source>Why on the list</source>
        <translation type="unfinished" />
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About BranchDesk</source>
        <translation>关于网点客户经营台(&amp;A)</translation>
    </message>
    <message>
        <source>%1 (%2) · %3 customers · %4 holdings · encrypted store</source>
        <translation>%1（%2）· %3 位客户 · %4 笔持仓 · 数据库已加密</translation>
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
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
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
        <source>About BranchDesk</source>
        <translation>关于网点客户经营台</translation>
    </message>
    <message>
        <source>&lt;b&gt;BranchDesk %1&lt;/b&gt;&lt;p&gt;Customer workbench for retail-bank branches: tiers, lists, contact cadences (731, 4+1) and sync with head office.&lt;/p&gt;</source>
        <translation>&lt;b&gt;网点客户经营台 %1&lt;/b&gt;&lt;p&gt;面向零售银行网点的客户经营工具：客户分层、名单管理、联系节奏（731、4+1）以及与总行同步。&lt;/p&gt;</translation>
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
        <source>Enter the passphrase of %1.</source>
        <translation>请输入 %1 的口令。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>Quadrant</name>
    <message>
        <source>Growth</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low current, high potential value. The largest group: young, active, digital.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online services and everyday scenarios, consumer credit and cards; build stickiness.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cultivation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High current, high potential value. Highest assets of the four but under 500k here: money spread across banks.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key focus: investment products, differentiated service, vouchers (e.g. 500 off per 100k); prevent churn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Potential</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>High current, low potential value. Older, inactive, counter-oriented.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In person and by phone or SMS, moderate effort; find the few with upside.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Low current, low potential value. Like the potential group with fewer assets.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uniform pushes, move to online and self-service, minimal cost.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ValuePolicy</name>
    <message>
        <source>AUM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Financial assets here, on the tier basis (last month's daily average)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contribution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yearly revenue the bank earns from the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Product categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of product types held (deposit, wealth, fund, insurance...)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tenure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Days since the relationship started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Age (younger ranks higher)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Younger customers have more earning years ahead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transactions, 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account transactions in the last 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile-banking logins, 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mobile-banking logins in the last 90 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>AUM growth, 6 months</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last month's average against the average six months before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payroll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Salary paid into an account here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active credit card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holds and uses a credit card of the bank</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>