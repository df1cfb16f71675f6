"""The shared office database on PostgreSQL: db copy both ways (counts and hashes), backups of a server
database, its errors as one sentence, roles the server enforces, migrations only for a role allowed to."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from lifelong_desktop.cli import main
from lifelong_desktop.db import DatabaseProblem, open_database
from lifelong_desktop.db.copying import copy_database, measure, snapshot
from lifelong_desktop.models import Activity, AuditEntry, Organisation
from lifelong_desktop.services.demo.create import make_demo_database


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _hashes(where) -> dict:
    db = open_database(where, backup_on_open=False)
    try:
        with snapshot(db) as conn:
            return measure(conn)
    finally:
        db.close()


def test_db_copy_sqlite_to_server_and_back_keeps_every_row_and_id(pg_cluster, tmp_path, capsys):
    source = tmp_path / "office.sqlite"
    make_demo_database(source, 300, seed=3)
    db = open_database(source, backup_on_open=False)
    with db.transaction("一处修改") as s:  # an audit entry and a changed row travel too
        s.get(Activity, 1).title = "改过的标题"
    db.close()
    server = pg_cluster.new_database()
    code, out, _ = _run(capsys, "db", "copy", "--from", source, "--to", server)
    assert code == 0, out
    wanted = _hashes(source)
    assert _hashes(server) == wanted and wanted["activity"][0] == 300 and wanted["audit_entry"][0] > 0
    for table, (rows, digest) in wanted.items():  # the same hash printed for each table
        assert f"{rows:>8}  sha256 {digest}" in out and table in out
    back = tmp_path / "back.sqlite"
    code, out, _ = _run(capsys, "db", "copy", "--from", server, "--to", back)
    assert code == 0 and _hashes(back) == wanted
    srv = open_database(server)
    try:
        with srv.transaction("new after copy") as s:  # the server's sequences were moved past the copied ids
            s.add(Organisation(name="复制后新加的单位", org_type="other"))
            s.flush()
            assert s.scalar(select(func.max(Organisation.id))) > wanted["organisation"][0]
    finally:
        srv.close()


def test_db_copy_refuses_a_target_with_data_unless_told(pg_cluster, tmp_path, capsys):
    source = tmp_path / "a.sqlite"
    make_demo_database(source)
    server = pg_cluster.new_database()
    assert _run(capsys, "db", "copy", "--from", source, "--to", server)[0] == 0
    before = _hashes(server)
    other = tmp_path / "b.sqlite"
    make_demo_database(other, 200, seed=9)
    code, _, err = _run(capsys, "db", "copy", "--from", other, "--to", server)
    assert code == 2 and "--replace" in err and "Traceback" not in err
    assert _hashes(server) == before  # untouched
    code, out, _ = _run(capsys, "db", "copy", "--from", other, "--to", server, "--replace")
    assert code == 0 and _hashes(server) == _hashes(other)
    kept = next(line for line in out.splitlines() if "另存为" in line).rsplit(" ", 1)[1].rstrip("。")
    assert _hashes(kept) == before  # the replaced content was kept first


def test_backup_of_a_server_database_is_a_sqlite_snapshot_restore_brings_back(pg_cluster, tmp_path, capsys):
    server = pg_cluster.new_database()
    assert _run(capsys, "demo", "--db", server)[0] == 0
    wanted = _hashes(server)
    snap = tmp_path / "snap.sqlite"
    code, out, _ = _run(capsys, "backup", "--db", server, "--out", snap)
    assert code == 0 and snap.read_bytes()[:16] == b"SQLite format 3\x00"
    assert _hashes(snap) == wanted
    db = open_database(server)
    with db.transaction("删掉一项") as s:
        s.delete(s.get(Activity, 5))
    db.close()
    assert _hashes(server) != wanted
    code, out, err = _run(capsys, "restore", "--db", server, "--from", snap)
    assert code == 0, err
    got = _hashes(server)
    assert got == wanted
    back = tmp_path / "copied.sqlite"  # and db copy takes the snapshot anywhere
    assert _run(capsys, "db", "copy", "--from", snap, "--to", back)[0] == 0 and _hashes(back) == wanted
    code, out, _ = _run(capsys, "restore", "--db", server, "--list")  # the copy kept before restoring
    name = server.rsplit("/", 1)[1] + "@127.0.0.1"
    assert code == 0 and f"数据库“{name}”共有 1 个备份" in out, out  # named as everywhere, not t1@127_0_0_1


def test_server_errors_are_one_sentence(pg_cluster, capsys):
    bad_port = pg_cluster.url("postgres").replace(str(pg_cluster.port), "1")
    code, _, err = _run(capsys, "check", "--db", bad_port)
    assert code == 3 and "无法连接到办公室数据库" in err and "Traceback" not in err
    code, _, err = _run(capsys, "check", "--db", pg_cluster.url("no_such_db"))
    assert code == 3 and "没有名为" in err
    code, _, err = _run(capsys, "--lang", "en", "check", "--db", pg_cluster.url("postgres", user="nobody"))
    assert code == 3 and "refused the login" in err


def _login(cluster, name: str) -> str:
    cluster.sql(f"DROP ROLE IF EXISTS {name}", f"CREATE ROLE {name} LOGIN")
    return name


def test_roles_are_enforced_by_the_server_and_named_in_the_audit_log(pg_cluster, tmp_path, capsys):
    from lifelong_desktop.db.roles import current_role

    server = pg_cluster.new_database()
    assert _run(capsys, "demo", "--db", server)[0] == 0
    viewer, planner = _login(pg_cluster, "v_wang"), _login(pg_cluster, "p_li")
    assert _run(capsys, "db", "grant", "--db", server, viewer, "viewer")[0] == 0
    code, out, _ = _run(capsys, "db", "grant", "--db", server, planner, "planner")
    assert code == 0 and "策划者" in out
    name = server.rsplit("/", 1)[1]
    as_planner = open_database(pg_cluster.url(name, user=planner))
    as_viewer = open_database(pg_cluster.url(name, user=viewer))
    try:
        with as_planner.engine.connect() as conn:
            assert current_role(conn) == "planner"
        with as_viewer.engine.connect() as conn:
            assert current_role(conn) == "viewer"
        with as_planner.transaction("planner edits") as s:
            s.get(Activity, 1).title = "策划者改的"
        with as_planner.read() as s:
            who = s.scalar(select(AuditEntry.who).order_by(AuditEntry.id.desc()).limit(1))
        assert who == planner  # the database user, not the OS account
        with as_planner.transaction("planner adds a body") as s:  # as a return or the form's 新建单位 does
            s.add(Organisation(name="临时单位", org_type="other"))
        with pytest.raises(DatabaseProblem) as refused, as_planner.transaction("planner deletes a body") as s:
            s.execute(delete(Organisation).where(Organisation.name == "临时单位"))
        assert refused.value.code == "server_permission_denied" and "无权" in refused.value.message()
        with pytest.raises(DatabaseProblem) as refused, as_viewer.transaction("viewer edits") as s:
            s.get(Activity, 1).title = "查看者改的"
        assert refused.value.code == "server_permission_denied"
        with as_viewer.read() as s:
            assert s.get(Activity, 1).title == "策划者改的"
        code, _, err = _run(
            capsys, "db", "grant", "--db", pg_cluster.url(name, user=planner), viewer, "planner"
        )
        assert code == 3 and "Traceback" not in err  # a planner may not hand out roles
    finally:
        as_planner.close()
        as_viewer.close()
    code, _, err = _run(
        capsys, "export", "--db", pg_cluster.url(name, user=viewer), "--out", "/dev/null/x.xlsx"
    )
    assert "Traceback" not in err


def test_a_role_not_allowed_to_migrate_is_told_so_and_nothing_changes(pg_cluster, tmp_path):
    from alembic import command

    from lifelong_desktop.db.revisions import _alembic_config

    pg_cluster.sql("CREATE DATABASE old_rev")
    url = pg_cluster.url("old_rev")
    from sqlalchemy import create_engine

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002")
    engine.dispose()
    planner = _login(pg_cluster, "p_old")
    pg_cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {planner}", database="old_rev")
    with pytest.raises(DatabaseProblem) as refused:
        open_database(pg_cluster.url("old_rev", user=planner))
    assert refused.value.code == "migration_not_allowed" and "管理员" in refused.value.message()
    db = open_database(url)  # the owner may: the database comes to the newest revision
    with db.read() as s:
        assert s.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar() != "0002"
    db.close()


@pytest.mark.slow
def test_db_copy_both_ways_on_the_50000_activity_demo(pg_cluster, tmp_path, capsys):
    source = tmp_path / "big.sqlite"
    make_demo_database(source, 50_000)
    server = pg_cluster.new_database()
    assert _run(capsys, "db", "copy", "--from", source, "--to", server)[0] == 0
    wanted = _hashes(source)
    assert wanted["activity"][0] == 50_000 and _hashes(server) == wanted
    back = tmp_path / "back.sqlite"
    assert _run(capsys, "db", "copy", "--from", server, "--to", back)[0] == 0
    assert _hashes(back) == wanted


def test_copy_onto_itself_is_refused(tmp_path):
    path = tmp_path / "x.sqlite"
    make_demo_database(path)
    a, b = open_database(path), open_database(path)
    try:
        with pytest.raises(DatabaseProblem):
            copy_database(a, b)
    finally:
        a.close()
        b.close()


def test_a_row_locked_by_another_planner_is_one_sentence_and_nothing_is_lost(pg_cluster, monkeypatch):
    import psycopg

    from lifelong_desktop.db import server

    monkeypatch.setattr(server, "LOCK_TIMEOUT_MS", 300)  # the server gives up waiting after 0.3 s
    url = pg_cluster.new_database()
    db = open_database(url)
    try:
        with db.transaction("一项活动") as s:
            from lifelong_desktop.services.demo.create import create_demo

            create_demo(s, 200)
        with psycopg.connect(url) as other:  # another planner holds the row in an open transaction
            other.execute("SELECT id FROM activity WHERE id = 1 FOR UPDATE")
            with pytest.raises(DatabaseProblem) as busy, db.transaction("改标题") as s:
                s.get(Activity, 1).title = "等不到锁"
            other.rollback()
        assert busy.value.code == "server_busy" and "正被其他人修改" in busy.value.message()
        assert "another planner" in busy.value.message("en").lower()
        with db.read() as s:
            assert s.get(Activity, 1).title != "等不到锁"
    finally:
        db.close()


def test_demo_on_a_server_refuses_a_programme_there_unless_forced(pg_cluster, capsys):
    server = pg_cluster.new_database()
    assert _run(capsys, "demo", "--db", server, "--activities", "300")[0] == 0
    code, _, err = _run(capsys, "demo", "--db", server)
    assert code == 2 and "--force" in err
    assert _hashes(server)["activity"][0] == 300
    code, out, _ = _run(capsys, "demo", "--db", server, "--force")
    assert code == 0 and _hashes(server)["activity"][0] == 178
    code, out, _ = _run(capsys, "backup", "--db", server)
    code, out, _ = _run(capsys, "restore", "--db", server, "--list")
    assert code == 0 and "手动" in out


def test_two_planners_bulk_inserting_at_once_get_different_ids(pg_cluster):
    import threading

    from lifelong_desktop.services.planning import ActivityInput
    from lifelong_desktop.services.planning.statements import bulk_insert
    from lifelong_desktop.services.rows import activity_rows
    from tests.helpers.activity_plan import make_plan

    url = pg_cluster.new_database()
    first, second = open_database(url), open_database(url)
    try:
        plan = make_plan(first, 3)
        with first.read() as s:
            model = ActivityInput.from_row(activity_rows(s, plan["programme"])[0])
        inputs = [model.replace(title=f"粘贴{i}") for i in range(20)]
        made: dict[str, list[int]] = {}
        started = threading.Event()

        def other_planner() -> None:
            started.wait()
            with second.transaction("另一位粘贴") as s:
                made["second"] = bulk_insert(s, plan["programme"], inputs, "paste")

        thread = threading.Thread(target=other_planner)
        thread.start()
        with first.transaction("粘贴") as s:
            made["first"] = bulk_insert(s, plan["programme"], inputs, "paste")
            started.set()  # the other planner now waits for this transaction's table lock
            thread.join(0.5)
            assert thread.is_alive()
        thread.join(10)
        assert not set(made["first"]) & set(made["second"]) and len(made["second"]) == 20
        with first.transaction("一项新活动") as s:  # the ORM's next id comes after both
            from lifelong_desktop.services import planning

            new_id = planning.create_activity(s, plan["programme"], model.replace(title="之后"))
        assert new_id > max(made["first"] + made["second"])
    finally:
        first.close()
        second.close()


def test_a_planner_imports_a_return_that_brings_a_new_activity_and_a_new_body(pg_cluster, tmp_path, capsys):
    """Taking in the cities' returns is a planner's job: a return with a new activity hosted by a body not in
    the register yet is imported by a planner (new register entries may be added; editing them stays the
    administrators'), with the ids the import gives itself and the server's id counters moved past them."""
    from datetime import date

    from lifelong_desktop.models import ActivityOrganisation, Programme, Venue

    server = pg_cluster.new_database()
    assert _run(capsys, "demo", "--db", server)[0] == 0
    planner = _login(pg_cluster, "p_zhao")
    assert _run(capsys, "db", "grant", "--db", server, planner, "planner")[0] == 0
    name = server.rsplit("/", 1)[1]
    city = tmp_path / "city.sqlite"
    assert _run(capsys, "db", "copy", "--from", server, "--to", city)[0] == 0
    db = open_database(city, backup_on_open=False)
    with db.transaction("a city adds one") as s:
        programme = s.scalars(select(Programme)).one()
        body = Organisation(name="抚顺市新抚区社区学院", org_type="school")
        s.add(body)
        activity = Activity(
            programme_id=programme.id,
            title="社区学院开放日",
            activity_type="lecture",
            level="county",
            mode="offline",
            county_code="210402",
            venue=Venue(
                name="新抚区社区学院礼堂", city_code="210400", county_code="210402", address="永宁街1号"
            ),
            start_date=date(2024, 4, 27),
            end_date=date(2024, 4, 27),
            city_code="210400",
        )
        activity.organisers = [ActivityOrganisation(organisation=body, role="host", position=0)]
        s.add(activity)
    db.close()
    workbook = tmp_path / "return.xlsx"
    code, out, err = _run(capsys, "export", "--db", city, "--out", workbook)
    assert code == 0, out + err
    code, out, err = _run(capsys, "import", "--db", pg_cluster.url(name, user=planner), workbook)
    assert code == 0, out + err
    as_planner = open_database(pg_cluster.url(name, user=planner))
    try:
        with as_planner.read() as s:
            assert s.scalar(select(func.count()).where(Activity.title == "社区学院开放日")) == 1
            assert s.scalar(select(func.count()).where(Organisation.name == "抚顺市新抚区社区学院")) == 1
            assert s.scalar(select(func.count()).where(Venue.name == "新抚区社区学院礼堂")) == 1
        with as_planner.transaction("a planner's next activity") as s:  # the id counter is past the import's
            programme = s.scalars(select(Programme)).one()
            s.add(
                Activity(
                    programme_id=programme.id,
                    title="又一项",
                    start_date=date(2024, 4, 28),
                    end_date=date(2024, 4, 28),
                )
            )
        with (
            pytest.raises(DatabaseProblem) as refused,
            as_planner.transaction("a planner merges two bodies") as s,
        ):  # a merge deletes the body merged away: the administrators' work
            s.execute(delete(Organisation).where(Organisation.name == "抚顺市新抚区社区学院"))
        assert refused.value.code == "server_permission_denied"
    finally:
        as_planner.close()
