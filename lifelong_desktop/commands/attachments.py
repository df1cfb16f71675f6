"""`lifelong attachments`: add files to an activity, list them (missing ones said), export them for sending."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import select

from lifelong_desktop import messages
from lifelong_desktop.commands.common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_db_option,
    add_year_option,
    open_db,
    print_json,
    programme_of,
)
from lifelong_desktop.models import Activity
from lifelong_desktop.services import attachments as A
from lifelong_desktop.submission.writing.output import atomic_file
from lifelong_desktop.submission.xlsx.writer import XlsxWriter

INDEX_NAME = "附件清单.xlsx"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("attachments", help=messages.render("attachments.help"))
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help=messages.render("attachments.help_add"))
    add_db_option(add)
    add.add_argument("--activity", required=True, help=messages.render("attachments.help_activity"))
    add.add_argument("files", nargs="+", type=Path)
    add.set_defaults(func=run_add)
    ls = sub.add_parser("list", help=messages.render("attachments.help_list"))
    add_db_option(ls)
    add_year_option(ls)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=run_list)
    ex = sub.add_parser("export", help=messages.render("attachments.help_export"))
    add_db_option(ex)
    add_year_option(ex)
    ex.add_argument("--out", required=True, type=Path)
    ex.set_defaults(func=run_export)


def run_add(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.transaction("attachments add") as session:
            activity_id = session.scalar(select(Activity.id).where(Activity.uid == args.activity))
            if activity_id is None:
                print(messages.render("attachments.no_activity", uid=args.activity), file=sys.stderr)
                return EXIT_UNREADABLE
            rows = [A.add(session, db.path, activity_id, f) for f in args.files]
    except A.AttachmentProblem as exc:
        print(messages.render("attachments." + exc.code, **exc.params), file=sys.stderr)
        return EXIT_UNREADABLE
    finally:
        db.close()
    for r in rows:
        if r.in_database:
            print(messages.render("attachments.added_db", name=r.file_name, size=r.size, where=db.name))
        else:
            print(messages.render("attachments.added", name=r.file_name, size=r.size, path=str(r.path)))
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            rows = A.listed(session, db.path, programme_id=programme.id)
    finally:
        db.close()
    if args.json:
        print_json(
            [
                {
                    "activity_id": r.activity_uid,
                    "file_name": r.file_name,
                    "size": r.size,
                    "sha256": r.sha256,
                    "path": "" if r.in_database else str(r.path),
                    "exists": r.exists,
                    "in_database": r.in_database,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            key = "attachments.line_db" if r.in_database else "attachments.line"
            key = key if r.exists else "attachments.line_missing"
            print(messages.render(key, uid=r.activity_uid, name=r.file_name, size=r.size, path=str(r.path)))
    return EXIT_ERRORS if any(not r.exists for r in rows) else EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser()
    db = open_db(args)
    try:
        with db.read() as session:
            programme = programme_of(session, args, db)
            done = A.export(session, db.path, programme.id, out)
    finally:
        db.close()
    out.mkdir(parents=True, exist_ok=True)
    write_index(done, out / INDEX_NAME)
    missing = sum(1 for f in done if not f.exported_as)
    print(messages.render("attachments.exported", count=len(done) - missing, path=str(out), index=INDEX_NAME))
    if missing:
        print(messages.render("attachments.exported_missing", count=missing), file=sys.stderr)
    return EXIT_ERRORS if missing else EXIT_OK


def write_index(done: list[A.ExportedFile], path: Path) -> None:
    """附件清单.xlsx: every attachment with its city, activity, date, size and where it is (or 缺失)."""
    with atomic_file(path) as tmp:
        book = XlsxWriter(tmp, sheet_count=1)
        try:
            sheet = book.sheet("附件清单", widths=[12, 40, 12, 30, 12, 60], freeze="A2")
            sheet.append(["地市", "活动", "开始日期", "文件名", "大小（字节）", "导出位置"])
            for f in done:
                sheet.append(
                    [
                        f.city,
                        f.activity,
                        f.start_date,
                        f.file_name,
                        f.size,
                        f.exported_as or "缺失（文件不在附件文件夹中）",
                    ]
                )
            sheet.close()
            book.close()
        except BaseException:  # a full disk, Ctrl+C: the file is left unfinished (atomic_file drops it)
            book.abort()
            raise
