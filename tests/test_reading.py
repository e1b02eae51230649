"""Reading article bytes: the readable-text threshold (counting stops once it is reached)."""

from __future__ import annotations

import pytest

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
