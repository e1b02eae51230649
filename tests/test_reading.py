"""Reading article bytes: the readable-text threshold (counting stops once it is reached)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import reading
from summarizer.errors import InputError
from summarizer.reading import decode_bytes, read_article


def test_text_below_the_letter_threshold_is_refused_with_its_exact_count() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(("abc 123 " * 6 + "d").encode(), label="short.txt")
    assert caught.value.reason == "no_text"
    assert "(19 letters)" in caught.value.message


def test_text_at_or_above_the_threshold_is_read() -> None:
    at = "a" * 20
    assert decode_bytes(at.encode(), label="at.txt") == at
    long = "Ministers met in Brussels. " * 400
    assert read_article(text=long).text == long


def test_letters_of_any_script_count() -> None:
    arabic = "اجتمع وفدا باكستان والاتحاد الأوروبي"
    assert decode_bytes(arabic.encode(), label="ar.txt") == arabic
    with pytest.raises(InputError, match=r"\(4 letters\)"):
        decode_bytes("٢٠٢٥ – 12.03 – مرحب".encode(), label="digits.txt")


def test_a_file_is_read_whole_and_bad_paths_are_refused_with_their_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Ministers of Chile and Egypt met in Santiago — a résumé.\n" * 2000  # > one read
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    article = read_article(tmp_path / "a.txt")
    assert article.text == text and article.path == str(tmp_path / "a.txt")
    reasons = {}
    for name in ("nowhere.txt", "a.txt/inside.txt", "."):
        with pytest.raises(InputError) as caught:
            read_article(tmp_path / name)
        reasons[name] = caught.value.reason
    assert reasons == {"nowhere.txt": "missing", "a.txt/inside.txt": "missing", ".": "folder"}
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    with pytest.raises(InputError) as caught:
        read_article(tmp_path / "a.txt")
    assert caught.value.reason == "too_large"
    assert f"{len(text.encode())} bytes is too large" in caught.value.message
