"""The report for a physical therapist as one self-contained HTML file (issue 15)."""
