"""The terminal UI (Textual): review a proposal side by side, with its reasons, and draft.

Build the app with :func:`wetdiff.tui.app.make_app`.
"""
