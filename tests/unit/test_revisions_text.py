"""The schema revisions read from the scripts' text (no Alembic at open) agree with Alembic's own reading."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from lifelong_desktop.db import open_database, revisions

EXTRA = '''
"""throw-away revision"""
from typing import Sequence, Union

revision: str = "{rev}"
down_revision: Union[str, Sequence[str], None] = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


def _alembic(location) -> tuple[str, frozenset[str]]:
    cfg = Config()
    cfg.set_main_option("script_location", str(location))
    script = ScriptDirectory.from_config(cfg)
    heads = script.get_heads()
    return (heads[0] if len(heads) == 1 else tuple(sorted(heads))), frozenset(
        r.revision for r in script.walk_revisions()
    )


@pytest.fixture
def scripts(tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(revisions.script_location(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    revisions._revisions.cache_clear()
    yield folder
    revisions._revisions.cache_clear()


def _add(folder, rev, down) -> None:
    (folder / "versions" / f"{rev}_extra.py").write_text(
        textwrap.dedent(EXTRA).format(rev=rev, down=down), encoding="utf-8"
    )


def test_the_shipped_scripts_read_as_alembic_reads_them():
    assert revisions._revisions(str(revisions.script_location())) == _alembic(revisions.script_location())


def test_an_added_revision_with_annotations_becomes_the_head(scripts):
    head = revisions._revisions(str(scripts))[0]
    _add(scripts, "9001", head)
    _add(scripts, "9002", "9001")
    revisions._revisions.cache_clear()
    assert revisions._revisions(str(scripts)) == _alembic(scripts)
    assert revisions._revisions(str(scripts))[0] == "9002"


def test_a_merge_revision_is_left_to_alembic(scripts):
    head = revisions._revisions(str(scripts))[0]
    _add(scripts, "9001", head)
    _add(scripts, "9002", head)
    _add(scripts, "9003", ("9001", "9002"))
    revisions._revisions.cache_clear()
    assert revisions._revisions(str(scripts)) == _alembic(scripts) == ("9003", _alembic(scripts)[1])


def test_opening_a_database_imports_no_alembic(tmp_path):
    """The newest database opens without Alembic (it is only needed to migrate)."""
    path = tmp_path / "plan.sqlite"
    open_database(path).close()  # created and migrated (that needs Alembic)
    code = (
        "import sys; from lifelong_desktop.db import open_database;"
        f"open_database({str(path)!r}).close();"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
