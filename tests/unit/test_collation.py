"""One collation for registers, calendar and Activities: 朝阳 is chao everywhere, whatever was called first."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lifelong_desktop.services import collation

NAMES = ["朝阳市", "沈阳市", "长春市", "重庆市", "辽宁省教育厅", "朝阳区图书馆", "常州市"]
EXPECTED = ["长春市", "常州市", "朝阳区图书馆", "朝阳市", "重庆市", "辽宁省教育厅", "沈阳市"]

PROBE = """
import json, sys
from pypinyin import lazy_pinyin
from lifelong_desktop.services import collation as c
names = json.loads(sys.argv[2])
before = lazy_pinyin("朝阳")
calls = {
    "register": lambda: sorted(names, key=c.pinyin_key),
    "activities": lambda: sorted(names, key=c.name_key),
    "titles": lambda: sorted([n for n in names if n[0] not in "长重"], key=c.title_key),
}
out = {}
for which in sys.argv[1].split(","):
    out[which] = calls[which]()
out["initials"] = c.pinyin_initials("朝阳市")
out["pypinyin_before"], out["pypinyin_after"] = before, lazy_pinyin("朝阳")
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.mark.parametrize("order", ["register,activities,titles", "titles,activities,register"])
def test_every_list_sorts_alike_in_either_order_in_a_fresh_process(order, tmp_path):
    env_dir = tmp_path / "data"
    env_dir.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, order, json.dumps(NAMES, ensure_ascii=False)],
        capture_output=True,
        text=True,
        check=True,
        env={"LIFELONG_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"},
    )
    out = json.loads(done.stdout)
    for which in order.split(","):  # titles: one character at a time (长 zhang), 朝阳 still chao
        expected = [n for n in EXPECTED if n[0] not in "长重"] if which == "titles" else EXPECTED
        assert out[which] == expected, which
    assert out["initials"] == "cys"
    assert out["pypinyin_before"] == out["pypinyin_after"], "pypinyin's own phrase table was changed"


def test_the_keys_read_places_as_places():
    assert collation.name_key("朝阳市").startswith("chao2 yang2")
    assert collation.title_key("朝阳市讲座").startswith("chao2 yang2")
    assert collation.pinyin_key("朝阳市")[0] == collation.name_key("朝阳市")
    assert collation.name_key("重庆市").startswith("chong2") and collation.name_key("长春市").startswith(
        "chang2"
    )
    assert collation.matches("朝阳市图书馆", "cysts") and collation.matches("朝阳市", "chaoyang")
    assert not collation.matches("朝阳市", "zhaoyang")
