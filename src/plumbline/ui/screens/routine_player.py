"""The routine player: one step at a time, a large countdown for holds, reps counted on a key press.

All timing lives in the domain's RoutinePlayer; this screen feeds it the injected monotonic clock
on each key and on a short tick, and draws what it says. Finishing checks the linked habit;
"this hurts" stops at once, shows the guidance's caution and offers to log the pain.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Digits, Static

from plumbline.app.tracker import Tracker
from plumbline.domain.pain import PainReading
from plumbline.domain.routine import Routine
from plumbline.domain.routine_player import Mode, PhaseKind, RoutinePlayer
from plumbline.domain.safety import STOP_AT_ONCE
from plumbline.errors import PlumblineError
from plumbline.ui import glyphs
from plumbline.ui.errors import reported
from plumbline.ui.screens.confirm import ConfirmDialog
from plumbline.ui.screens.pain_form import HurtStop, PainForm
from plumbline.ui.user_text import user_text
from plumbline.ui.widgets.key_bar import KeyBar

TICK_SECONDS = 0.2  # often enough that the countdown never shows a second late
CUE_SECONDS = 1.0  # how long the countdown flashes when a hold or rest ends

# What the main key (space / enter) does in each mode, when it does not depend on the phase too.
MAIN_ROLES = {Mode.WAITING: "start", Mode.COUNTING: "rep", Mode.PAUSED: "resume"}


def clock_face(seconds: float) -> str:
    whole = math.ceil(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class RoutinePlayerScreen(Screen[None]):
    # The step on top, a large countdown or rep count in the middle.
    DEFAULT_CSS = """
    #routine-header { height: 1; background: $panel; }
    #step-title { height: auto; padding: 1 2 0 2; }
    #step-how { height: auto; padding: 0 2; color: $text; }
    #counter { height: 5; padding: 1 2 0 2; margin: 1 2 0 2; width: auto; }
    #counter.-cue { background: $success 50%; }
    #big { width: auto; color: $accent; }
    #big-label { width: auto; padding: 0 0 0 2; }
    #routine-status { height: auto; padding: 1 2 0 2; }
    #step-caution, #stop-hint { height: auto; padding: 0 2; }
    #step-caution { margin-top: 1; }
    """
    # The main key does one thing at a time; each meaning is its own binding so the footer names it.
    BINDINGS = [
        Binding("space,enter", "main('begin')", "Begin", id="routine.begin"),
        Binding("space,enter", "main('start')", "Start hold", id="routine.start"),
        Binding("space,enter", "main('rep')", "Rep done", id="routine.rep"),
        Binding("space,enter", "main('pause')", "Pause", id="routine.pause"),
        Binding("space,enter", "main('resume')", "Resume", id="routine.resume"),
        Binding("space,enter", "main('ready')", "Ready", id="routine.ready"),
        Binding("p", "pause", "Pause / resume", id="routine.pause_key", show=False),
        Binding("n", "skip", "Skip", id="routine.skip"),
        Binding("b", "back", "Back", id="routine.back"),
        Binding("x,exclamation_mark", "hurt", "It hurts: stop", id="routine.hurt"),
        Binding("escape", "leave", "Leave", id="routine.leave"),
        # q quits the app, as everywhere, but not out of a routine at once: it asks first.
        Binding("q", "quit_app", "Quit", id="routine.quit"),
        Binding("space,enter,escape", "close", "Close", id="routine.close"),
    ]

    def __init__(
        self,
        routine: Routine,
        tracker: Tracker,
        clock: Callable[[], dt.datetime],
        monotonic: Callable[[], float],
        habit_label: str = "",
    ) -> None:
        super().__init__()
        self.routine = routine
        self.tracker = tracker
        self.clock = clock
        self.monotonic = monotonic
        self.habit_label = habit_label or (routine.habit or "")
        self.player = RoutinePlayer(routine)
        self.begun = False  # first the routine's cautions, then step 1
        self.outcome = ""  # what finishing did, for the last view

    def compose(self) -> ComposeResult:
        yield Static(id="routine-header")
        yield Static(id="step-title")
        yield Static(id="step-how")
        with Horizontal(id="counter"):
            yield Digits(id="big")
            yield Static(id="big-label")
        yield Static(id="routine-status")
        yield Static(id="step-caution")
        yield Static(id="stop-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(TICK_SECONDS, self.tick)
        self.show()

    # -- time ----------------------------------------------------------------------------------

    def tick(self) -> None:
        if self.player.tick(self.monotonic()):
            self.cue()
            self._after_change()
        elif self.player.mode is Mode.RUNNING:
            self._show_counter()  # only the time moved

    def cue(self) -> None:
        """A hold or rest has ended: the terminal bell, and a brief flash for eyes and quiet rooms."""
        self.app.bell()
        counter = self.query_one("#counter")
        counter.add_class("-cue")
        self.set_timer(CUE_SECONDS, lambda: counter.remove_class("-cue"))

    # -- keys ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        mode = self.player.mode
        if action == "main":
            return parameters == (self._main_role(),)
        if action == "pause":
            return mode in (Mode.RUNNING, Mode.PAUSED)
        if action == "close":
            return mode is Mode.FINISHED
        if action in ("skip", "back"):
            return self.begun and mode not in (Mode.FINISHED, Mode.STOPPED)
        if action in ("hurt", "leave"):
            return mode not in (Mode.FINISHED, Mode.STOPPED)
        return True

    def _main_role(self) -> str | None:
        mode, phase = self.player.mode, self.player.phase
        if not self.begun:
            return "begin" if mode is not Mode.STOPPED else None
        if mode is Mode.RUNNING and phase is not None:
            return "ready" if phase.kind is PhaseKind.REST else "pause"
        return MAIN_ROLES.get(mode)

    def action_main(self, role: str) -> None:
        if role == "begin":
            self.begun = True
            self._after_change()
            return
        self._do(self.player.primary)  # the player knows what the key means now; `role` only labels it

    def action_pause(self) -> None:
        self._do(self.player.toggle_pause)

    def action_skip(self) -> None:
        self._do(self.player.skip)

    def action_back(self) -> None:
        self._do(self.player.back)

    def _do(self, change: Callable[[float], object]) -> None:
        change(self.monotonic())
        self._after_change()

    def _after_change(self) -> None:
        if self.player.finished and not self.outcome:
            self.outcome = self._finish()
        self.show()
        self.refresh_bindings()

    def action_hurt(self) -> None:
        self.player.stop()
        self.show()
        self.refresh_bindings()
        earlier = None
        # The stop itself must still work on a damaged or full disk, and go on to the pain form.
        with reported(self.app, instead="the stop is not kept"):
            earlier = self.tracker.record_stop(self.routine.id, self._stop_note(), self.clock())
        again = f"{self.routine.name} hurt on {earlier.day:%A %-d %B} too" if earlier else ""
        # The calendar day, not the habit day: reading the "day starts at" setting could fail on a
        # damaged file, and a pain entry must still be offered.
        day = self._today()
        self.app.push_screen(PainForm(day, stop=HurtStop(self._stop_note(), again)),
                             lambda reading: self._hurt_answered(day, reading))

    def _today(self) -> dt.date:
        try:
            return self.tracker.today(self.clock())
        except PlumblineError:
            return self.clock().date()

    def _stop_note(self) -> str:
        phase = self.player.phase
        side = f", {phase.side} side" if phase and phase.side else ""
        return f"Stopped {self.routine.name} at step {self.player.step_number}: {self.player.step.name}{side}"

    def _hurt_answered(self, day: dt.date, reading: PainReading | None) -> None:
        if reading is not None:
            with reported(self.app):
                now = self.clock()
                self.tracker.log_pain(day, reading.level, reading.note, today=self._today(),
                                      time=now.time().replace(second=0, microsecond=0), triggers=reading.triggers)
                self.app.notify(f"Pain {reading.level}/10 logged for today", markup=False)
        self.dismiss(None)

    def action_leave(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.player.stop()
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(f"Leave {self.routine.name}? Nothing is checked."), answered)

    def action_quit_app(self) -> None:
        if not self.begun or self.player.mode in (Mode.FINISHED, Mode.STOPPED):
            self.app.exit()  # nothing under way to lose: the opening page, or the end
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.player.stop()
                self.app.exit()

        self.app.push_screen(ConfirmDialog(f"Quit plumbline in the middle of {self.routine.name}? "
                                           "Nothing is checked."), answered)

    def action_close(self) -> None:
        self.dismiss(None)

    def _finish(self) -> str:
        if not self.player.counts_as_done:
            return "Every step was skipped, so nothing was checked."
        if not self.routine.habit:
            return "Well done."
        with reported(self.app) as trouble:  # and a damaged file brings the restore offer
            today = self.tracker.today(self.clock())
            self.tracker.check(self.routine.habit, today, today=today)
        return f"Not checked: {trouble.error}" if trouble.error else f"Checked for today: {self.habit_label}"

    # -- drawing -------------------------------------------------------------------------------

    def show(self) -> None:
        player = self.player
        header = Text()
        header.append(" plumbline ", style="bold reverse")
        header.append_text(user_text(f"  {self.routine.name}", "bold"))
        if not self.begun:
            header.append(f"   {self.routine.describe()}")
            self.query_one("#routine-header", Static).update(header)
            self._show_intro()
            return
        header.append(f"   step {player.step_number} of {player.step_count}")
        self.query_one("#routine-header", Static).update(header)
        self.query_one("#counter").display = not player.finished
        if player.finished:
            self._show_finished()
            return
        phase, step = player.phase, player.step
        title = Text()
        title.append_text(user_text(step.name, "bold"))
        if phase is not None and phase.side:
            title.append(glyphs.punctuated(f"  ·  {phase.side} side"), style="cyan")
        if step.times > 1 and phase is not None:
            upcoming = "rest, then " if phase.kind is PhaseKind.REST else ""
            title.append(glyphs.punctuated(f"  ·  {upcoming}hold {phase.round} of {phase.rounds}"), style="dim")
        self.query_one("#step-title", Static).update(title)
        self.query_one("#step-how", Static).update(user_text(step.how))
        self._show_counter()
        self.query_one("#routine-status", Static).update(self._status())
        caution = user_text(f"! {step.caution}", "yellow") if step.caution else Text()
        self.query_one("#step-caution", Static).update(caution)
        self.query_one("#stop-hint", Static).update(Text(f"! {STOP_AT_ONCE} Press x to stop.", style="bold yellow"))

    def _show_counter(self) -> None:
        big, label = self._counter()
        digits = self.query_one("#big", Digits)
        if digits.value != big:
            digits.update(big)
        self.query_one("#big-label", Static).update(label)

    def _counter(self) -> tuple[str, Text]:
        phase = self.player.phase
        if phase is None or self.player.stopped:
            return "", Text("stopped", style="bold red")
        if phase.kind is PhaseKind.REPS:
            return str(self.player.reps_done), Text(f"of {phase.amount} reps", style="bold")
        label = "rest" if phase.kind is PhaseKind.REST else "hold"
        return clock_face(self.player.remaining(self.monotonic())), Text(f"{label}\n{phase.amount} s", style="bold")

    def _status(self) -> Text:
        player, phase = self.player, self.player.phase
        if player.stopped or phase is None:
            return Text("Stopped.", style="bold red")
        if player.mode is Mode.WAITING:
            return Text(f"Get into position, then press space to start the {phase.amount}-second hold.")
        if player.mode is Mode.COUNTING:
            return Text("Slowly, with control. Press space after each repetition.")
        if player.mode is Mode.PAUSED:
            return Text("Paused. Press space or p to go on; the time left is kept.", style="bold")
        if phase.kind is PhaseKind.REST:
            return Text("Let go and rest. The next hold starts by itself; space starts it now.")
        return Text("Hold. Space or p pauses.")

    def _show_intro(self) -> None:
        """Before step 1: what the routine is for and the guidance's cautions that go with it."""
        self.query_one("#step-title", Static).update(Text("Before you begin", style="bold"))
        self.query_one("#step-how", Static).update(user_text(self.routine.about))
        self.query_one("#counter").display = False
        stopped = self.player.stopped
        begin = f"Press space to begin with step 1: {self.routine.steps[0].name}."
        self.query_one("#routine-status", Static).update(Text("Stopped.", style="bold red") if stopped else user_text(begin))
        cautions = Text("\n").join(user_text(f"! {caution}", "yellow") for caution in self.routine.cautions)
        self.query_one("#step-caution", Static).update(cautions)
        self.query_one("#stop-hint", Static).update(Text("During the routine, x stops it at once.", style="bold yellow"))

    def _show_finished(self) -> None:
        skipped = [self.routine.steps[i].name for i in sorted(self.player.skipped)]
        done = len(self.player.completed)
        self.query_one("#step-title", Static).update(Text("Done", style="bold green"))
        summary = Text(f"{done} of {self.player.step_count} steps done.")
        if skipped:
            summary.append_text(user_text(f" Skipped: {', '.join(skipped)}.", "dim"))
        self.query_one("#step-how", Static).update(summary)
        self.query_one("#routine-status", Static).update(user_text(self.outcome, "bold"))
        self.query_one("#step-caution", Static).update(Text("Press enter to go back to today's checklist.", style="dim"))
        self.query_one("#stop-hint", Static).update("")
