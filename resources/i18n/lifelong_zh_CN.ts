<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="61"/>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="63"/>
        <source>Create an empty programme database file</source>
        <translation>新建一个空的活动周数据库文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="66"/>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="68"/>
        <source>Open another programme database file</source>
        <translation>打开另一个活动周数据库文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="71"/>
        <source>Connect to Office Data&amp;base…</source>
        <translation>连接办公室数据库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="73"/>
        <source>Open the programme database shared on the office&apos;s PostgreSQL server</source>
        <translation>打开办公室 PostgreSQL 服务器上共用的计划数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="76"/>
        <source>New &amp;Programme…</source>
        <translation>新建活动周计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="78"/>
        <source>Create a programme for a region and year</source>
        <translation>为某地区、某年度新建活动周计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="81"/>
        <source>New Programme from &amp;Last Year&apos;s…</source>
        <translation>沿用去年计划新建(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="83"/>
        <source>Start next year&apos;s programme on the same registers, optionally copying the activities</source>
        <translation>基于相同的单位和场地名录新建下一年度计划，可选择复制去年的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="88"/>
        <source>Pro&amp;gramme Settings…</source>
        <translation>计划设置(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="90"/>
        <source>The submitting unit, contact, theme and dates written on every exported workbook</source>
        <translation>每次导出的工作簿上写明的填报单位、联系人、主题和日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="95"/>
        <source>&amp;Import Workbook…</source>
        <translation>导入填报工作簿(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="97"/>
        <source>Read a submission workbook, preview the changes, then apply</source>
        <translation>读取填报工作簿，预览变更后再应用</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="100"/>
        <source>&amp;Export Workbook…</source>
        <translation>导出填报工作簿(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="102"/>
        <source>Write the standard submission workbook</source>
        <translation>导出标准填报工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="105"/>
        <source>Blank &amp;Template…</source>
        <translation>空白填报模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="107"/>
        <source>Write an empty workbook for a lower level to fill in</source>
        <translation>生成供下级单位填写的空白工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="110"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="112"/>
        <source>Preview the printed schedule</source>
        <translation>预览打印的活动日程</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="115"/>
        <source>Print &amp;Schedule…</source>
        <translation>打印日程(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="117"/>
        <source>Print the schedule</source>
        <translation>打印活动日程</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="125"/>
        <source>Export i&amp;Calendar…</source>
        <translation>导出 iCalendar 日历(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="127"/>
        <source>Write the programme as an iCalendar file</source>
        <translation>将计划导出为 iCalendar 日历文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="130"/>
        <source>&amp;Week Summary Report…</source>
        <translation>生成活动周总结(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="132"/>
        <source>Write the summary (总结) of the week as an editable document with its 统计表 workbook</source>
        <translation>生成活动周总结：可编辑的文档（ODT）及同名统计表工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="137"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="137"/>
        <source>Close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="140"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="142"/>
        <source>Undo the last change</source>
        <translation>撤销上一步修改</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="145"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="147"/>
        <source>Redo the change undone</source>
        <translation>重做刚撤销的修改</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="150"/>
        <source>&amp;Paste Rows from Excel…</source>
        <translation>粘贴 Excel 表格行(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="152"/>
        <source>Add activities from rows copied in Excel or WPS</source>
        <translation>将从 Excel 或 WPS 复制的行添加为活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="155"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="157"/>
        <source>Search the activities</source>
        <translation>搜索活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="160"/>
        <source>Show the window in Chinese (after restart)</source>
        <translation>界面使用中文（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="163"/>
        <source>Show the window in English (after restart)</source>
        <translation>界面使用英文（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="166"/>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="168"/>
        <source>Show all activities again</source>
        <translation>重新显示全部活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="171"/>
        <source>&amp;Toolbar</source>
        <translation>工具栏(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="173"/>
        <source>Show or hide the toolbar</source>
        <translation>显示或隐藏工具栏</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="177"/>
        <source>&amp;Results Entry</source>
        <translation>录入结果(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="179"/>
        <source>Enter status, participants and a result note in the table, row after row</source>
        <translation>在表格中逐行录入状态、参与人次和结果说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="185"/>
        <source>&amp;New Activity…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="187"/>
        <source>Add an activity</source>
        <translation>添加一项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="190"/>
        <source>&amp;Edit Activity…</source>
        <translation>编辑活动(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="192"/>
        <source>Edit the selected activity</source>
        <translation>编辑选中的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="195"/>
        <source>D&amp;uplicate</source>
        <translation>复制活动(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="197"/>
        <source>Copy the selected activities</source>
        <translation>复制选中的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="200"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="202"/>
        <source>Delete the selected activities</source>
        <translation>删除选中的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="205"/>
        <source>&amp;Bulk Edit…</source>
        <translation>批量修改(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="207"/>
        <source>Change status, dates, venue or organisers of the selected activities</source>
        <translation>批量修改选中活动的状态、日期、场地或单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="210"/>
        <source>&amp;Weekly Series…</source>
        <translation>按周重复(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="212"/>
        <source>Repeat the selected activity every week on one weekday</source>
        <translation>将选中的活动按每周同一天重复安排</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="220"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="222"/>
        <source>About this program</source>
        <translation>关于本程序</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="120"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="122"/>
        <source>Write the printed schedule as a PDF file</source>
        <translation>把打印日程保存为 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="215"/>
        <source>&amp;User Guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/actions.py" line="217"/>
        <source>Open the user guide at the part about what you are doing</source>
        <translation>打开使用说明中与当前操作相关的部分</translation>
    </message>
</context>
<context>
    <name>ActivitiesView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/view.py" line="70"/>
        <location filename="../../lifelong_desktop/ui/activities/view.py" line="141"/>
        <source>Activities</source>
        <extracomment>shows one sentence to the user; tests replace it</extracomment>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/view.py" line="228"/>
        <source>%1 of %2 activities</source>
        <translation>显示 %1 / 共 %2 项活动</translation>
    </message>
</context>
<context>
    <name>ActivityEditing</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="32"/>
        <source>This activity was deleted in another window or program; your changes were not saved.</source>
        <translation>此活动已在其他窗口或程序中被删除，您的修改未保存。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="36"/>
        <source>This activity was changed in another window or program meanwhile (it now reads “%1”); your changes were not saved and the table shows its current values.</source>
        <translation>此活动已被其他窗口修改（现为“%1”），您的修改未保存，表格已显示其最新内容。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="42"/>
        <source>This record was changed in another window or program meanwhile; your changes were not saved and the table shows the current values.</source>
        <translation>此记录已被其他窗口修改，您的修改未保存，表格已显示最新内容。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="51"/>
        <source>The change could not be saved: %1</source>
        <translation>修改未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="102"/>
        <location filename="../../lifelong_desktop/ui/registers/made_here.py" line="37"/>
        <source>Not saved</source>
        <extracomment>makes a new organisation from a name typed in the form&apos;s organiser pickers (the shell sets it: it is the Organisations register&apos;s own form and rules)</extracomment>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="136"/>
        <source>Attach&amp;ments</source>
        <translation>声像资料(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="191"/>
        <source>Deleted %n activities (Ctrl+Z undoes it).</source>
        <translation>已删除 %n 项活动（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="242"/>
        <source>Nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/edits.py" line="243"/>
        <source>The clipboard holds no rows. Copy activity rows in Excel or WPS (with or without the header row) and try again.</source>
        <translation>剪贴板中没有表格行。请在 Excel 或 WPS 中复制活动行（可含表头行）后重试。</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="57"/>
        <source>New Activity</source>
        <extracomment>makes a new venue of the register in the city given (the activity&apos;s), or None when the user gives up (ui/registers/new_venue.py makes one; the shell hands it over)</extracomment>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="57"/>
        <source>Edit Activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="61"/>
        <source>&amp;Basics</source>
        <translation>基本信息(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="62"/>
        <source>&amp;When and Where</source>
        <translation>时间地点(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="63"/>
        <source>&amp;Organisers</source>
        <translation>参与单位(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="64"/>
        <source>&amp;Participants</source>
        <translation>参与情况(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="69"/>
        <source>Problems with the values</source>
        <translation>填写问题</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="47"/>
        <source>&amp;Featured brand activity</source>
        <translation>特色品牌活动(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="53"/>
        <source>(none: this is not a sub-venue)</source>
        <translation>（无：不是分会场）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="68"/>
        <source>&amp;Title:</source>
        <translation>活动名称(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="68"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="69"/>
        <source>T&amp;ype:</source>
        <translation>活动类型(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="69"/>
        <source>Activity type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="70"/>
        <source>&amp;Level:</source>
        <translation>活动级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="70"/>
        <source>Activity level</source>
        <translation>活动级别</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="71"/>
        <source>Sub-&amp;venue of:</source>
        <translation>所属主会场(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="71"/>
        <source>Main-venue activity of which this is a sub-venue</source>
        <translation>本活动作为分会场所属的主会场活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="72"/>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="73"/>
        <source>Featured brand activity</source>
        <translation>特色品牌活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="74"/>
        <source>Desc&amp;ription:</source>
        <translation>活动简介(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="74"/>
        <source>Description</source>
        <translation>活动简介</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="202"/>
        <source>&amp;All day</source>
        <translation>全天(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="89"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="98"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="99"/>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="100"/>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="101"/>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="102"/>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="103"/>
        <source>&amp;Start date:</source>
        <translation>开始日期(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="104"/>
        <source>&amp;End date:</source>
        <translation>结束日期(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="105"/>
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="153"/>
        <source>How it went, in a line; kept in this database only (the workbook has no column)</source>
        <translation>一句话说明活动举办结果；只保存在本数据库中（报送工作簿没有此列）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="176"/>
        <source>&amp;Result note:</source>
        <translation>结果说明(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="178"/>
        <source>Result note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="217"/>
        <source>&amp;Mode:</source>
        <translation>举办形式(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="219"/>
        <source>Mode</source>
        <translation>举办形式</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="222"/>
        <source>&amp;City:</source>
        <translation>地市(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="224"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="227"/>
        <source>Cou&amp;nty:</source>
        <translation>区县(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="229"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="232"/>
        <source>&amp;Venue:</source>
        <translation>活动场地(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="234"/>
        <source>Venue</source>
        <translation>活动场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="237"/>
        <source>A&amp;ddress:</source>
        <translation>详细地址(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="239"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="242"/>
        <source>Online p&amp;latform or link:</source>
        <translation>线上平台或链接(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="244"/>
        <source>Online platform or link</source>
        <translation>线上平台或链接</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="259"/>
        <source>New Venue…</source>
        <translation>新建场地…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="262"/>
        <source>New venue in the register</source>
        <translation>在场地名录中新建场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="116"/>
        <source>hosts</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="118"/>
        <source>undertakers</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="121"/>
        <source>co-organisers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="129"/>
        <source>&amp;Hosts:</source>
        <translation>主办单位(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="130"/>
        <source>&amp;Undertakers:</source>
        <translation>承办单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="131"/>
        <source>&amp;Co-organisers:</source>
        <translation>协办单位(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="142"/>
        <source>Audiences</source>
        <translation>面向群体</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="159"/>
        <source>A&amp;udiences:</source>
        <translation>面向群体(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="161"/>
        <source>&amp;Expected participants:</source>
        <translation>预计参与人数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="163"/>
        <source>Expected participants</source>
        <translation>预计参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="166"/>
        <source>&amp;Actual participants:</source>
        <translation>实际参与人数(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="168"/>
        <source>Actual participants</source>
        <translation>实际参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="171"/>
        <source>On&amp;line participants:</source>
        <translation>线上参与人次(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="173"/>
        <source>Online participants</source>
        <translation>线上参与人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="181"/>
        <source>Contact &amp;name:</source>
        <translation>联系人(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="183"/>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="186"/>
        <source>Contact p&amp;hone:</source>
        <translation>联系电话(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form_tabs.py" line="188"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="109"/>
        <source>Discard the changes made in this form?</source>
        <extracomment>asked before Cancel, Esc or closing throws typed values away; True discards (tests replace it)</extracomment>
        <translation>放弃在此表单中所做的修改吗？</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="112"/>
        <source>&amp;Discard Changes</source>
        <translation>放弃修改(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="113"/>
        <source>&amp;Keep Editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="310"/>
        <source>(whole city)</source>
        <translation>（全市）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/form.py" line="314"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ActivitySaving</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="82"/>
        <source>another window or program</source>
        <translation>另一个窗口或程序</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="88"/>
        <source>Deleted by %1 (%2); on saving you can keep what you typed as a new activity.</source>
        <translation>已被%1删除（%2）；保存时可把您填写的内容另存为新活动。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="93"/>
        <source>Changed by %1 (%2); on saving you choose what to keep.</source>
        <translation>已被%1修改（%2）；保存时由您选择保留哪些修改。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="132"/>
        <source>Kept the changes of %1; yours were dropped.</source>
        <translation>已保留%1的修改，您的修改已放弃。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="143"/>
        <source>Deleted by someone else</source>
        <translation>已被他人删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="149"/>
        <source>&amp;Save as New Activity</source>
        <translation>另存为新活动(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/saving.py" line="153"/>
        <source>&amp;Discard My Changes</source>
        <translation>放弃我的修改(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ActivityTableModel</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="55"/>
        <source>Date</source>
        <extracomment>the columns of the results mode, shown and edited in place after the week (ui/activities/results.py) the field of ActivityInput each editable result column sets</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="56"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="57"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="58"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="59"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="60"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="61"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="62"/>
        <source>Venue</source>
        <translation>活动场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="63"/>
        <source>Mode</source>
        <translation>举办形式</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="64"/>
        <source>Hosts</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="65"/>
        <source>Undertakers</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="66"/>
        <source>Expected</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="68"/>
        <source>Featured</source>
        <translation>特色品牌</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="69"/>
        <source>On site</source>
        <translation>现场人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="70"/>
        <source>Online</source>
        <translation>线上人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="71"/>
        <source>Result note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="161"/>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/table_model.py" line="162"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="79"/>
        <source>Something unexpected went wrong. Every change saved so far is safe; the details were written to %1.</source>
        <translation>程序出现意外错误。此前保存的所有修改都完好无损，详细信息已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="88"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="153"/>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="159"/>
        <source>Open &amp;Another File…</source>
        <translation>打开其他文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="168"/>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="235"/>
        <source>Lifelong Learning Activity Week</source>
        <translation>全民终身学习活动周</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="269"/>
        <source>The last session ended abnormally</source>
        <translation>上次运行异常结束</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/application.py" line="270"/>
        <source>The program ended abnormally the last time it ran. Every change saved before that is in the database. A report was written to %1; please send that file to whoever supports the program.</source>
        <translation>程序上次运行时异常结束。此前保存的所有修改都在数据库中。详细报告已写入 %1，请把该文件发给负责本程序维护的人员。</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="104"/>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="127"/>
        <source>Attachments</source>
        <extracomment>hooks tests replace: pick files, ask about shrinking one picture, confirm a removal, tell, open</extracomment>
        <translation>声像资料</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="108"/>
        <source>Add &amp;Files…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="109"/>
        <source>Op&amp;en</source>
        <translation>打开(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="110"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="143"/>
        <source>Save the activity first; then photos, scans and documents can be added.</source>
        <translation>请先保存活动，然后才能添加照片、扫描件和文档。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="295"/>
        <source>%1
missing: the file is not in %2</source>
        <translation>%1
缺失：%2 中没有此文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="192"/>
        <source>%n files, %1 in all. Files are kept as soon as they are added.</source>
        <translation>共 %n 个文件，合计 %1。文件一经添加即已保存。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="196"/>
        <source>%n missing files were brought back from the backups.</source>
        <translation>已从备份中取回 %n 个缺失的文件。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="200"/>
        <source>%n files are missing from the shared database: add them again.</source>
        <translation>共享数据库中缺少 %n 个文件：请重新添加。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="207"/>
        <source>%n files are missing from the attachments folder: restore a backup or add them again.</source>
        <translation>附件文件夹中缺少 %n 个文件：请恢复备份或重新添加。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="291"/>
        <source>%1
missing: its content is not in the shared database</source>
        <translation>%1
缺失：共享数据库中没有它的内容</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="313"/>
        <source>“%1” is missing: the shared database does not hold its content. Add the file again.</source>
        <translation>“%1”缺失：共享数据库中没有它的内容。请重新添加该文件。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="320"/>
        <source>“%1” is missing: it is not in %2. Restore a backup or add the file again.</source>
        <translation>“%1”缺失：%2 中没有此文件。请恢复备份或重新添加该文件。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="348"/>
        <source>Add Files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="355"/>
        <source>Large Picture</source>
        <translation>图片较大</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="356"/>
        <source>“%1” is %2 (%3 × %4 pixels). Add a smaller copy (JPEG, %5 pixels on the longest side)? No adds the original.</source>
        <translation>“%1”大小为 %2（%3 × %4 像素）。是否添加缩小的副本（JPEG，长边 %5 像素）？选“否”则添加原图。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="374"/>
        <source>Remove Attachments</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="375"/>
        <source>Remove %n attachments from this activity? Their files stay in the backups.</source>
        <translation>从此活动移除 %n 个附件？其文件仍保留在备份中。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="394"/>
        <source>The file was not added: %1</source>
        <translation>文件未添加：%1</translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="32"/>
        <source>Bulk Edit</source>
        <translation>批量修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="33"/>
        <source>Change %n selected activities:</source>
        <translation>
            <numerusform>修改选中的 %n 项活动：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="34"/>
        <source>Set &amp;status to</source>
        <translation>状态改为(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="36"/>
        <source>S&amp;hift dates by</source>
        <translation>日期顺延(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="39"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="40"/>
        <source>Set &amp;venue to</source>
        <translation>场地改为(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="42"/>
        <source>&amp;Add organisation</source>
        <translation>添加单位(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="46"/>
        <source>as host</source>
        <translation>作为主办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="47"/>
        <source>as undertaker</source>
        <translation>作为承办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="48"/>
        <source>as co-organiser</source>
        <translation>作为协办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="52"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="53"/>
        <source>Days to shift by</source>
        <translation>顺延天数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="54"/>
        <source>New venue</source>
        <translation>新场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="55"/>
        <source>Organisation to add</source>
        <translation>要添加的单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="56"/>
        <source>Role of the organisation</source>
        <translation>单位角色</translation>
    </message>
</context>
<context>
    <name>Busy</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/busy.py" line="32"/>
        <source>Reading “%1”…</source>
        <translation>正在读取“%1”…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/busy.py" line="36"/>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/busy.py" line="40"/>
        <source>Writing “%1”…</source>
        <translation>正在写出“%1”…</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/grid.py" line="53"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/grid.py" line="251"/>
        <source>all day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="83"/>
        <source>Previous (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="86"/>
        <source>Next (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="87"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="88"/>
        <source>Go to today (Home)</source>
        <translation>回到今天（Home）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="90"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="92"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="99"/>
        <source>Lanes by city</source>
        <translation>按地市分行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="100"/>
        <source>Lanes by venue</source>
        <translation>按场地分行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="102"/>
        <source>Colour by type</source>
        <translation>按类型着色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="103"/>
        <source>Colour by status</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="139"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="38"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="176"/>
        <source>Double-click an activity (or press Enter) to open it; arrows move, Page Up/Down change the period.</source>
        <translation>双击活动（或按回车）打开；方向键移动，Page Up/Page Down 翻页。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="223"/>
        <source> (province-wide)</source>
        <translation>（全省）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="232"/>
        <source>(no city)</source>
        <translation>（未填地市）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="243"/>
        <source>(no venue, online)</source>
        <translation>（无场地/线上）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="264"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="264"/>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="269"/>
        <source>%1 activities</source>
        <translation>%1 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="276"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="278"/>
        <source>%1 – %2 (week %3)</source>
        <translation>%1 – %2（第 %3 周）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="279"/>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/calendar/view.py" line="280"/>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>ChangeWatch</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/change_watch.py" line="92"/>
        <source>The database “%1” cannot be reached (network or server?). Nothing you typed is lost, but nothing can be saved until it is back; this window reconnects by itself.</source>
        <extracomment>while the database is out of reach, tried again this often when the last batch was seen (time.time()) and what it held: benchmarks and tests read them</extracomment>
        <translation>无法连接数据库“%1”（网络或服务器故障？）。您填写的内容没有丢失，但在恢复连接前无法保存；本窗口会自动重新连接。</translation>
    </message>
</context>
<context>
    <name>ChecksView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="43"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="43"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="43"/>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="53"/>
        <source>Double-click a finding to open its activity</source>
        <translation>双击问题可打开相应活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="55"/>
        <source>Run checks again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="66"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="47"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="69"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="69"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="69"/>
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="75"/>
        <source>Venue double booked</source>
        <translation>场地冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="76"/>
        <source>Over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="77"/>
        <source>Outside the programme window</source>
        <translation>超出活动期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="78"/>
        <source>Public holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="79"/>
        <source>Holiday data missing</source>
        <translation>缺少节假日数据</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="80"/>
        <source>Undertaker in two places</source>
        <translation>承办单位分身</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="81"/>
        <source>Sub-venue mismatch</source>
        <translation>分会场不一致</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="82"/>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="83"/>
        <source>Missing for submission</source>
        <translation>报送必填缺项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="84"/>
        <source>Result not reported</source>
        <translation>结果未填报</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="124"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="127"/>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="128"/>
        <source>%n errors</source>
        <translation>
            <numerusform>错误 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="129"/>
        <source>%n warnings</source>
        <translation>
            <numerusform>警告 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="130"/>
        <source>%n notes</source>
        <translation>
            <numerusform>提示 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Collaboration</name>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="62"/>
        <source>The database is reachable again.</source>
        <extracomment>who is connected is asked again this often (a query on the server; nothing on a local file)</extracomment>
        <translation>已重新连接到数据库。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="67"/>
        <source>Server out of reach</source>
        <translation>服务器无法连接</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="68"/>
        <source>Who is connected is shown again once the server is back.</source>
        <translation>服务器恢复后会重新显示在线人员。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="72"/>
        <source>This computer only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="73"/>
        <source>The database is a file on this computer or a share.</source>
        <translation>数据库是本机或共享文件夹中的一个文件。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="75"/>
        <source>Connected: %1</source>
        <translation>在线：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/collaboration.py" line="76"/>
        <source>Planners with this database open now</source>
        <translation>此刻打开此数据库的计划人员</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="35"/>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="36"/>
        <source>another window or program</source>
        <translation>另一个窗口或程序</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="43"/>
        <source>“%1” was changed by %2 after you opened it. Your changes are not saved yet: choose what to keep.</source>
        <translation>“%1”在您打开之后已被%2修改。您的修改尚未保存：请选择保留哪些修改。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="55"/>
        <source>“%1” was deleted by %2 while you were editing it. What you typed is kept.</source>
        <translation>“%1”在您编辑期间已被%2删除。您填写的内容仍然保留。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="77"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="91"/>
        <source>Both of you changed these fields; for a merge, keep which?</source>
        <translation>以下字段双方都改了；合并时保留哪一方？</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="101"/>
        <source>Theirs: %1</source>
        <translation>对方的：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="107"/>
        <source>Mine: %1</source>
        <translation>我的：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="126"/>
        <source>you choose</source>
        <translation>由您选择</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="127"/>
        <source>mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="128"/>
        <source>theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="130"/>
        <source>the same</source>
        <translation>相同</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="132"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="133"/>
        <source>When you opened it</source>
        <translation>打开时</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="134"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="135"/>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="136"/>
        <source>Merge takes</source>
        <translation>合并后采用</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="140"/>
        <source>Fields changed</source>
        <translation>修改过的字段</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="166"/>
        <source>&amp;Merge Field by Field</source>
        <translation>逐项合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="168"/>
        <source>Keep &amp;Mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/conflict_dialog.py" line="169"/>
        <source>Keep &amp;Theirs</source>
        <translation>保留对方的(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="32"/>
        <source>Connect to Office Database</source>
        <translation>连接办公室数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="34"/>
        <source>(new connection)</source>
        <translation>（新连接）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="38"/>
        <source>server name or address</source>
        <translation>服务器名称或地址</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="49"/>
        <source>optional: a pg_service.conf entry instead of the fields above</source>
        <translation>可选：用 pg_service.conf 中的服务名代替上面各项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="53"/>
        <source>Keep the password in the system keyring</source>
        <translation>将密码保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="59"/>
        <source>&amp;Recent:</source>
        <translation>最近的连接(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="60"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="61"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="62"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="63"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="64"/>
        <source>&amp;TLS mode:</source>
        <translation>TLS 模式(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="65"/>
        <source>Ser&amp;vice:</source>
        <translation>服务名(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="66"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="76"/>
        <source>No system keyring is available here, so the password is not kept: put it in a pgpass file or a pg_service entry, or type it each time.</source>
        <translation>本机没有可用的系统钥匙串，因此不会保存密码：请把密码写入 pgpass 文件或 pg_service 条目，或每次连接时输入。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/connect_dialog.py" line="85"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="56"/>
        <source>Cities and counties coloured by number of activities</source>
        <translation>按活动数着色的地市和区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="61"/>
        <source>&amp;Copy table</source>
        <translation>复制表格(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="62"/>
        <source>Copy the table to the clipboard, to paste into Excel or WPS</source>
        <translation>把表格复制到剪贴板，可粘贴到 Excel 或 WPS</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="81"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="82"/>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="83"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="84"/>
        <source>Held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="85"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="86"/>
        <source>On site</source>
        <translation>现场人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="87"/>
        <source>Online</source>
        <translation>线上人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="88"/>
        <source>Target groups reached</source>
        <translation>覆盖的面向群体</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="90"/>
        <source>Target groups not reached</source>
        <translation>未覆盖的面向群体</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="96"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="54"/>
        <source>Coverage</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="133"/>
        <source>whole city</source>
        <translation>全市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="139"/>
        <source>%1: %2 planned, %3 held</source>
        <translation>%1：计划 %2 项，已举办 %3 项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="158"/>
        <source>%n areas without any activity</source>
        <translation>
            <numerusform>%n 个地区没有任何活动</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="160"/>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="161"/>
        <source>Target groups no activity is meant for: %1</source>
        <translation>没有任何活动面向的群体：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="162"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/date_entry.py" line="117"/>
        <source>Choose a date from the calendar (Alt+Down)</source>
        <translation>从日历中选择日期（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/date_entry.py" line="132"/>
        <source>Type a date such as 2025-05-12, 2025/5/12 or 5月12日.</source>
        <translation>请输入日期，如 2025-05-12、2025/5/12 或 5月12日。</translation>
    </message>
</context>
<context>
    <name>EditorWidgets</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/widgets.py" line="17"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/widgets.py" line="32"/>
        <source>not given</source>
        <translation>未填</translation>
    </message>
</context>
<context>
    <name>EntrySaving</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/entry_saving.py" line="53"/>
        <source>Deleted by %1 (%2); on saving you can keep what you typed as a new entry.</source>
        <translation>已被%1删除（%2）；保存时可把您填写的内容另存为新条目。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/entry_saving.py" line="57"/>
        <source>Changed by %1 (%2); on saving you choose what to keep.</source>
        <translation>已被%1修改（%2）；保存时由您选择保留哪些修改。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/entry_saving.py" line="120"/>
        <source>Deleted by someone else</source>
        <translation>已被他人删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/entry_saving.py" line="126"/>
        <source>&amp;Save as New Entry</source>
        <translation>另存为新条目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/entry_saving.py" line="129"/>
        <source>&amp;Discard My Changes</source>
        <translation>放弃我的修改(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ExportChecks</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="43"/>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="49"/>
        <source>The workbook was not written: the level above would reject it. Fill in first:</source>
        <translation>工作簿未导出：这样的工作簿会被上级拒收。请先补全：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="56"/>
        <source>Programme &amp;Settings…</source>
        <translation>计划设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="67"/>
        <source>Check errors</source>
        <translation>检查发现错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="72"/>
        <source>The planning checks found %n errors in this programme.</source>
        <translation>计划检查在本计划中发现 %n 个错误。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="77"/>
        <source>Review them before sending the workbook up, or export it anyway.</source>
        <translation>建议先查看并改正再上报；也可以仍然导出。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="82"/>
        <source>&amp;View Check Results</source>
        <translation>查看检查结果(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="85"/>
        <source>Export &amp;Anyway</source>
        <translation>仍然导出(&amp;A)</translation>
    </message>
</context>
<context>
    <name>FieldNames</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="16"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="17"/>
        <source>Type</source>
        <translation>活动类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="18"/>
        <source>Level</source>
        <translation>活动级别</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="19"/>
        <source>Main-venue activity</source>
        <translation>主会场活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="20"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="21"/>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="22"/>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="23"/>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="24"/>
        <source>Mode</source>
        <translation>举办形式</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="25"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="26"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="27"/>
        <source>Venue</source>
        <translation>活动场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="28"/>
        <source>Address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="29"/>
        <source>Online platform or link</source>
        <translation>线上平台或链接</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="30"/>
        <source>Hosts</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="31"/>
        <source>Undertakers</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="32"/>
        <source>Co-organisers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="33"/>
        <source>Audiences</source>
        <translation>面向群体</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="34"/>
        <source>Expected participants</source>
        <translation>预计参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="35"/>
        <source>Actual participants</source>
        <translation>实际参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="36"/>
        <source>Online participants</source>
        <translation>线上参与人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="38"/>
        <source>Featured</source>
        <translation>特色品牌活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="39"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="40"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="41"/>
        <source>Description</source>
        <translation>活动简介</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="43"/>
        <source>Kind of organisation</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="44"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="45"/>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="46"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="47"/>
        <source>Kind of venue</source>
        <translation>场地类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="48"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="49"/>
        <source>Accessible</source>
        <translation>无障碍设施</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="80"/>
        <source>(empty)</source>
        <extracomment>fields holding ids of other records, by the kind of record (names looked up in `names`)</extracomment>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="83"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/common/field_names.py" line="84"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="83"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="110"/>
        <source>New Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="114"/>
        <source>“%1” already exists; choose a new file name.</source>
        <translation>“%1”已存在，请另取一个文件名。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="122"/>
        <source>Open Database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="182"/>
        <source>New programme from last year&apos;s</source>
        <translation>沿用上一年计划新建</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="192"/>
        <source>Next year&apos;s programme was created with %n activities.</source>
        <translation>
            <numerusform>已新建下一年度计划，含 %n 项活动。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="202"/>
        <source>Import Workbook</source>
        <translation>导入填报工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="229"/>
        <source>The programme settings were saved.</source>
        <translation>计划设置已保存。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="251"/>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="286"/>
        <source>Export Workbook</source>
        <translation>导出填报工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="272"/>
        <source>The workbook could not be written: %1</source>
        <translation>工作簿未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="277"/>
        <source>Exported %1 activities to %2 (version %3).</source>
        <translation>已将 %1 项活动导出到 %2（填报版本号 %3）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="311"/>
        <source>Blank Template</source>
        <translation>空白填报模板</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="319"/>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="326"/>
        <source>The template could not be written: %1</source>
        <translation>模板未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="329"/>
        <source>Blank template written to %1.</source>
        <translation>空白模板已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="94"/>
        <source>Printed %n pages.</source>
        <translation>已打印 %n 页。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="144"/>
        <source>Export iCalendar</source>
        <translation>导出 iCalendar 日历</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="154"/>
        <source>The calendar could not be written: %1</source>
        <translation>日历未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="160"/>
        <source>%n activities written to the calendar %1.</source>
        <translation>已将 %n 项活动写入日历 %1。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="103"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="112"/>
        <source>The PDF could not be written: %1</source>
        <translation>PDF 文件未能写入：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="119"/>
        <source>%n pages written to %1.</source>
        <translation>已将 %n 页写入 %1。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="134"/>
        <source>The planning checks found %n errors: see the Checks tab.</source>
        <translation>计划检查发现 %n 处错误，请查看“检查”选项卡。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="32"/>
        <source>Search title, venue, organisers, city… (Ctrl+F)</source>
        <translation>搜索活动名称、场地、单位、城市…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="33"/>
        <source>Search activities</source>
        <translation>搜索活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="34"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="35"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="36"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="37"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="38"/>
        <source>Mode</source>
        <translation>举办形式</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="39"/>
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="44"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="45"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="47"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="48"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="51"/>
        <source>Number of activities shown</source>
        <translation>显示的活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="59"/>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="82"/>
        <source>Filter by %1</source>
        <translation>按%1筛选</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="84"/>
        <source>All: %1</source>
        <translation>全部%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="95"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/filter_bar.py" line="98"/>
        <source>%1: empty for any date; type 2025-05-12 or 5月12日</source>
        <translation>%1：留空表示不限；可输入 2025-05-12 或 5月12日</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="54"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="54"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="54"/>
        <source>What to change</source>
        <translation>修改建议</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="92"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="92"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>FromLastYearDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="157"/>
        <source>New Programme from Last Year&apos;s</source>
        <translation>沿用去年计划新建</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="158"/>
        <source>Create the %1 programme of %2 on the same organisations and venues.</source>
        <translation>基于相同的单位和场地名录，新建%2 %1 年度活动周计划。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="161"/>
        <source>&amp;Copy last year&apos;s activities: 52 weeks later (same weekday), planned, as new activities</source>
        <translation>复制去年的活动：顺延 52 周（星期几不变），状态为计划中，作为新活动(&amp;C)</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../lifelong_desktop/ui/help/guide.py" line="42"/>
        <source>User Guide</source>
        <extracomment>the guide&apos;s section for each tab (by its view class), so F1 answers the question at hand</extracomment>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/help/guide.py" line="46"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/help/guide.py" line="48"/>
        <source>Guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/help/guide.py" line="50"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/help/guide.py" line="52"/>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="104"/>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="144"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="164"/>
        <source>a new programme</source>
        <translation>一个新的活动周计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="165"/>
        <source>this programme&apos;s own workbook</source>
        <translation>本计划自己导出的工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="166"/>
        <source>a return from a lower level</source>
        <translation>下级单位报送的工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="167"/>
        <source>a workbook already imported</source>
        <translation>已导入过的工作簿</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="171"/>
        <source>New: %1   Updated: %2   Unchanged: %3   Missing from the workbook: %4</source>
        <translation>新增：%1&#x3000;更新：%2&#x3000;未变：%3&#x3000;工作簿中缺少：%4</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="178"/>
        <source>This is %1.</source>
        <translation>这是%1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="111"/>
        <source>The workbook has %n errors: correct them in the file and import it again.</source>
        <translation>
            <numerusform>工作簿中有 %n 处错误：请在文件中改正后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="113"/>
        <source>Nothing is changed until you choose Apply; Ctrl+Z undoes the import.</source>
        <translation>选择“应用”之前不会作任何修改；导入后可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="224"/>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="136"/>
        <source>&amp;Delete the %n activities missing from the workbook</source>
        <translation>
            <numerusform>删除工作簿中缺少的 %n 项活动(&amp;D)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="279"/>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="287"/>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="312"/>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="324"/>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="330"/>
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="313"/>
        <source>The file “%1” was not found; it may have been moved, renamed or deleted.</source>
        <translation>找不到文件“%1”：它可能已被移动、改名或删除。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="331"/>
        <source>The file “%1” could not be read: %2</source>
        <translation>无法读取文件“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="290"/>
        <source>The workbook was not imported.</source>
        <translation>工作簿未导入。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="156"/>
        <source>%1 activity rows in the workbook: %2 without problems, %3 with errors.</source>
        <translation>工作簿共有 %1 行活动：%2 行无误，%3 行有错误。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="183"/>
        <source>All rows (%1)</source>
        <translation>全部行（%1）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="187"/>
        <source>Rows shown</source>
        <translation>显示的行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="197"/>
        <source>Activity rows</source>
        <translation>活动行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="235"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="297"/>
        <source>Import of “%1” undone.</source>
        <translation>已撤销导入“%1”。</translation>
    </message>
</context>
<context>
    <name>ImportRows</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="35"/>
        <source>Error</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="36"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="37"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="38"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="39"/>
        <source>Kept (edited here later)</source>
        <translation>保留本地修改</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="40"/>
        <source>Deleted</source>
        <translation>将删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="42"/>
        <source>Not in the workbook</source>
        <translation>工作簿中没有</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="43"/>
        <source>No problem</source>
        <translation>无误</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="51"/>
        <source>(blank)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="55"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="57"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="88"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="94"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="97"/>
        <source>Activity</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="99"/>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="103"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="107"/>
        <source>What changes or what is wrong</source>
        <translation>变化或问题</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="153"/>
        <source>Deleted by this import.</source>
        <translation>本次导入将删除此活动。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_rows.py" line="155"/>
        <source>Kept; tick the box below to delete it.</source>
        <translation>保留；如需删除，请勾选下方选项。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="111"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="114"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="136"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="140"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="143"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="154"/>
        <source>&amp;Activities</source>
        <translation>活动(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="165"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="170"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="174"/>
        <source>Programme year</source>
        <translation>计划年度</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="175"/>
        <source>Programme shown</source>
        <translation>当前显示的计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="250"/>
        <source>The language changes the next time the program starts.</source>
        <translation>语言将在下次启动程序时切换。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="258"/>
        <source>%1 %2</source>
        <translation>%1 %2 年</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="279"/>
        <source>%1 %2 programme</source>
        <translation>%1 %2 年活动周计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="281"/>
        <source>No programme yet: File &gt; New Programme</source>
        <translation>尚无计划：请选择“文件 &gt; 新建活动周计划”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="315"/>
        <source>Shown %1 of %2</source>
        <translation>显示 %1 / 共 %2 项</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="321"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="331"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="337"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/main_window.py" line="339"/>
        <source>lifelong-desktop %1
Plans the National Lifelong Learning Activity Week programme offline.</source>
        <translation>lifelong-desktop %1
离线编排全民终身学习活动周计划。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="55"/>
        <source>Swap</source>
        <translation>互换</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="56"/>
        <source>Keep the other one instead</source>
        <translation>改为保留另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="59"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="60"/>
        <source>Merge into it and remove</source>
        <translation>并入后删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="68"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/merge_dialog.py" line="92"/>
        <source>Choose two different entries.</source>
        <translation>请选择两个不同的条目。</translation>
    </message>
</context>
<context>
    <name>NewProgrammeDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="43"/>
        <source>New Programme</source>
        <translation>新建活动周计划</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="57"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="58"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="59"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="63"/>
        <source>&amp;Province:</source>
        <translation>省份(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="64"/>
        <source>&amp;City:</source>
        <translation>地市(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="65"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="69"/>
        <source>Create the &amp;Demo (Liaoning 2024)</source>
        <translation>创建示例计划（辽宁 2024）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="75"/>
        <source>Which region&apos;s activity week do you plan, and for which year?</source>
        <translation>请选择要编排活动周的地区和年度：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="97"/>
        <source>The submitting unit and the contact can wait, but an export needs them.</source>
        <translation>填报单位和联系人可以稍后填写，但导出工作簿前必须填好。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="106"/>
        <source>(the whole province)</source>
        <translation>（全省）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="129"/>
        <source>The demo programme (2024) is already in this database.</source>
        <translation>此数据库中已有示例计划（2024 年）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/new_programme.py" line="137"/>
        <source>A programme for %1 already exists in this database.</source>
        <translation>此数据库中已有 %1 年的计划。</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="33"/>
        <source>New organisation</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="33"/>
        <source>Edit organisation</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="34"/>
        <source>&amp;Name *</source>
        <translation>名称(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="40"/>
        <source>&amp;Type *</source>
        <translation>类型(&amp;T) *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="42"/>
        <source>Unified social &amp;credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="47"/>
        <source>&amp;Region</source>
        <translation>所在地(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="49"/>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="50"/>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="51"/>
        <source>&amp;E-mail</source>
        <translation>电子邮箱(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="38"/>
        <source>Full name, e.g. %1</source>
        <translation>全称，如：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="43"/>
        <source>18 characters, optional</source>
        <translation>18 位，可不填</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisation_dialog.py" line="47"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
</context>
<context>
    <name>OrganisationsView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="32"/>
        <source>Host</source>
        <translation>主办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="33"/>
        <source>Undertaker</source>
        <translation>承办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="34"/>
        <source>Co-organiser</source>
        <translation>协办</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="39"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="40"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="42"/>
        <source>Region</source>
        <translation>所在地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="45"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="50"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="51"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="58"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="62"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="64"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="68"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="77"/>
        <source>Search by name, pinyin or initials (e.g. lnkfdx)</source>
        <translation>按名称、拼音或首字母搜索（如 lnkfdx）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="75"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="75"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="75"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="75"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="78"/>
        <source>Two entries are the same body: move the activities of one to the other</source>
        <translation>两个条目是同一单位：把其中一个的活动转到另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="79"/>
        <source>Double-click an activity to open it</source>
        <translation>双击活动可打开</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="87"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="42"/>
        <source>Organisations</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="101"/>
        <source>%1 organisations</source>
        <translation>共 %1 个单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="122"/>
        <source>Select an organisation to see the activities it takes part in.</source>
        <translation>选择一个单位，查看它参与的活动。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="137"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="142"/>
        <source>Activities in this programme: %1 (%2)</source>
        <translation>本计划中参与活动 %1 项（%2）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="214"/>
        <source>Merge organisations</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/organisations_view.py" line="234"/>
        <source>“%1” will be removed; the %2 activities that name it (in any programme) will name “%3” in the same role and place. This can be undone.</source>
        <translation>将删除“%1”；列有它的 %2 项活动（含其他年度）将改列“%3”，角色和排序不变。此操作可撤销。</translation>
    </message>
</context>
<context>
    <name>OrganiserList</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="52"/>
        <source>%1 in printing order</source>
        <extracomment>makes a new organisation of the register named (the text typed), or None when the user gives up asked before a typed name that is not in the register is made a new organisation (tests replace it)</extracomment>
        <translation>%1（按印刷顺序）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="92"/>
        <source>Organisation to add as %1</source>
        <translation>要添加为%1的单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="93"/>
        <source>Type to find an organisation…</source>
        <translation>输入名称查找单位…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="55"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="56"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="57"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="58"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="60"/>
        <source>Add %1</source>
        <translation>添加%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="61"/>
        <source>Remove from %1</source>
        <translation>从%1中移除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="62"/>
        <source>Move up in %1</source>
        <translation>在%1中上移</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="63"/>
        <source>Move down in %1</source>
        <translation>在%1中下移</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="81"/>
        <source>Delete removes the selected organisation; Ctrl+Up and Ctrl+Down move it.</source>
        <translation>按 Delete 移除所选单位；按 Ctrl+↑ 和 Ctrl+↓ 调整顺序。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="206"/>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="225"/>
        <source>Organisation not in the register</source>
        <translation>单位不在名录中</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="208"/>
        <source>“%1” is not in the register of organisations; add it on the Organisations tab first.</source>
        <translation>“%1”不在单位名录中，请先在“单位”页添加。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="227"/>
        <source>“%1” is not in the register of organisations. Add it to the register as a new organisation?</source>
        <translation>“%1”不在单位名录中。要把它作为新单位加入名录吗？</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/organiser_list.py" line="231"/>
        <source>&amp;New Organisation…</source>
        <translation>新建单位(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>PastePreviewDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="92"/>
        <source>Paste Rows from Excel</source>
        <translation>粘贴 Excel 表格行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="95"/>
        <source>%n rows will be added as new activities.</source>
        <translation>
            <numerusform>将添加 %n 行为新活动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="97"/>
        <source>%n rows have problems and will be left out.</source>
        <translation>
            <numerusform>%n 行有问题，将不添加。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="99"/>
        <source>No header row: columns were read in the workbook&apos;s order.</source>
        <translation>未找到表头行：已按填报工作簿的列顺序读取。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="107"/>
        <source>Pasted rows</source>
        <translation>粘贴的行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="119"/>
        <source>&amp;Add %n activities</source>
        <translation>
            <numerusform>添加 %n 项活动(&amp;A)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PastePreviewModel</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="24"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="25"/>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="26"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="27"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="28"/>
        <source>Hosts</source>
        <translation>主办单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="29"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="71"/>
        <source>will be added</source>
        <translation>将添加</translation>
    </message>
</context>
<context>
    <name>PasteRows</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="45"/>
        <source>%1: contains a control character.</source>
        <translation>%1：含有控制字符。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="46"/>
        <source>%1: too long (at most %2 characters).</source>
        <translation>%1：过长（最多 %2 个字符）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="49"/>
        <source>%1: not a whole number of 0 or more.</source>
        <translation>%1：应为不小于 0 的整数。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="50"/>
        <source>%1: write 是 or 否.</source>
        <translation>%1：请填写“是”或“否”。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="51"/>
        <source>%1: “%2” is not one of the allowed values.</source>
        <translation>%1：“%2”不是允许的取值。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="54"/>
        <source>%1: not a date (write 2024-04-26).</source>
        <translation>%1：不是日期（请写成 2024-04-26）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="55"/>
        <source>%1: not a time (write 09:30).</source>
        <translation>%1：不是时间（请写成 09:30）。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="56"/>
        <source>%1: not a phone number.</source>
        <translation>%1：不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="57"/>
        <source>%1: “%2” is not a region of this programme.</source>
        <translation>%1：“%2”不是本计划范围内的地区。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="61"/>
        <source>%1: invalid value.</source>
        <translation>%1：取值无效。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/paste_rows.py" line="69"/>
        <source>%1: required.</source>
        <translation>%1：必填。</translation>
    </message>
</context>
<context>
    <name>PlanningMessages</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="9"/>
        <source>Enter the activity&apos;s title.</source>
        <extracomment>the English source of each code&apos;s sentence (translated in context PlanningMessages)</extracomment>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="10"/>
        <source>The title may have at most 100 characters.</source>
        <translation>活动名称最多 100 个字符。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="11"/>
        <source>The end date cannot be before the start date.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="14"/>
        <source>On a one-day activity the end time must be later than the start time.</source>
        <translation>当天举办的活动，结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="17"/>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="20"/>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="23"/>
        <source>Participant numbers cannot be negative.</source>
        <translation>参与人数不能为负数。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="26"/>
        <source>Choose at least one host organisation.</source>
        <translation>请至少选择一个主办单位。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="27"/>
        <source>Choose the activity type.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="28"/>
        <source>Choose the activity level.</source>
        <translation>请选择活动级别。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="29"/>
        <source>Choose how the activity is held.</source>
        <translation>请选择举办形式。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="30"/>
        <source>Choose the city.</source>
        <translation>请选择地市。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="31"/>
        <source>An activity held on site should have a venue.</source>
        <translation>线下活动应填写活动场地。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="32"/>
        <source>An online activity should give its platform or link.</source>
        <translation>线上活动应填写线上平台或链接。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="35"/>
        <source>Actual participants are usually given only once the activity has been held.</source>
        <translation>通常在活动举办后才填写实际参与人数。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="38"/>
        <source>An activity cannot be a sub-venue of itself.</source>
        <translation>活动不能是自身的分会场。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="39"/>
        <source>A date field does not hold a date: type one such as 2025-05-12 or 5月12日.</source>
        <translation>有日期栏填的不是日期，请输入如 2025-05-12 或 5月12日。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="42"/>
        <source>A time field does not hold a time: type one such as 9:30 or 0930.</source>
        <translation>有时间栏填的不是时间，请输入如 9:30 或 0930。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="45"/>
        <source>One organisation holds two roles in this activity: %1.</source>
        <translation>同一单位在本活动中担任了两种角色：%1。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="48"/>
        <source>No date between the start and end dates falls on that weekday.</source>
        <translation>起止日期之间没有这一星期几的日期。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="51"/>
        <source>A programme for %1 already exists.</source>
        <translation>%1 年的计划已存在。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="52"/>
        <source>The programme no longer exists.</source>
        <translation>该计划已不存在。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="53"/>
        <source>The description may have at most 500 characters.</source>
        <translation>活动简介最多 500 个字符。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="56"/>
        <source>The address may have at most 200 characters.</source>
        <translation>详细地址最多 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="57"/>
        <source>The platform or link may have at most 500 characters.</source>
        <translation>线上平台或链接最多 500 个字符。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="60"/>
        <source>The contact&apos;s name may have at most 50 characters.</source>
        <translation>联系人姓名最多 50 个字。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="63"/>
        <source>The result note may have at most 200 characters.</source>
        <translation>结果说明最多 200 个字。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="66"/>
        <source>The contact phone may hold digits, a leading +, -, spaces and parentheses, 5 to 20 characters.</source>
        <translation>联系电话只能含数字、开头的 +、-、空格和括号，5 到 20 位。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="70"/>
        <source>A field holds an invisible control character; delete it.</source>
        <translation>有一项含有看不见的控制字符，请删去。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/messages.py" line="73"/>
        <source>Choose the type, level, form and status from their lists.</source>
        <translation>请从列表中选择活动类型、级别、举办形式和状态。</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="28"/>
        <source>Print Schedule</source>
        <translation>打印日程</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="31"/>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="32"/>
        <source>By city</source>
        <translation>按地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="33"/>
        <source>By venue</source>
        <translation>按场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="37"/>
        <source>All cities</source>
        <translation>全部地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="45"/>
        <source>L&amp;andscape</source>
        <translation>横向(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="46"/>
        <source>&amp;Include cancelled activities</source>
        <translation>包括已取消的活动(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="48"/>
        <source>Layout</source>
        <translation>编排方式</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="49"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="50"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="51"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="52"/>
        <source>Paper size</source>
        <translation>纸张大小</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="56"/>
        <source>&amp;Layout:</source>
        <translation>编排方式(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="57"/>
        <source>&amp;City:</source>
        <translation>地市(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="58"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="59"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="60"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/print_options.py" line="74"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>ProgrammeSettings</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="47"/>
        <source>Submitting &amp;unit:</source>
        <translation>填报单位(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="48"/>
        <source>Con&amp;tact:</source>
        <translation>联系人(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="49"/>
        <source>Phon&amp;e:</source>
        <translation>联系电话(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="50"/>
        <source>E-&amp;mail:</source>
        <translation>电子邮箱(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="51"/>
        <source>T&amp;heme:</source>
        <translation>活动周主题(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="52"/>
        <source>Activities &amp;from:</source>
        <translation>活动起始日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="53"/>
        <source>Activities unti&amp;l:</source>
        <translation>活动截止日期(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="54"/>
        <source>Official &amp;week from:</source>
        <translation>活动周开始日期(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="55"/>
        <source>Official week u&amp;ntil:</source>
        <translation>活动周结束日期(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="62"/>
        <source>%1: fill it in.</source>
        <translation>%1：请填写。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="63"/>
        <source>%1: at most %2 characters; shorten it.</source>
        <translation>%1：最多 %2 个字，请缩短。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="64"/>
        <source>%1: holds an invisible control character; delete it.</source>
        <translation>%1：含有看不见的控制字符，请删去。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="67"/>
        <source>%1: use digits, a leading +, -, spaces and parentheses (5 to 20).</source>
        <translation>%1：只能含数字、开头的 +、-、空格和括号，5 到 20 位。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="70"/>
        <source>%1: this does not look like an e-mail address.</source>
        <translation>%1：不像邮箱地址，请核对。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="73"/>
        <source>%1: cannot be before the start date.</source>
        <translation>%1：不能早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="74"/>
        <source>%1: must be in %2.</source>
        <translation>%1：必须在 %2 年内。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="75"/>
        <source>%1: must lie inside the activities&apos; dates.</source>
        <translation>%1：必须在活动起止日期之内。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="235"/>
        <source>Programme settings</source>
        <translation>计划设置</translation>
    </message>
</context>
<context>
    <name>ProgrammeSettingsDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="199"/>
        <source>Programme Settings — %1 %2</source>
        <translation>计划设置 — %1 %2 年</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="208"/>
        <source>The submitting unit and the contact are written on every exported workbook.</source>
        <translation>填报单位和联系人会写在每次导出的工作簿上，上级据此联系。</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/qt_strings.py" line="15"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/qt_strings.py" line="16"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../lifelong_desktop/ui/shell/qt_strings.py" line="17"/>
        <source>Page &amp;Set:</source>
        <translation>页面组(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RegisterCommands</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="107"/>
        <source>New organisation “%1”</source>
        <translation>新建单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="108"/>
        <source>Edit organisation “%1”</source>
        <translation>编辑单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="109"/>
        <source>Delete organisation “%1”</source>
        <translation>删除单位“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="110"/>
        <source>Merge organisation “%1” into “%2”</source>
        <translation>将单位“%1”合并到“%2”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="121"/>
        <source>New venue “%1”</source>
        <translation>新建场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="122"/>
        <source>Edit venue “%1”</source>
        <translation>编辑场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="123"/>
        <source>Delete venue “%1”</source>
        <translation>删除场地“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/commands.py" line="124"/>
        <source>Merge venue “%1” into “%2”</source>
        <translation>将场地“%1”合并到“%2”</translation>
    </message>
</context>
<context>
    <name>ResultsMode</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/results.py" line="68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/results.py" line="73"/>
        <source>Result note</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/results.py" line="78"/>
        <source>On-site participants</source>
        <translation>现场参与人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/results.py" line="80"/>
        <source>Online participants</source>
        <translation>线上参与人次</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="50"/>
        <source>Not yet returned</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="56"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="57"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="59"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="60"/>
        <source>Returned</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="64"/>
        <source>Version</source>
        <translation>版本号</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="69"/>
        <source>Data as of</source>
        <translation>数据截至</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="70"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="71"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="72"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="74"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="80"/>
        <source>Activities returned</source>
        <translation>报送活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="85"/>
        <source>Returns received</source>
        <translation>报送次数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="86"/>
        <source>Submitting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="87"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="94"/>
        <source>Copy reminder</source>
        <translation>复制催报名单</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="96"/>
        <source>Copy the list of regions that have not returned, to send as a reminder</source>
        <translation>复制尚未报送的地区名单，用于催报</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="102"/>
        <source>Reminder to the regions not yet returned</source>
        <translation>催报：尚未报送的地区</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="117"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="57"/>
        <source>Returns</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="128"/>
        <source>%1 of %2 regions have returned; %3 not yet.</source>
        <translation>%2 个地区中已报送 %1 个，尚有 %3 个未报送。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="134"/>
        <source>This programme has no lower-level regions to return to it.</source>
        <translation>本计划没有需要向其报送的下级地区。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="143"/>
        <source>Every region has returned.</source>
        <translation>各地区均已报送。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="145"/>
        <source>The following regions have not yet sent their %1 Lifelong Learning Activity Week return; please send it as soon as possible:</source>
        <translation>以下地区尚未报送 %1 年全民终身学习活动周活动情况，请尽快报送：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/returns_view.py" line="148"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="111"/>
        <source>e.g. 025-8335 1234</source>
        <translation>如：025-8335 1234</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="118"/>
        <source>The official week&apos;s dates are &amp;known</source>
        <translation>已知全国活动周日期(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/settings_dialog.py" line="154"/>
        <source>e.g. %1</source>
        <translation>如：%1</translation>
    </message>
</context>
<context>
    <name>SummaryReport</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="27"/>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="69"/>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="104"/>
        <source>Week Summary Report</source>
        <extracomment>asked after writing (True opens the folder) opens a folder in the desktop&apos;s file manager</extracomment>
        <translation>活动周总结</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="32"/>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="79"/>
        <source>The summary “%1” was written to %2, with its statistics workbook %3.</source>
        <translation>已将“%1”写入 %2，统计表为 %3。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="98"/>
        <source>Counting the figures…</source>
        <translation>正在统计数据…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="109"/>
        <source>Writing the document…</source>
        <translation>正在写入总结文档…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="110"/>
        <source>Writing the statistics workbook…</source>
        <translation>正在写入统计表…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/summary_report.py" line="143"/>
        <source>The summary could not be written: %1</source>
        <translation>总结未能写出：%1</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="50"/>
        <source>By city</source>
        <translation>按地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="51"/>
        <source>By activity type</source>
        <translation>按活动类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="52"/>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="54"/>
        <source>Leave out cancelled activities</source>
        <translation>不含已取消的活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="56"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="57"/>
        <source>Copy the table to the clipboard, to paste into Excel or WPS</source>
        <translation>把表格复制到剪贴板，可粘贴到 Excel 或 WPS</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="73"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="93"/>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="158"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="94"/>
        <source>Expected participants</source>
        <translation>预计参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="95"/>
        <source>Actual participants</source>
        <translation>实际参与人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="96"/>
        <source>Online participants</source>
        <translation>线上参与人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="120"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="49"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="136"/>
        <source>(no type)</source>
        <translation>（未填类型）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="138"/>
        <source>Week %1 (%2)</source>
        <translation>第 %1 周（%2）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="140"/>
        <source> (province-wide)</source>
        <translation>（全省）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="141"/>
        <source>(no city)</source>
        <translation>（未填地市）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="156"/>
        <source>Activities, %1</source>
        <translation>活动数（%1）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="161"/>
        <source>Participants, %1</source>
        <translation>参与人数（%1）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="164"/>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="165"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="166"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="171"/>
        <source>Total: %1 activities, %2 expected, %3 actual, %4 online participants</source>
        <translation>合计：活动 %1 项，预计参与 %2 人，实际参与 %3 人，线上参与 %4 人次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/reports/summary_view.py" line="182"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="22"/>
        <source>Blank Template</source>
        <translation>空白填报模板</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="25"/>
        <source>Office that fills in the template</source>
        <translation>填写模板的单位</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="37"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="39"/>
        <source>&amp;Office:</source>
        <translation>填报单位(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="40"/>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/template_dialog.py" line="45"/>
        <source>The workbook carries that office&apos;s region code and drop-down lists of its cities and counties.</source>
        <translation>工作簿将带有该单位的行政区划代码，以及其下辖地市、区县的下拉列表。</translation>
    </message>
</context>
<context>
    <name>TimeEdit</name>
    <message>
        <location filename="../../lifelong_desktop/ui/common/date_entry.py" line="204"/>
        <source>Type a time such as 9:30, 0930 or 14:00.</source>
        <translation>请输入时间，如 9:30、0930 或 14:00。</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="51"/>
        <source>New activity “%1”</source>
        <translation>新建活动“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="63"/>
        <source>Duplicate activities (%n)</source>
        <translation>复制 %n 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="75"/>
        <source>Weekly series “%1”</source>
        <translation>按周重复“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="89"/>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="122"/>
        <source>Delete activities (%n)</source>
        <translation>删除 %n 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="142"/>
        <source>Bulk edit activities (%n)</source>
        <translation>批量修改 %n 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/commands.py" line="173"/>
        <source>Paste activities (%n)</source>
        <translation>粘贴 %n 项活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/programme/import_command.py" line="111"/>
        <source>Import “%1”</source>
        <extracomment>show the programme the edit made (or imported into) once it is applied told True after an undo, False after a redo (the status bar follows: no counts of an undone import)</extracomment>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/results.py" line="52"/>
        <source>Result of “%1”</source>
        <extracomment>the columns the results mode shows, in the table&apos;s order; the others are hidden meanwhile the columns hidden outside the results mode (the plan&apos;s columns show status already)</extracomment>
        <translation>录入结果“%1”</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="34"/>
        <source>New venue</source>
        <translation>新建场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="34"/>
        <source>Edit venue</source>
        <translation>编辑场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="36"/>
        <source>&amp;Name *</source>
        <translation>名称(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="44"/>
        <source>&amp;City *</source>
        <translation>地市(&amp;C) *</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="46"/>
        <source>Count&amp;y</source>
        <translation>区县(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="48"/>
        <source>&amp;Address</source>
        <translation>详细地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="50"/>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="56"/>
        <source>Ca&amp;pacity (people)</source>
        <translation>容纳人数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="60"/>
        <source>Acc&amp;essible</source>
        <translation>无障碍设施(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="61"/>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="62"/>
        <source>P&amp;hone</source>
        <translation>联系电话(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="44"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="46"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="50"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="54"/>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="58"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="58"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venue_dialog.py" line="58"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>VenuesView</name>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="67"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="67"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="69"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="60"/>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="71"/>
        <source>City</source>
        <translation>地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="76"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="80"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="82"/>
        <source>Capacity</source>
        <translation>容纳人数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="88"/>
        <source>Accessible</source>
        <translation>无障碍设施</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="92"/>
        <source>Activities</source>
        <translation>活动数</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="100"/>
        <source>all day</source>
        <translation>全天</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="103"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="107"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="109"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="113"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="115"/>
        <source>Double booked</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="116"/>
        <source>clash</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="54"/>
        <source>Search by name or pinyin initials</source>
        <translation>按名称或拼音首字母搜索</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="52"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="52"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="52"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="52"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="55"/>
        <source>Two entries are the same place: move the activities of one to the other</source>
        <translation>两个条目是同一场地：把其中一个的活动转到另一个</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="56"/>
        <source>Double-click a booking to open its activity</source>
        <translation>双击预订可打开相应活动</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="123"/>
        <location filename="../../lifelong_desktop/ui/shell/views.py" line="45"/>
        <source>Venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="152"/>
        <source>All cities</source>
        <translation>全部地市</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="171"/>
        <source>%1 of %2 venues</source>
        <translation>显示 %1 / 共 %2 个场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="181"/>
        <source>Select a venue to see its bookings.</source>
        <translation>选择一个场地，查看其使用安排。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="193"/>
        <source>capacity %1</source>
        <translation>容纳 %1 人</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="198"/>
        <source>%1 days booked by %2 activities</source>
        <translation>%2 项活动共占用 %1 天次</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="205"/>
        <source>%1 double booked</source>
        <translation>%1 处时间冲突</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="225"/>
        <source>At the same time as: %1</source>
        <translation>同一时间还有：%1</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="296"/>
        <source>There is no other venue in this city to merge with.</source>
        <translation>该地市没有可合并的其他场地。</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="301"/>
        <source>Merge venues</source>
        <translation>合并场地</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/registers/venues_view.py" line="317"/>
        <source>“%1” will be removed; its %2 activities (in any programme) will be held at “%3”. This can be undone.</source>
        <translation>将删除“%1”；它的 %2 项活动（含其他年度）将改在“%3”举办。此操作可撤销。</translation>
    </message>
</context>
<context>
    <name>WeeklySeriesDialog</name>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="30"/>
        <source>Weekly Series</source>
        <translation>按周重复</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="41"/>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="42"/>
        <source>First date</source>
        <translation>首次日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="43"/>
        <source>Last date</source>
        <translation>末次日期</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="47"/>
        <source>Repeat “%1” every week:</source>
        <translation>每周重复“%1”：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="48"/>
        <source>&amp;Weekday:</source>
        <translation>星期(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="49"/>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="50"/>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../lifelong_desktop/ui/activities/series.py" line="70"/>
        <source>%n activities will be added, from %1 to %2.</source>
        <translation>
            <numerusform>将添加 %n 项活动，自 %1 至 %2。</numerusform>
        </translation>
    </message>
</context>
</TS>
