import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from watchfloor.records import Document, Rejection
from watchfloor.sources import read_inputs

ARTICLE = "TOKYO, March 30 - U.S. Defense Secretary Pete Hegseth met Japanese Defense Minister Gen Nakatani in Tokyo."
HTML = """<!doctype html><html><head><title>Hegseth in Tokyo</title>
<meta property="article:published_time" content="2025-03-30T09:00:00Z"><meta name="author" content="A. Writer"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article><h1>Hegseth meets Nakatani</h1><p>{article}</p><p>The two ministers agreed to deepen cooperation between
their forces and to upgrade U.S. Forces Japan to a joint force headquarters, officials said.</p></article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def _read(*paths: Path | str, published: date | None = None) -> list[Document | Rejection]:
    return list(read_inputs([str(path) for path in paths], published))


def test_plain_text_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(f"---\ntitle: Hegseth in Tokyo\npublished: 2025-03-30\nsource: test\n---\n{ARTICLE}\n")
    (document,) = _read(path)
    assert isinstance(document, Document)
    assert (document.title, document.published, document.source) == ("Hegseth in Tokyo", date(2025, 3, 30), "test")
    assert document.text.startswith("TOKYO")


def test_html_keeps_the_article_and_drops_the_menu(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML.format(article=ARTICLE))
    (document,) = _read(path)
    assert isinstance(document, Document)
    assert "Hegseth met Japanese Defense Minister" in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert document.published == date(2025, 3, 30)
    assert document.author == "A Writer"  # trafilatura normalises author names


def test_jsonl_and_gzip_and_json_array(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": ARTICLE, "published": "2025-03-30", "title": "A"},
        {
            "id": "b",
            "html": "<html><body><article><p>" + ARTICLE + " " * 3 + ARTICLE + "</p></article></body></html>",
            "published": "2025-03-31",
        },
    ]
    lines = "\n".join(json.dumps(record) for record in records)
    (tmp_path / "docs.jsonl").write_text(lines)
    (tmp_path / "docs.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "docs.json").write_text(json.dumps(records))
    for name in ("docs.jsonl", "docs.jsonl.gz", "docs.json"):
        documents = _read(tmp_path / name)
        assert [d.id for d in documents if isinstance(d, Document)] == ["a", "b"], name


def test_directory_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE + " Again.")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG\x00\x00")
    documents = _read(tmp_path)
    assert [d.id for d in documents if isinstance(d, Document)] == ["b", "a"]


def test_command_line_date_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (document,) = _read(path, published=date(2025, 4, 1))
    assert isinstance(document, Document) and document.published == date(2025, 4, 1)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "the input is empty"),
        ("blank.txt", b"  \n\n ", "the input is empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin1.txt", "Caf\u00e9 in Tokyo".encode("latin-1"), "not valid UTF-8"),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        ("dated.md", b"---\npublished: sometime soon\n---\nThe ministers met.", "cannot parse the date"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("front.md", b"---\ntitle: [unclosed\n---\nText here.", "front matter"),
    ],
)
def test_bad_inputs_give_one_clear_line(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (rejection,) = _read(path)
    assert isinstance(rejection, Rejection)
    assert expected in rejection.message
    assert str(path) in str(rejection) and "\n" not in str(rejection)


def test_missing_path_is_rejected() -> None:
    (rejection,) = _read("/no/such/file.txt")
    assert isinstance(rejection, Rejection) and rejection.message == "no such file or directory"


def test_bad_jsonl_lines_are_rejected_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": ARTICLE}),
                "{not json",
                json.dumps({"id": "no-text"}),
                json.dumps([1, 2]),
                json.dumps({"id": "bad-date", "text": ARTICLE, "published": "31/31/2025"}),
                json.dumps({"id": "ok2", "text": ARTICLE + "!"}),
            ]
        )
    )
    items = _read(path)
    assert [d.id for d in items if isinstance(d, Document)] == ["ok1", "ok2"]
    messages = [str(item) for item in items if isinstance(item, Rejection)]
    assert len(messages) == 4
    assert "line 2: not valid JSON" in messages[0]
    assert "line 3: needs a non-empty 'text' or 'html' field" in messages[1]
    assert "line 4: expected a JSON object" in messages[2]
    assert "cannot parse the date '31/31/2025'" in messages[3]
