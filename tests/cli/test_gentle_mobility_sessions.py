"""Gentle mobility several times a day (issue 14, item 2c): each session counts, toward the user's target."""

import json


def mobility(cli):
    return next(h for h in json.loads(cli("today", "--json").out)["habits"] if h["id"] == "gentle-mobility")


def test_each_session_is_counted_and_one_is_enough_by_default(cli):
    assert cli("check", "gentle-mobility").out.strip() == "Gentle pelvic mobility: 1 (1) sessions on 2026-11-23"
    assert cli("check", "gentle-mobility", now="2026-11-23T13:00:00").code == 0
    row = mobility(cli)
    assert (row["status"], row["count"]) == ("done", 2)
