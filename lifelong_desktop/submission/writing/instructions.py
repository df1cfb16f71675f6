"""The 填报说明 sheet: how to fill the workbook, its code lists in words and how errors are reported (Chinese)."""

from __future__ import annotations

from datetime import date
from typing import Any

from lifelong_desktop.services.regions import regions
from lifelong_desktop.submission.format import Format, load_format

SCOPE_NAMES = {"county": "县（区）级", "city": "地市级", "province": "省级", "national": "全国"}


def _code_list_names(fmt: Format) -> dict[str, str]:
    """The Chinese name of each code list: the label of the first column that uses it."""
    names: dict[str, str] = {}
    for table in fmt.tables.values():
        for col in table.columns:
            if col.code_list and col.code_list not in names:
                names[col.code_list] = col.label
    return names


def example_city(header: dict[str, Any]) -> str:
    """A city code from the workbook's own region for the how-to's example (320100 in Jiangsu, not 210100)."""
    reg = regions()
    region = reg.get(header.get("region_code") or "")
    if region is None:  # national: a province's capital stands for any
        return "110100"
    if region.level == "province":
        cities = reg.cities_of(region.code)
        return cities[0].code if cities else region.code
    return region.code if region.level == "prefecture" else (region.parent or region.code)


def _region_rule(header: dict[str, Any]) -> str:
    """Line 10 of the how-to: which region codes this workbook's scope takes."""
    code, scope = header.get("region_code") or "", header.get("scope") or ""
    if scope == "county":
        parent = regions().get(code)
        city = parent.parent if parent else ""
        return (
            f"10. 本工作簿为县级填报：每项活动的地市代码填写 {city}（本县所属地市），"
            f"区县代码必须填写本县代码 {code}。"
        )
    if scope == "city":
        return f"10. 本工作簿为地市级填报：地市代码填写本市代码 {code}，区县代码填写活动所在区县。"
    if scope == "province":
        return f"10. 本工作簿为省级填报：地市代码填写活动所在地市；全省性活动填写本省代码 {code}。"
    return ""


def instruction_rows(header: dict[str, Any], *, blank: bool) -> list[tuple[str, str]]:
    """(text, kind) lines, kind title, heading or text; generated from the format description."""
    fmt = load_format()
    place = f"{header.get('region_name') or ''}{header.get('year') or ''}年"
    year = header.get("year") or date.today().year
    scope = SCOPE_NAMES.get(header.get("scope") or "", "")
    lines: list[tuple[str, str]] = [
        (f"{place}全民终身学习活动周 活动填报工作簿（{scope}）", "title"),
        (
            f"格式：{fmt.name} {fmt.version}。本工作簿供逐级汇总上报使用，请勿修改工作表名称，也不要增删“填报信息”表中的键名。",
            "text",
        ),
        *_sheet_lines(fmt),
        *_fill_lines(fmt, header, year),
        *_column_lines(fmt),
        *_report_lines(fmt),
    ]
    rule = _region_rule(header)
    if rule:
        lines.insert(lines.index(("三、各表的列", "heading")), (rule, "text"))
    if blank:
        lines.insert(
            2,
            ("本表为空白模板：请先在“填报信息”表中填写填报单位、联系人和联系电话，再逐行填写活动。", "text"),
        )
    return lines


def _sheet_lines(fmt: Format) -> list[tuple[str, str]]:
    acts, orgs, venues = (fmt.tables[k] for k in ("activities", "organisations", "venues"))
    return [
        ("一、工作表", "heading"),
        (
            f"“{fmt.header_sheet}”：填报单位、联系人、联系电话等上报信息。“填报编号”和“格式”由程序生成，请勿修改。",
            "text",
        ),
        (
            f"“{acts.sheet}”：每行一项活动。“{orgs.sheet}”：活动中出现的每个主办、承办、协办单位各一行。"
            f"“{venues.sheet}”：活动场地各一行。",
            "text",
        ),
        ("“汇总”：按地区和活动类型统计的活动数与参与人数，由程序生成，只供查看。", "text"),
    ]


