"""plumbline: a terminal habit tracker for people living with SI joint pain."""

__version__ = "0.1.0"
