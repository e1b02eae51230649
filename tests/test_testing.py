"""The FakeClient shipped for users' own tests."""

from __future__ import annotations

import pytest

from summarizer.errors import ExtractionError, ProviderError
from summarizer.extract import Translations
from summarizer.testing import FakeClient


def test_answers_in_order_and_records_requests() -> None:
    client = FakeClient([{"items": [{"english": "one"}]}, "[1] plain text"])
    result, usage = client.extract(
        Translations, [{"role": "user", "content": "x" * 40}], max_tokens=10
    )
    assert result.items[0].english == "one" and usage.calls == 1 and usage.tokens_in == 10
    text, _ = client.complete([{"role": "user", "content": "y"}], max_tokens=10)
    assert text == "[1] plain text"
    assert [r[0] for r in client.requests] == [Translations, str] and client.pending == 0


def test_empty_queue_and_wrong_kind_raise_provider_errors() -> None:
    client = FakeClient()
    with pytest.raises(ProviderError, match="no response queued"):
        client.extract(Translations, [], max_tokens=10)
    client.enqueue("text where a model was expected")
    with pytest.raises(ProviderError, match="str was queued"):
        client.extract(Translations, [], max_tokens=10)


def test_invalid_canned_answer_raises_extraction_error_and_exceptions_pass_through() -> None:
    client = FakeClient([{"items": "not a list"}, TimeoutError("boom")])
    with pytest.raises(ExtractionError):
        client.extract(Translations, [], max_tokens=10)
    with pytest.raises(TimeoutError):
        client.extract(Translations, [], max_tokens=10)