def _fill_lines(fmt: Format, header: dict[str, Any], year: int) -> list[tuple[str, str]]:
    acts, orgs, venues = (fmt.tables[k] for k in ("activities", "organisations", "venues"))
    sep = fmt.list_separators["write"]
    first = fmt.layout["first_data_row"]
    return [
        ("二、怎样填写", "heading"),
        (
            f"1. 每个表第 1 行是中文列名，带 * 号的列必须填写；第 2 行是程序读取用的键名，请勿修改或删除；"
            f"数据从第 {first} 行开始，每行一项，可以调整列的顺序。",
            "text",
        ),
        (
            f"2. “{acts.column('activity_id').label}”：已有活动的编号请勿修改；新增活动留空，上报后会自动编号。"
            f"分会场活动在“{acts.column('parent_id').label}”中填写主会场活动的编号。",
            "text",
        ),
        (
            f"3. 日期填写为 {year}-05-18（也可写 {year}/5/18 或 {year}年5月18日），时间填写为 09:30；"
            f"“{acts.column('start_time').label}”留空表示全天活动。多日活动表示从开始日期到结束日期每天在相同时段举办。",
            "text",
        ),
        (
            "4. 带下拉箭头的列请从下拉列表中选择；“面向群体”可填多个，用“；”分隔。“是/否”列填写“是”或“否”。",
            "text",
        ),
        (
            f"5. 主办、承办、协办单位填写单位全称，多个单位用“{sep}”分隔，按印刷顺序排列；"
            f"每个单位请在“{orgs.sheet}”表中登记一行（统一社会信用代码为 18 位）。",
            "text",
        ),
        (
            f"6. “{acts.column('venue').label}”填写“{venues.sheet}”表中登记的场地名称；线上活动可不填场地，"
            f"但线上和线上线下结合的活动必须填写“{acts.column('online_url').label}”。",
            "text",
        ),
        (
            f"7. 地市代码、区县代码填写 6 位行政区划代码（如 {example_city(header)}），"
            "也可从下拉列表选择“代码 名称”。全省性活动的地市代码填写本省代码。",
            "text",
        ),
        ("8. 人数填写不小于 0 的整数；电话由数字组成，可含 + - 空格和括号，5 至 20 位。", "text"),
        (
            "9. 只填写数值，不要使用公式；从其他表格复制时请用“选择性粘贴—数值”。以 = + - @ 开头的内容会按文字保存。",
            "text",
        ),
    ]


def _column_lines(fmt: Format) -> list[tuple[str, str]]:
    acts, orgs, venues = (fmt.tables[k] for k in ("activities", "organisations", "venues"))
    return [
        ("三、各表的列", "heading"),
        *(
            (f"“{t.sheet}”：" + "、".join(c.header_label for c in t.columns) + "。", "text")
            for t in (acts, orgs, venues)
        ),
        ("四、代码（下拉列表中的选项）", "heading"),
        *(
            (f"{name}：" + "、".join(i.label for i in fmt.code_lists[code]) + "。", "text")
            for code, name in _code_list_names(fmt).items()
        ),
    ]


def _report_lines(fmt: Format) -> list[tuple[str, str]]:
    return [
        ("五、错误如何报告", "heading"),
        (
            "上级单位导入或校验本工作簿时，程序逐条列出发现的问题，每条写明位置、严重程度、代码和修改方法，"
            "例如：活动!D7 error invalid_code：……（“活动”表 D7 单元格的代码不在下拉列表中）。",
            "text",
        ),
        (
            "error（错误）必须改正后重新上报，有错误的工作簿不会被接收；warning（提醒）不影响接收，但请核实。",
            "text",
        ),
        ("六、更正后重新上报", "heading"),
        (
            f"每次修改后重新上报时，请将“{fmt.header_sheet}”表中的“{fmt.header_field('submission_seq').label}”加 1"
            f"（例如由 1 改为 2），“{fmt.header_field('submission_id').label}”保持不变。"
            "版本号没有提高的更正件会被拒收（stale_submission）。",
            "text",
        ),
    ]
