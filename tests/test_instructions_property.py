"""The proof, as a property: apply(generate(A, B), A) == B for generated edits.

Articles are drawn with leden, aanhef and onderdelen from a small vocabulary that makes
quoting hard on purpose ("acht" inside "achttien", words that repeat); B is A after a few
edits a drafter makes: words replaced, inserted or deleted, leden and onderdelen inserted
or deleted with renumbering, whole articles added or repealed.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wetdiff.instructions import apply_opdrachten, generate, parse_text, same_text
from wetdiff.model.artikel import Alinea, Artikel, Block, Lid, Onderdeel
from wetdiff.model.version import Version

WORDS = [
    "acht",
    "achttien",
    "jaren",
    "de",
    "een",
    "ander",
    "gestraft",
    "twaalf",
    "persoon",
    "lid",
    "artikel",
    "251",
    "of",
    "en",
    "van",
    "ten",
    "hoogste",
    "achtste",
    "dertig",
]


@st.composite
def sentences(draw: st.DrawFn, end: str = ".") -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    commas = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    text = " ".join(
        w + ("," if c and i < len(words) - 1 else "")
        for i, (w, c) in enumerate(zip(words, commas, strict=True))
    )
    return text[0].upper() + text[1:] + end


@st.composite
def onderdelen(draw: st.DrawFn) -> tuple[Onderdeel, ...]:
    count = draw(st.integers(2, 4))
    items = []
    for i in range(1, count + 1):
        text = draw(sentences(end="." if i == count else ";"))
        items.append(Onderdeel(f"{i}°.", (Alinea(text[0].lower() + text[1:]),)))
    return tuple(items)


@st.composite
def element_body(draw: st.DrawFn) -> tuple:
    if draw(st.booleans()):
        return (Alinea(draw(sentences(end=":"))), *draw(onderdelen()))
    return (Alinea(draw(sentences())),)


@st.composite
def artikelen(draw: st.DrawFn, number: str = "9") -> Artikel:
    leden = draw(st.integers(0, 5))
    if leden == 0:
        return Artikel(number, draw(element_body()))
    return Artikel(number, tuple(Lid(f"{i}.", draw(element_body())) for i in range(1, leden + 1)))


def _renumber(blocks: list[Block], kind: type[Lid] | type[Onderdeel]) -> list[Block]:
    out, n = [], 0
    for block in blocks:
        if isinstance(block, kind):
            n += 1
            number = f"{n}." if kind is Lid else f"{n}°."
            block = kind(number, block.body)
        out.append(block)
    return out


def _fix_list_punctuation(body: list) -> list:
    items = [i for i, b in enumerate(body) if isinstance(b, Onderdeel)]
    for position, index in enumerate(items):
        item = body[index]
        text = item.body[0].text.rstrip(".;") + ("." if position == len(items) - 1 else ";")
        body[index] = Onderdeel(item.number, (Alinea(text), *item.body[1:]))
    return body


@st.composite
def edited(draw: st.DrawFn, artikel: Artikel) -> Artikel:
    body = list(artikel.body)
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(
            st.sampled_from(
                ["word", "word", "insert_word", "delete_word", "lid+", "lid-", "item+", "item-"]
            )
        )
        leden = [i for i, b in enumerate(body) if isinstance(b, Lid)]
        if choice in ("word", "insert_word", "delete_word"):
            paths = _alinea_paths(body)
            path = draw(st.sampled_from(paths))
            text = _get(body, path)
            words = text.split(" ")
            at = draw(st.integers(0, len(words) - 1))
            if choice == "word":
                words[at] = (
                    draw(st.sampled_from(WORDS)) + words[at][len(words[at].rstrip(".,;:")) :]
                )
            elif choice == "insert_word":
                words.insert(at, draw(st.sampled_from(WORDS)))
            elif len(words) > 2 and at < len(words) - 1:
                del words[at]
            new_text = " ".join(words)
            new_text = new_text[0].upper() + new_text[1:] if path[-1] == "top" else new_text
            body = _set(body, path, new_text)
        elif choice == "lid+" and leden:
            at = draw(st.integers(0, len(leden)))
            body.insert(
                leden[at] if at < len(leden) else len(body), Lid("0.", (Alinea(draw(sentences())),))
            )
            body = _renumber(body, Lid)
        elif choice == "lid-" and len(leden) > 1:
            del body[draw(st.sampled_from(leden))]
            body = _renumber(body, Lid)
        elif choice in ("item+", "item-"):
            holders = [
                i
                for i, b in enumerate(body)
                if isinstance(b, Lid) and any(isinstance(x, Onderdeel) for x in b.body)
            ]
            if not holders:
                continue
            index = draw(st.sampled_from(holders))
            lid = body[index]
            assert isinstance(lid, Lid)
            inner = list(lid.body)
            items = [i for i, b in enumerate(inner) if isinstance(b, Onderdeel)]
            if choice == "item+":
                text = draw(sentences())
                at = draw(st.sampled_from([*items, items[-1] + 1]))
                inner.insert(at, Onderdeel("0°.", (Alinea(text[0].lower() + text[1:]),)))
            elif len(items) > 2:
                del inner[draw(st.sampled_from(items))]
            inner = _fix_list_punctuation(_renumber(inner, Onderdeel))
            body[index] = Lid(lid.number, tuple(inner))
    return Artikel(artikel.number, tuple(body))


def _alinea_paths(body: list) -> list[tuple]:
    paths: list[tuple] = []
    for i, block in enumerate(body):
        if isinstance(block, Alinea):
            paths.append((i, "top"))
        else:
            for j, inner in enumerate(block.body):
                if isinstance(inner, Alinea):
                    paths.append((i, j, "top"))
                else:
                    paths.append((i, j, 0, "item"))
    return paths


def _get(body: list, path: tuple) -> str:
    block = body[path[0]]
    if path[-1] == "top" and len(path) == 2:
        return block.text
    inner = block.body[path[1]]
    return inner.text if path[-1] == "top" else inner.body[0].text


def _set(body: list, path: tuple, text: str) -> list:
    body = list(body)
    block = body[path[0]]
    if len(path) == 2:
        body[path[0]] = Alinea(text)
        return body
    inner = list(block.body)
    if path[-1] == "top":
        inner[path[1]] = Alinea(text)
    else:
        item = inner[path[1]]
        inner[path[1]] = Onderdeel(item.number, (Alinea(text), *item.body[1:]))
    body[path[0]] = type(block)(block.number, tuple(inner))
    return body


def roundtrips(old: Version, new: Version) -> bool:
    text = generate(old, new).text
    gelezen = parse_text(text)
    assert gelezen.problems == (), text
    result = apply_opdrachten(gelezen.opdrachten, old)
    assert result.failures == (), (text, result.failures)
    numbers = {a.number for a in new.artikelen} | {a.number for a in result.version.artikelen}
    for number in numbers:
        assert same_text(result.version.artikel(number), new.artikel(number)), text
    return True


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_instructions_reproduce_the_new_text(data: st.DataObject) -> None:
    old = data.draw(artikelen())
    new = data.draw(edited(old))
    assert roundtrips(Version("a", "a", (old,)), Version("b", "b", (new,)))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_articles_inserted_and_repealed(data: st.DataObject) -> None:
    first, second = data.draw(artikelen("5")), data.draw(artikelen("6"))
    added = data.draw(artikelen("5a"))
    old = Version("a", "a", (first, second))
    new = Version("b", "b", (data.draw(edited(first)), added))
    assert roundtrips(old, new)


FRAGMENTS = [
    "In",
    "artikel",
    "9,",
    "eerste",
    "lid,",
    "wordt",
    "«acht»",
    '"twaalf"',
    "vervangen",
    "door",
    "door:",
    "vervalt",
    "Het",
    "tweede",
    "lid",
    "onderdeel",
    "1°,",
    "na",
    "voor",
    "ingevoegd",
    "toegevoegd,",
    "luidende:",
    "komt",
    "te",
    "luiden:",
    "onder",
    "vernummering",
    "van",
    "tot",
    "en",
    "met",
    "derde",
    "A",
    "\n",
    "1.",
    "a.",
    "ARTIKEL",
    "I",
    "Artikel",
    "9",
    "aanhef,",
    "telkens",
    "Tevens",
    "punt",
    "aan",
    "slot",
    "(nieuw)",
    "«",
    "»",
    ".",
    ",",
    ":",
    "aanduiding",
    "«1.»",
    "leden",
    "    ",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40))
def test_any_jumble_of_instruction_words_is_read_or_reported_never_a_crash(
    words: list[str],
) -> None:
    """Whatever a person pastes, the reader and applier answer with instructions or with
    problems in the instruction's own words: no traceback."""
    from wetdiff.model.text_format import parse

    base = Version(
        "t",
        "t",
        (
            parse(
                "Artikel 9\n\n1. Ten hoogste acht jaren:\n    1°. een;\n"
                "    2°. twee.\n\n2. Tweede lid.\n"
            ),
        ),
    )
    gelezen = parse_text(" ".join(words))
    result = apply_opdrachten(gelezen.opdrachten, base)
    for failure in (*gelezen.problems, *result.failures):
        assert failure.reason
