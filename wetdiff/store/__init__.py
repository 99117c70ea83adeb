"""Versions in git: the workspace, its dated history, versions, log, blame and drafting.

The only package of wetdiff that imports GitPython (in :mod:`wetdiff.store.gitrepo`).
"""
