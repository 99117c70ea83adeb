"""Wijzigingsopdrachten: generate them from two versions, read them, apply them.

* :func:`generate` (old, new[, change set]) → :class:`Wijzigingsopdrachten`, with
  ``.text`` in Dutch drafting style (Aanwijzingen voor de regelgeving, ch. 6);
* :func:`parse_text` reads instruction text, as generated or as people wrote it;
* :func:`apply_opdrachten` executes them on a :class:`~wetdiff.model.version.Version`.

The proof of a generated set is executing it: ``apply(generate(A, B), A) == B``
(docs/instructions.md).
"""

from wetdiff.instructions.apply import Applied, apply_opdrachten, same_text
from wetdiff.instructions.generate import Limits, generate, generate_many
from wetdiff.instructions.model import Failure, Wijzigingsopdrachten
from wetdiff.instructions.parse import Parsed, nested, parse_text

__all__ = [
    "Applied",
    "Failure",
    "Limits",
    "Parsed",
    "Wijzigingsopdrachten",
    "apply_opdrachten",
    "generate",
    "generate_many",
    "nested",
    "parse_text",
    "same_text",
]
