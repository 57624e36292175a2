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


def test_markdown_links_and_emphasis_are_dropped_but_mapped() -> None:
    original = "The [brainchild](https://example.org/a) of **Sen. Warren** said."
    result = normalise(original)
    assert result.text == "The brainchild of Sen. Warren said."
    start = result.text.index("Warren")
    span = result.original_span(start, start + len("Warren"))
    assert original[span[0] : span[1]] == "Warren"
