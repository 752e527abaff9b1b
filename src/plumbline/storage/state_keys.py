"""The keys of the state document (`plumbline.json`'s one `meta` record), each named once.

The application layer reads them through typed accessors (app/settings.py, app/reminders.py);
checks.py says what each may hold.
"""

SCHEMA = "schema"
CREATED = "created"  # the first day of use, YYYY-MM-DD: days before it are never "missed"
ARCHIVED = "archived"  # habit ids
ARCHIVED_ON = "archived_on"  # habit id -> the day it was archived, where known (the report says)
HABIT_STARTS = "habit_starts"  # habit id -> the first day of a habit added later, or imported
ROUTINE_STOPS = "routine_stops"  # "this hurts" stops
NOTICE_SEEN = "notice_seen"  # the app's first-start safety notice was dismissed
SHELL_NOTICE_SEEN = "shell_notice_seen"  # the CLI's one-time safety note was printed
THEME = "theme"  # the Textual theme chosen in the palette
REMINDER_SETTINGS = "reminder_settings"  # working hours, intervals, the day's start (as text)
REMINDER_STATE = "reminder_state"  # the break countdown: last break, last prompt, snooze, pause
REMINDERS_SENT = "reminders_sent"  # ids of reminders already sent, so two processes send once
HABIT_SNOOZES = "habit_snoozes"  # habit id -> until when its reminder is snoozed
DELIVERY_SAID = "delivery_problem_said"  # the last "no desktop notifications" said here
LOOP_LINKS = "loop_links"  # Loop habit key -> plumbline habit id, so a second import merges
HABIT_EDITS = "habit_edits"  # habit id -> field -> value: habits added or edited in the app
