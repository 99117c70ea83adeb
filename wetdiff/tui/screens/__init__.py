"""The screens of the terminal UI: each ``name.py`` sits beside its ``name.tcss``."""
