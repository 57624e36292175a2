"""Main text and metadata of an HTML page, via trafilatura."""

from __future__ import annotations

from typing import Any

from watchfloor.errors import Code, InputError

MIN_WORDS = 8  # fewer words than a one-line news brief is a menu or a stub, not an article


def extract_html(content: str, origin: str) -> dict[str, Any]:
    """Return {'text', 'title', 'author', 'published', 'url'} of the page's article.

    Raises InputError when the page holds no article text (a menu-only or empty page).
    """
    import trafilatura  # imported lazily: it costs ~0.5 s at start-up

    extracted = trafilatura.bare_extraction(
        content, with_metadata=True, include_comments=False, favor_precision=True, deduplicate=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or len(text.split()) < MIN_WORDS:
        raise InputError(Code.NO_ARTICLE_TEXT, origin)
    return {
        "text": text,
        "title": getattr(extracted, "title", None),
        "author": getattr(extracted, "author", None),
        "published": getattr(extracted, "date", None),
        "url": getattr(extracted, "url", None),
    }
