<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CalendarGrid</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar_grid.py" line="75"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar_grid.py" line="232"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar_grid.py" line="232"/>
        <source>+%1 more</source>
        <translation>另有 %1 项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar_grid.py" line="262"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar_grid.py" line="373"/>
        <source>all day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="63"/>
        <source>Previous (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="66"/>
        <source>Next (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="67"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="68"/>
        <source>Go to today (Home)</source>
        <translation>回到今天（Home）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="70"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="72"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="79"/>
        <source>Lanes by city</source>
        <translation>按地市分行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="80"/>
        <source>Lanes by venue</source>
        <translation>按场地分行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="82"/>
        <source>Colour by type</source>
        <translation>按类型着色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="83"/>
        <source>Colour by status</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="127"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="158"/>
        <source>Double-click an activity (or press Enter) to open it; arrows move, Page Up/Down change the period.</source>
        <translation>双击活动（或按回车）打开；方向键移动，Page Up/Page Down 翻页。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="200"/>
        <source> (province-wide)</source>
        <translation>（全省）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="206"/>
        <source>(no city)</source>
        <translation>（未填地市）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="215"/>
        <source>(no venue, online)</source>
        <translation>（无场地/线上）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="236"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="236"/>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="239"/>
        <source>%1 activities</source>
        <translation>%1 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="246"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="247"/>
        <source>%1 – %2 (week %3)</source>
        <translation>%1 – %2（第 %3 周）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="247"/>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/calendar.py" line="248"/>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="32"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="32"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="32"/>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="41"/>
        <source>Double-click a finding to open its activity</source>
        <translation>双击问题可打开相应活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="43"/>
        <source>Run checks again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="54"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="57"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="57"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="57"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="61"/>
        <source>Venue double booked</source>
        <translation>场地冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="62"/>
        <source>Over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="63"/>
        <source>Outside the programme window</source>
        <translation>超出活动期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="64"/>
        <source>Public holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="65"/>
        <source>Holiday data missing</source>
        <translation>缺少节假日数据</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="66"/>
        <source>Undertaker in two places</source>
        <translation>承办单位分身</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="67"/>
        <source>Sub-venue mismatch</source>
        <translation>分会场不一致</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="68"/>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="69"/>
        <source>Missing for submission</source>
        <translation>报送必填缺项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="70"/>
        <source>Result not reported</source>
        <translation>结果未填报</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="114"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/checks.py" line="116"/>
        <source>%1 errors, %2 warnings, %3 notes</source>
        <translation>错误 %1 个，警告 %2 个，提示 %3 条</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="48"/>
        <source>Swap</source>
        <translation>互换</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="49"/>
        <source>Keep the other one instead</source>
        <translation>改为保留另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="52"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="53"/>
        <source>Merge into it and remove</source>
        <translation>并入后删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="59"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="83"/>
        <source>Choose two different entries.</source>
        <translation>请选择两个不同的条目。</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="27"/>
        <source>New organisation</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="27"/>
        <source>Edit organisation</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="28"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="29"/>
        <source>Full name, e.g. 辽宁省教育厅</source>
        <translation>全称，如：辽宁省教育厅</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="30"/>
        <source>Type *</source>
        <translation>类型 *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="31"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="32"/>
        <source>18 characters, optional</source>
        <translation>18 位，可不填</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="35"/>
        <source>Region</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="35"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="36"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="37"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="38"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="71"/>
        <source>Host</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="71"/>
        <source>Undertaker</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="72"/>
        <source>Co-organiser</source>
        <translation>协办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="76"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="77"/>
        <source>Region</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="78"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="80"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="81"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="84"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="85"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="86"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="87"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="92"/>
        <source>Search by name, pinyin or initials (e.g. lnkfdx)</source>
        <translation>按名称、拼音或首字母搜索（如 lnkfdx）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="95"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="96"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="97"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="98"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="99"/>
        <source>Two entries are the same body: move the activities of one to the other</source>
        <translation>两个条目是同一单位：把其中一个的活动转到另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="128"/>
        <source>Double-click an activity to open it</source>
        <translation>双击活动可打开</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="152"/>
        <source>Organisations</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="164"/>
        <source>%1 organisations</source>
        <translation>共 %1 个单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="203"/>
        <source>Select an organisation to see the activities it takes part in.</source>
        <translation>选择一个单位，查看它参与的活动。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="214"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="217"/>
        <source>Activities in this programme: %1 (%2)</source>
        <translation>本计划中参与活动 %1 项（%2）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="291"/>
        <source>Merge organisations</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/organisations.py" line="307"/>
        <source>“%1” will be removed; the %2 activities that name it (in any programme) will name “%3” in the same role and place. This can be undone.</source>
        <translation>将删除“%1”；列有它的 %2 项活动（含其他年度）将改列“%3”，角色和排序不变。此操作可撤销。</translation>
    </message>
</context>
<context>
    <name>RegisterCommands</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="50"/>
        <source>New organisation “%1”</source>
        <translation>新建单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="56"/>
        <source>Edit organisation “%1”</source>
        <translation>编辑单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="61"/>
        <source>Delete organisation “%1”</source>
        <translation>删除单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="66"/>
        <source>Merge organisation “%1” into “%2”</source>
        <translation>将单位“%1”合并到“%2”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="72"/>
        <source>New venue “%1”</source>
        <translation>新建场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="77"/>
        <source>Edit venue “%1”</source>
        <translation>编辑场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="82"/>
        <source>Delete venue “%1”</source>
        <translation>删除场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="87"/>
        <source>Merge venue “%1” into “%2”</source>
        <translation>将场地“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="41"/>
        <source>Not yet returned</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="47"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="48"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="49"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="49"/>
        <source>Returned</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="51"/>
        <source>Version</source>
        <translation>版本号</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="52"/>
        <source>Data as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="53"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="54"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="55"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="56"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="57"/>
        <source>Activities returned</source>
        <translation>报送活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="59"/>
        <source>Returns received</source>
        <translation>报送次数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="60"/>
        <source>Submitting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="61"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="70"/>
        <source>Copy reminder</source>
        <translation>复制催报名单</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="71"/>
        <source>Copy the list of regions that have not returned, to send as a reminder</source>
        <translation>复制尚未报送的地区名单，用于催报</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="76"/>
        <source>Reminder to the regions not yet returned</source>
        <translation>催报：尚未报送的地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="91"/>
        <source>Returns</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="101"/>
        <source>%1 of %2 regions have returned; %3 not yet.</source>
        <translation>%2 个地区中已报送 %1 个，尚有 %3 个未报送。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="105"/>
        <source>This programme has no lower-level regions to return to it.</source>
        <translation>本计划没有需要向其报送的下级地区。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="114"/>
        <source>Every region has returned.</source>
        <translation>各地区均已报送。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="115"/>
        <source>The following regions have not yet sent their %1 Lifelong Learning Activity Week return; please send it as soon as possible:</source>
        <translation>以下地区尚未报送 %1 年全民终身学习活动周活动情况，请尽快报送：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/returns.py" line="117"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="46"/>
        <source>By city</source>
        <translation>按地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="47"/>
        <source>By activity type</source>
        <translation>按活动类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="48"/>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="50"/>
        <source>Leave out cancelled activities</source>
        <translation>不含已取消的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="52"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="53"/>
        <source>Copy the table to the clipboard, to paste into Excel or WPS</source>
        <translation>把表格复制到剪贴板，可粘贴到 Excel 或 WPS</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="63"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="64"/>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="124"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="65"/>
        <source>Expected participants</source>
        <translation>预计参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="66"/>
        <source>Actual participants</source>
        <translation>实际参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="67"/>
        <source>Online participants</source>
        <translation>线上参与人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="91"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="104"/>
        <source>(no type)</source>
        <translation>（未填类型）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="106"/>
        <source>Week %1 (%2)</source>
        <translation>第 %1 周（%2）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="108"/>
        <source> (province-wide)</source>
        <translation>（全省）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="109"/>
        <source>(no city)</source>
        <translation>（未填地市）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="123"/>
        <source>Activities, %1</source>
        <translation>活动数（%1）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="126"/>
        <source>Participants, %1</source>
        <translation>参与人数（%1）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="127"/>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="128"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="129"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="132"/>
        <source>Total: %1 activities, %2 expected, %3 actual, %4 online participants</source>
        <translation>合计：活动 %1 项，预计参与 %2 人，实际参与 %3 人，线上参与 %4 人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/summary.py" line="139"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="27"/>
        <source>New venue</source>
        <translation>新建场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="27"/>
        <source>Edit venue</source>
        <translation>编辑场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="29"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="33"/>
        <source>City *</source>
        <translation>地市 *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="33"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="34"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="34"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="36"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="39"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="43"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="35"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="36"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="41"/>
        <source>Capacity (people)</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="43"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="43"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="45"/>
        <source>Accessible</source>
        <translation>无障碍设施</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="46"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="47"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>VenuesView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="54"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="54"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="57"/>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="98"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="58"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="60"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="61"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="63"/>
        <source>Accessible</source>
        <translation>无障碍设施</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="64"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="67"/>
        <source>all day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="69"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="71"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="72"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="74"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="75"/>
        <source>Double booked</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="75"/>
        <source>clash</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="84"/>
        <source>Search by name or pinyin initials</source>
        <translation>按名称或拼音首字母搜索</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="87"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="88"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="89"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="90"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="91"/>
        <source>Two entries are the same place: move the activities of one to the other</source>
        <translation>两个条目是同一场地：把其中一个的活动转到另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="122"/>
        <source>Double-click a booking to open its activity</source>
        <translation>双击预订可打开相应活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="145"/>
        <source>Venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="172"/>
        <source>All cities</source>
        <translation>全部地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="187"/>
        <source>%1 of %2 venues</source>
        <translation>显示 %1 / 共 %2 个场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="210"/>
        <source>Select a venue to see its bookings.</source>
        <translation>选择一个场地，查看其使用安排。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="218"/>
        <source>capacity %1</source>
        <translation>容纳 %1 人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="220"/>
        <source>%1 days booked by %2 activities</source>
        <translation>%2 项活动共占用 %1 天次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="223"/>
        <source>%1 double booked</source>
        <translation>%1 处时间冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="241"/>
        <source>At the same time as: %1</source>
        <translation>同一时间还有：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="316"/>
        <source>There is no other venue in this city to merge with.</source>
        <translation>该地市没有可合并的其他场地。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="320"/>
        <source>Merge venues</source>
        <translation>合并场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/views/venues.py" line="336"/>
        <source>“%1” will be removed; its %2 activities (in any programme) will be held at “%3”. This can be undone.</source>
        <translation>将删除“%1”；它的 %2 项活动（含其他年度）将改在“%3”举办。此操作可撤销。</translation>
    </message>
</context>
</TS>
