"""The register forms and the merge dialog on their own: fields, dependent lists, validation, buttons."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from lifelong_desktop.services.registers import RegisterError
from lifelong_desktop.services.rows import OrganisationRow, VenueRow
from lifelong_desktop.ui.registers.merge_dialog import MergeDialog
from lifelong_desktop.ui.registers.organisation_dialog import OrganisationDialog
from lifelong_desktop.ui.registers.venue_dialog import VenueDialog


def accept_all(_values):
    return None


def test_organisation_form_round_trips_a_row(qtbot):
    row = OrganisationRow(
        7, "沈阳市总工会", "union", "91110000802100433B", "210100", "王芳", "024-1234567", "wf@example.cn", 3
    )
    dialog = OrganisationDialog(None, accept_all, "210000", row)
    qtbot.addWidget(dialog)
    assert dialog.values() == {
        "name": "沈阳市总工会",
        "org_type": "union",
        "credit_code": "91110000802100433B",
        "region_code": "210100",
        "contact_name": "王芳",
        "contact_phone": "024-1234567",
        "email": "wf@example.cn",
    }
    dialog.region.setEditText("210102 沈阳市和平区")  # typed into the searchable list
    assert dialog.values()["region_code"] == "210102"
    dialog.region.setEditText("no such place")
    assert dialog.values()["region_code"] == dialog.region.currentData()


def test_organisation_form_shows_the_refusal_and_focuses_the_field(qtbot):
    def refuse(values):
        raise RegisterError("invalid_credit_code", "credit_code", value=values["credit_code"])

    dialog = OrganisationDialog(None, refuse, "210000")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("甲")
    dialog.credit_code.setText("123")
    with qtbot.assertNotEmitted(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "123" in dialog.error.text() and dialog.error.isVisible()
    assert dialog.focusWidget() is dialog.credit_code


def test_venue_form_counties_follow_the_city(qtbot):
    dialog = VenueDialog(None, accept_all, "210000", city_code="210200")
    qtbot.addWidget(dialog)
    counties = {dialog.county.itemData(i) for i in range(1, dialog.county.count())}
    assert "210202" in counties and all(c.startswith("2102") for c in counties)
    dialog.city.setCurrentIndex(dialog.city.findData("210100"))
    counties = {dialog.county.itemData(i) for i in range(1, dialog.county.count())}
    assert "210102" in counties and "210202" not in counties
    values = dialog.values()
    assert values["city_code"] == "210100" and values["capacity"] is None and values["accessible"] is None


def test_venue_form_keeps_the_values_of_a_row(qtbot):
    row = VenueRow(
        3,
        "大连市文化馆",
        "210200",
        "大连市",
        "210202",
        "中山路1号",
        "cultural_centre",
        300,
        True,
        "李明",
        "0411-1234567",
        1,
    )
    dialog = VenueDialog(None, accept_all, "210000", row)
    qtbot.addWidget(dialog)
    assert dialog.values() == {
        "name": "大连市文化馆",
        "city_code": "210200",
        "county_code": "210202",
        "address": "中山路1号",
        "venue_type": "cultural_centre",
        "capacity": 300,
        "accessible": True,
        "contact_name": "李明",
        "contact_phone": "0411-1234567",
    }


@pytest.mark.parametrize("same", [True, False])
def test_merge_dialog_needs_two_different_entries(qtbot, same):
    calls = []

    def preview(keep, drop):
        calls.append((keep, drop))
        return f"{drop} → {keep}"

    entries = [(1, "甲"), (2, "乙"), (3, "丙")]
    dialog = MergeDialog(None, "合并", entries, preview, 2, 2 if same else 3)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() is (not same)
    if not same:
        assert dialog.summary.text() == "3 → 2"
        dialog.swap()
        assert dialog.ids() == (3, 2) and calls[-1] == (3, 2)


def test_merge_dialog_picks_another_entry_when_only_one_is_given(qtbot):
    dialog = MergeDialog(None, "合并", [(1, "甲"), (2, "乙")], lambda k, d: "", 1)
    qtbot.addWidget(dialog)
    assert dialog.ids() == (1, 2)
