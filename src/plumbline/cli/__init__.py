"""The command line: argument parsing and plain-text/JSON output. Never imports Textual."""
