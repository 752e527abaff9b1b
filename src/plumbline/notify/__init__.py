"""Reminders that reach the desktop: the APScheduler wiring, the clock watcher and the notifier.

Beside the UI: it may use storage and domain, never the UI; the CLI hands it to the app.
"""
