"""wetdiff: version statute articles and the proposals that amend them.

The package is layered so that data flows one way: ``store`` (files and git) feeds
``model`` (artikel, lid, onderdeel), which ``diff`` aligns and compares, ``notes``
explains, and the views (``tui``, ``memo``, ``cli``) show. Only the views import
Textual or Rich.
"""

__version__ = "0.1.0"
