"""The meaning of habits, entries, streaks and strength: plain Python, no I/O, no clock.

Everything time-related takes `today` as an argument so callers (and tests) decide what day it is.
"""
