from hypothesis import given
from hypothesis import strategies as st

from watchfloor.text import normalise


def test_normalise_straightens_quotes_and_keeps_offsets() -> None:
    original = "China\u2018s  \u201cgray zone\u201d\u00a0tactics"
    result = normalise(original)
    assert result.text == 'China\'s "gray zone" tactics'
    start = result.text.index("gray")
    span = result.original_span(start, start + len("gray zone"))
    assert original[span[0] : span[1]] == "gray zone"


def test_normalise_composes_to_nfc() -> None:
    original = "Tu\u0308rkiye said"
    result = normalise(original)
    assert result.text == "T\u00fcrkiye said"
    span = result.original_span(result.text.index("said"), len(result.text))
    assert original[span[0] : span[1]] == "said"


def test_normalise_folds_spaces_around_newlines() -> None:
    assert normalise("a  \t b \n\n c").text == "a b\n\nc"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_every_normalised_character_maps_into_the_original(original: str) -> None:
    result = normalise(original)
    assert len(result.offsets) == len(result.text)
    assert all(0 <= offset < len(original) for offset in result.offsets)
    assert list(result.offsets) == sorted(result.offsets)


def test_hard_wrapped_lines_run_on_and_keep_their_offsets() -> None:
    original = (
        "Readout\n\n"
        "The President met with the Secretary General of the United Nations and\n"
        "the Prime Minister of the Republic of Korea today to discuss the United\n"
        "States of America and its partners, including the security situation on\n"
        "the Korean Peninsula and the economy of the wider region of East Asia.\n"
        "Short line\n"
        "The leaders agreed to meet again soon in Seoul to continue their talks.\n"
    )
    result = normalise(original)
    assert "the United States of America" in result.text  # one name again
    assert "Readout\n\n" in result.text and "East Asia.\nShort line\nThe leaders" in result.text
    start = result.text.index("States of America")
    span = result.original_span(start, start + len("States of America"))
    assert original[span[0] : span[1]] == "States of America"


def test_markdown_links_and_emphasis_are_dropped_but_mapped() -> None:
    original = "The [brainchild](https://example.org/a) of **Sen. Warren** said."
    result = normalise(original)
    assert result.text == "The brainchild of Sen. Warren said."
    start = result.text.index("Warren")
    span = result.original_span(start, start + len("Warren"))
    assert original[span[0] : span[1]] == "Warren"


def _reference_normalise(original: str) -> tuple[str, list[int]]:
    """The definition, one character cluster at a time (the run-by-run code must agree with it)."""
    import unicodedata

    from watchfloor.text import _CLUSTER, _QUOTES, _SPACES, _markup_to_drop, unwrap_lines

    chars: list[str] = []
    offsets: list[int] = []
    drop = {offset for start, end in _markup_to_drop(original) for offset in range(start, end)}
    for match in _CLUSTER.finditer(original):
        if match.start() in drop:
            continue
        for char in unicodedata.normalize("NFC", match.group().translate(_QUOTES)):
            if char in "\u200b\u200c\u200d\ufeff":
                continue
            if char in _SPACES:
                if chars and chars[-1] in " \n":
                    continue
                char = " "
            elif char == "\n" and chars and chars[-1] == " ":
                chars.pop()
                offsets.pop()
            chars.append(char)
            offsets.append(match.start())
    return unwrap_lines("".join(chars)), offsets


_TRICKY = st.sampled_from(
    [
        *"a Z e\u0301 u\u0308 \u00e9 \u212b 1 \u2019 \u201c \u2014 ** __ [x](http://e.org) <b> </b> https://x.y/z".split(),
        *[" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u200b", "\ufeff"],
    ]
)


@given(st.lists(_TRICKY, max_size=40).map("".join))
def test_normalise_agrees_with_the_character_by_character_definition(original: str) -> None:
    result = normalise(original)
    assert (result.text, list(result.offsets)) == _reference_normalise(original)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normalise_gives_the_defined_text_for_any_input(original: str) -> None:
    assert normalise(original).text == _reference_normalise(original)[0]
