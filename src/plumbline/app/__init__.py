"""The application layer: what a user can do (check, break, import, report), over the store.

The CLI, the app and the notifier reach the data only through here (docs/architecture.md).
"""
