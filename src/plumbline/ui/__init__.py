"""The Textual app. Only `plumbline` without a subcommand (or `routine NAME`) imports this."""
