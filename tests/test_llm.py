"""The LLM boundary against the fault server: the tool definition sent is instructor's own,
built once per response model (``llm.tool_model``), and the same on every request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import instructor
import pytest
from fault_server import FaultServer, meeting_respond, synthetic_article, tool_name

from summarizer.extract import ArticleFacts, Translations
from summarizer.llm import LLMClient, tool_model

MESSAGES = [
    {"role": "system", "content": "Extract."},
    {"role": "user", "content": "<article>\n" + synthetic_article(3) + "\n</article>"},
]


def fresh_tool(model: type[Any]) -> dict[str, Any]:
    """The tool definition instructor builds for ``model`` when handed the plain model."""
    schema = instructor.generate_openai_schema(instructor.response_schema(model))
    return {"type": "function", "function": dict(schema)}


@pytest.fixture
def recorded() -> Iterator[tuple[FaultServer, list[dict[str, Any]]]]:
    requests: list[dict[str, Any]] = []

    def respond(request: dict[str, Any]) -> dict[str, Any]:
        requests.append(request)
        if tool_name(request) == "Translations":
            return {"items": [{"english": "one"}]}
        return meeting_respond(request)

    with FaultServer(respond=respond) as server:
        yield server, requests


def client_for(server: FaultServer) -> LLMClient:
    return LLMClient(
        provider="openai-compatible",
        model="fault-model",
        base_url=server.url,
        api_key="test",
        timeout=5.0,
        transport_retries=0,
        validation_retries=1,
    )


def test_tool_model_is_built_once_per_response_model() -> None:
    wrapped = tool_model(ArticleFacts)
    assert tool_model(ArticleFacts) is wrapped
    assert issubclass(wrapped, ArticleFacts) and issubclass(wrapped, instructor.ResponseSchema)
    other = tool_model(Translations)
    assert other is not wrapped and issubclass(other, Translations)
    assert not issubclass(other, ArticleFacts)


def test_tool_definition_is_instructors_own_for_each_model() -> None:
    for model in (ArticleFacts, Translations):
        cached = instructor.generate_openai_schema(tool_model(model))
        assert cached == fresh_tool(model)["function"]
        assert cached["name"] == model.__name__


def test_every_request_sends_the_same_tool_as_a_fresh_wrap(
    recorded: tuple[FaultServer, list[dict[str, Any]]],
) -> None:
    server, requests = recorded
    client = client_for(server)
    try:
        first, _ = client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        translated, _ = client.extract(Translations, MESSAGES, max_tokens=100)
        again, _ = client.extract(ArticleFacts, MESSAGES, max_tokens=100)
    finally:
        client.close()
    assert [tool_name(r) for r in requests] == ["ArticleFacts", "Translations", "ArticleFacts"]
    assert requests[0]["tools"] == [fresh_tool(ArticleFacts)]
    assert requests[1]["tools"] == [fresh_tool(Translations)]
    assert requests[2] == requests[0]  # nothing in the cached tool was changed by the calls
    assert isinstance(first, ArticleFacts) and isinstance(again, ArticleFacts)
    assert first.meetings[0].round == 4 and again == first
    assert isinstance(translated, Translations) and translated.items[0].english == "one"
