"""English counts agree with their nouns: the plural-only English translations are installed and complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from lifelong_desktop.paths import resource

EN_FILES = ("lifelong_en.ts",)


@pytest.fixture
def english(qapp):
    from lifelong_desktop.ui.shell.i18n import install_translators

    installed = install_translators(qapp, "en")
    yield installed
    install_translators(qapp, "en")


def test_english_counts_have_singular_and_plural(english):
    assert english, "lifelong_en.qm is installed for English"
    tr = QCoreApplication.translate
    assert tr("BulkEditDialog", "Change %n selected activities:", "", 1) == "Change 1 selected activity:"
    assert tr("BulkEditDialog", "Change %n selected activities:", "", 2) == "Change 2 selected activities:"
    # QCoreApplication.translate(..., n) calls, which lupdate misses, are plural too
    assert (
        tr("ActivityEditing", "Deleted %n activities (Ctrl+Z undoes it).", "", 1)
        == "Deleted 1 activity (Ctrl+Z undoes it)."
    )
    assert tr("UndoCommands", "Paste activities (%n)", "", 2) == "Paste activities (2)"


def test_chinese_replaces_the_english_plurals(qapp, english):
    from lifelong_desktop.ui.shell.i18n import install_translators

    install_translators(qapp, "zh_CN")
    assert "活动" in QCoreApplication.translate("BulkEditDialog", "Change %n selected activities:", "", 1)


def _numerus_messages(name):
    path = resource("i18n", name)
    if not path.exists():
        return []
    root = ET.parse(path).getroot()
    assert root.get("language") == "en"
    return [m for m in root.iter("message") if m.get("numerus") == "yes"]


@pytest.mark.parametrize("name", EN_FILES)
def test_every_english_plural_is_finished(name):
    for msg in _numerus_messages(name):
        source = msg.findtext("source")
        translation = msg.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")]
        assert translation.get("type") is None, f"unfinished: {source}"
        assert len(forms) == 2 and all("%n" in f for f in forms), f"need singular and plural: {source}"
        assert forms[1] == source, f"the plural form is the source text: {source}"


def test_the_english_file_has_the_plurals_of_the_window():
    sources = {m.findtext("source") for m in _numerus_messages("lifelong_en.ts")}
    assert {"Change %n selected activities:", "Printed %n pages.", "Delete activities (%n)"} <= sources
