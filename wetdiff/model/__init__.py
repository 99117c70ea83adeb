"""The statute model: artikel, lid, onderdeel; their canonical text form; versions.

No Textual, no Rich, no git here: this is the vocabulary every other part speaks."""

from wetdiff.model.artikel import Alinea, Artikel, Lid, Locatie, Onderdeel, Provision
from wetdiff.model.version import Version

__all__ = ["Alinea", "Artikel", "Lid", "Locatie", "Onderdeel", "Provision", "Version"]
