"""Two and three devices, each with its own copy of the data dir, synced by a simulated
Syncthing, Nextcloud or Dropbox (tests/sync/engines): every scenario ends with every device
exporting the same records, and none lost.

The scenario table: check vs uncheck, count edits, pain readings, habit edits and archives, on
both sides while apart; then a simulated month of offline use with weeks offline, clock skew of
hours, half-delivered files and shuffled partial rounds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from plumbline.app.tracker import Tracker
from tests.sync.devices import day, device, exported, reopened
from tests.sync.engines import Dropbox, Nextcloud, Syncthing

NOW = dt.datetime(2026, 11, 30, 12, 0)
ENGINES = ("syncthing", "nextcloud", "dropbox")


class Cluster:
    """Devices by name, each a Tracker over its own folder, and the engine that syncs them."""

    def __init__(self, tmp_path: Path, engine: str, names: tuple[str, ...],
                 skew: dict[str, dt.timedelta] | None = None) -> None:
        self.devices = {name: device(tmp_path, name) for name in names}
        folders = {name: t.locations.data_dir for name, t in self.devices.items()}
        skew = skew or {}
        if engine == "syncthing":
            self.engine = Syncthing(folders, lambda: NOW, skew=skew)
        else:
            kind = Nextcloud if engine == "nextcloud" else Dropbox
            self.engine = kind(tmp_path / "server", folders, lambda: NOW, skew=skew)
        self.rounds: list = []  # what each sync did (tests/sync/engines/base.py Round)
        for name, hours in skew.items():
            clock = self.devices[name].store.clock
            clock.now_ns = _skewed(hours)

    def __getitem__(self, name: str) -> Tracker:
        return self.devices[name]

    def sync(self, names: list[str] | None = None, **options) -> None:
        self.rounds.append(self.engine.sync(names, **options))
        if not isinstance(self.engine, Syncthing) and not options:
            self.rounds.append(self.engine.sync(names))  # a second pass brings each client what the later ones sent
        for name in names or list(self.devices):
            skew = self.devices[name].store.clock.now_ns
            self.devices[name] = reopened(self.devices[name])  # a new command sees the files as they are now
            self.devices[name].store.clock.now_ns = skew

    def exports(self) -> list[dict]:
        return [exported(t) for t in self.devices.values()]


def _skewed(offset: dt.timedelta) -> Callable[[], int]:
    import time

    return lambda: time.time_ns() + int(offset.total_seconds() * 1e9)


def entries(document: dict) -> dict[tuple[str, str], dict]:
    return {(e["habit"], e["date"]): e for e in document["entries"]}


def settled(cluster: Cluster) -> dict:
    cluster.sync()
    documents = cluster.exports()
    assert all(d == documents[0] for d in documents), "the devices disagree after a full sync"
    return documents[0]


@pytest.mark.parametrize("engine", ENGINES)
def test_check_on_one_side_and_uncheck_on_the_other_keeps_the_check(tmp_path, engine):
    cluster = Cluster(tmp_path, engine, ("laptop", "desktop"))
    cluster["laptop"].check("core-work", day(1), today=day(1))
    cluster.sync()
    cluster["desktop"].uncheck("core-work", day(1))  # saw the first check: removes it
    cluster["laptop"].uncheck("core-work", day(1))  # meanwhile, apart: unchecked and checked again
    cluster["laptop"].check("core-work", day(1), note="after all", today=day(1))
    cluster["desktop"].check("knee-pillow", day(1), today=day(1))
    cluster["laptop"].uncheck("knee-pillow", day(1))  # never saw the desktop's check: nothing to remove
    state = entries(settled(cluster))
    assert state[("core-work", day(1).isoformat())]["note"] == "after all"
    assert ("knee-pillow", day(1).isoformat()) in state
    cluster["desktop"].uncheck("core-work", day(1))  # now it has seen every check: gone everywhere
    assert ("core-work", day(1).isoformat()) not in entries(settled(cluster))


@pytest.mark.parametrize("engine", ENGINES)
def test_count_edits_and_skips_on_both_sides(tmp_path, engine):
    cluster = Cluster(tmp_path, engine, ("laptop", "desktop"))
    cluster["laptop"].check("core-work", day(2), today=day(2))
    cluster.sync()
    cluster["laptop"].check("core-work", day(2), note="10 minutes", today=day(2))  # the note, here
    cluster["desktop"].skip("glute-work", day(2), today=day(2))
    cluster["desktop"].check("glute-work", day(3), today=day(3))
    # The same count on both sides, apart: each device adds to the count it knew.
    cluster["laptop"].check("gentle-mobility", day(2), amount=2, today=day(2))
    cluster["desktop"].check("gentle-mobility", day(2), amount=5, today=day(2))
    state = entries(settled(cluster))
    assert state[("gentle-mobility", day(2).isoformat())]["count"] in (2, 5)  # the later change, on every device
    assert state[("core-work", day(2).isoformat())]["note"] == "10 minutes"
    assert state[("glute-work", day(2).isoformat())]["skipped"] is True
    assert state[("glute-work", day(3).isoformat())]["count"] == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_pain_readings_habit_edits_and_archives_on_both_sides(tmp_path, engine):
    cluster = Cluster(tmp_path, engine, ("laptop", "desktop", "tablet"))
    laptop, desktop, tablet = (cluster[n] for n in ("laptop", "desktop", "tablet"))
    laptop.log_pain(day(4), 3, "morning", today=day(4), time=dt.time(8, 0))
    desktop.log_pain(day(4), 6, "after the drive", today=day(4), time=dt.time(18, 0))
    tablet.log_pain(day(4), 5, "evening", today=day(4), time=dt.time(21, 0))
    laptop.save_habit(laptop.habit("core-work")._replace(name="Core work, 10 minutes"))
    desktop.save_habit(desktop.habit("core-work")._replace(how="Dead bug, bird dog, side plank."))
    tablet.set_archived("both-feet", True, day(4))
    desktop.save_habit(desktop.habit("core-work")._replace(id="hip-flexor", name="Hip flexor stretch"), today=day(4))
    document = settled(cluster)
    assert [(p["level"], p["note"]) for p in document["pain"]] == [(3, "morning"), (6, "after the drive"), (5, "evening")]
    again = reopened(cluster["laptop"])
    core = again.habit("core-work")
    assert (core.name, core.how) == ("Core work, 10 minutes", "Dead bug, bird dog, side plank.")
    assert again.habit("both-feet").archived and again.habit("hip-flexor").name == "Hip flexor stretch"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_month_apart_with_weeks_offline_skew_and_half_delivered_files(tmp_path, engine):
    """Three devices used for a month: each day each online device checks, unchecks, skips, logs
    pain and edits habits; the tablet is offline for three weeks; the desktop's clock runs five
    hours ahead; some rounds deliver only some files, shuffled, and one a file cut in half."""
    skew = {"desktop": dt.timedelta(hours=5)}
    cluster = Cluster(tmp_path, engine, ("laptop", "desktop", "tablet"), skew)
    rng = random.Random(f"{engine}-month")
    habits = ["core-work", "glute-work", "knee-pillow", "mobility", "knees-uncrossed"]
    habits = [h for h in habits if h in {x.id for x in cluster["laptop"].habits()}]
    readings: set[tuple[str, int, str]] = set()
    mine: dict[tuple[str, str], tuple[str, object]] = {}  # (habit, day) only one device touches -> its last word
    for n in range(30):
        today = dt.date(2026, 10, 1) + dt.timedelta(days=n)
        online = [name for name in cluster.devices if not (name == "tablet" and 5 <= n < 26)]
        for name in online:
            tracker = cluster[name]
            for _ in range(rng.randint(2, 5)):
                habit, roll = rng.choice(habits), rng.random()
                key = (f"{habit}", today.isoformat())
                if roll < 0.5:
                    tracker.check(habit, today, today=today)
                elif roll < 0.65:
                    tracker.uncheck(habit, today)
                elif roll < 0.75:
                    tracker.skip(habit, today, today=today)
                elif roll < 0.9:
                    level = rng.randint(0, 10)
                    tracker.log_pain(today, level, f"{name} {n}", today=today)
                    readings.add((today.isoformat(), level, f"{name} {n}"))
                else:
                    tracker.save_habit(tracker.habit(habit)._replace(how=f"as {name} wrote on day {n}"))
                del key
            # A habit each device alone touches: its last word must be everyone's.
            own = f"{name}-only"
            if own not in {h.id for h in tracker.habits(include_archived=True)}:
                tracker.save_habit(tracker.habit("core-work")._replace(id=own, name=f"{name} only"), today=day(0))
            tracker.check(own, today, amount=1, today=today)
            mine[(own, today.isoformat())] = ("done", today)
        if rng.random() < 0.6:
            chosen = [d for d in online if rng.random() < 0.8] or online[:1]
            if rng.random() < 0.3:
                cluster.sync(chosen, order_seed=rng.randint(0, 10**6), limit=rng.randint(1, 6))
            else:
                cluster.sync(chosen)
        if n == 12:
            month = f"entries/2026-10.{cluster['laptop'].locations.device}.json"
            cluster["laptop"].log_pain(today, 2, "laptop, before the half delivery", today=today)
            readings.add((today.isoformat(), 2, "laptop, before the half delivery"))
            if isinstance(cluster.engine, Syncthing):
                delivery = cluster.engine.sync(["laptop", "desktop"], files=[month], torn={month: 40})
            else:
                cluster.engine.sync("laptop", files=[month])
                delivery = cluster.engine.sync("desktop", files=[month], torn={month: 40})
            assert delivery.torn, "the round was to leave half a file on the desktop"
            warnings: list[str] = []
            probe = reopened(cluster["desktop"])
            probe.warn = warnings.append
            probe.check("glute-work", today, today=today)  # its own work goes on beside a half file
            assert probe.store.history()["glute-work"][today].count >= 1
            assert any(month.split("/")[-1] in line for line in warnings)
    document = settled(cluster)
    state = entries(document)
    # Each device writes only its own files: the engines never met two versions of one file.
    assert not [c for r in cluster.rounds for c in r.conflicts]
    assert sum(len(r.delivered) for r in cluster.rounds) > 20  # files went back and forth all month
    assert readings <= {(p["date"], p["level"], p["note"]) for p in document["pain"]}
    assert all(key in state for key in mine), "a check only one device made was lost"
    how = {reopened(t).habit("core-work").how for t in cluster.devices.values()}
    assert len(how) == 1
