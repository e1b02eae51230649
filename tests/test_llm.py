"""The LLM boundary against the fault server: the tool definition sent is instructor's own,
built once per response model (``llm.tool_model``), and the same on every request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import instructor
import openai
import pytest
from fault_server import (
    Faults,
    FaultServer,
    completion,
    meeting_respond,
    synthetic_article,
    tool_name,
)
from openai._utils._json import openapi_dumps
from openai.types.chat import ChatCompletion

from summarizer.errors import ExtractionError, ProviderError
from summarizer.extract import ArticleFacts, Translations
from summarizer.llm import (
    LLMClient,
    create_body,
    json_body,
    parse_completion,
    tool_model,
    tool_request,
)

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


def client_for(
    server: FaultServer, *, validation_retries: int = 1, transport_retries: int = 0
) -> LLMClient:
    return LLMClient(
        provider="openai-compatible",
        model="fault-model",
        base_url=server.url,
        api_key="test",
        timeout=5.0,
        transport_retries=transport_retries,
        validation_retries=validation_retries,
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


# ---- the extraction loop: instructor's TOOLS-mode handlers, request bytes, re-asks -----------


def instructor_bodies(faults: Faults, model: type[Any], reasks: int) -> list[bytes]:
    """The bodies instructor's own patched ``create`` sends for MESSAGES (its reference)."""
    with FaultServer(respond=meeting_respond, faults=faults, keep_bodies=True) as server:
        raw = openai.OpenAI(base_url=server.url, api_key="test", max_retries=0)
        client = instructor.from_openai(raw, mode=instructor.Mode.TOOLS)
        try:
            client.chat.completions.create_with_completion(
                response_model=model,
                messages=[dict(m) for m in MESSAGES],
                max_retries=reasks,
                model="fault-model",
                max_tokens=100,
                temperature=0.0,
                seed=0,
            )
        except instructor.core.exceptions.InstructorRetryException:
            pass
        finally:
            raw.close()
        return list(server.bodies)


def our_bodies(faults: Faults, model: type[Any], reasks: int) -> list[bytes]:
    with FaultServer(respond=meeting_respond, faults=faults, keep_bodies=True) as server:
        client = client_for(server, validation_retries=reasks)
        try:
            client.extract(model, MESSAGES, max_tokens=100)
        except ExtractionError:
            pass
        finally:
            client.close()
        return list(server.bodies)


@pytest.mark.parametrize(
    ("script", "reasks"),
    [((), 1), (("invalid",), 1), (("invalid", "invalid"), 1), (("invalid",) * 3, 2)],
)
def test_request_bytes_are_those_instructors_create_sends(
    script: tuple[str, ...], reasks: int
) -> None:
    faults = Faults(script=script)
    ours = our_bodies(faults, ArticleFacts, reasks)
    assert len(ours) == min(len(script), reasks) + 1
    assert ours == instructor_bodies(faults, ArticleFacts, reasks)
    if script:  # a re-ask carries instructor's validation message for the tool call
        reask = json.loads(ours[1])["messages"]
        assert reask[:2] == json.loads(ours[0])["messages"]
        assert reask[-1]["role"] == "tool" and "Validation Error found" in reask[-1]["content"]


def test_request_headers_are_those_instructors_create_sends() -> None:
    sent: list[dict[str, str]] = []

    def hook(request: Any) -> None:
        sent.append(dict(request.headers.items()))

    with FaultServer(respond=meeting_respond) as server:
        client = client_for(server)
        client._openai._client.event_hooks["request"].append(hook)
        client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
        http = openai.DefaultHttpxClient(event_hooks={"request": [hook]}, trust_env=False)
        raw = openai.OpenAI(
            base_url=server.url, api_key="test", max_retries=0, timeout=5.0, http_client=http
        )
        instructor.from_openai(raw, mode=instructor.Mode.TOOLS).chat.completions.create(
            response_model=ArticleFacts,
            messages=[dict(m) for m in MESSAGES],  # type: ignore[misc]
            model="fault-model",
            max_tokens=100,
            temperature=0.0,
            seed=0,
        )
        raw.close()
    ours, reference = sent
    assert ours == reference


def test_json_body_is_openais_encoding_reusing_only_the_very_objects_encoded() -> None:
    tool = tool_request(ArticleFacts)
    body = {"messages": [{"role": "user", "content": '«Ünïcode» \u2028 "q"'}], "model": "m"}
    body |= {"max_tokens": 5, "temperature": 0.0, **tool.fields}
    assert json_body(body, tool.encoded) == openapi_dumps(body)
    assert json_body(body, {}) == openapi_dumps(body)
    between = {"tools": body["tools"], "model": "m", "tool_choice": body["tool_choice"]}
    assert json_body(between, tool.encoded) == openapi_dumps(between)
    tools = tool.fields["tools"]
    stale = {"tools": (json.loads(json.dumps(tools)), b'"tools":[]')}  # an equal copy: unused
    assert json_body({"model": "m", "tools": tools}, stale) == openapi_dumps(
        {"model": "m", "tools": tools}
    )


def test_translation_request_bytes_are_those_instructors_create_sends() -> None:
    assert our_bodies(Faults(), Translations, 1) == instructor_bodies(Faults(), Translations, 1)


def test_tool_request_is_built_once_with_instructors_tool() -> None:
    built = tool_request(ArticleFacts)
    assert tool_request(ArticleFacts) is built
    assert built.model is tool_model(ArticleFacts)
    assert built.fields == {
        "tools": [fresh_tool(ArticleFacts)],
        "tool_choice": {"type": "function", "function": {"name": "ArticleFacts"}},
    }


def test_create_body_keeps_creates_field_order_and_refuses_other_fields() -> None:
    kwargs = {"tools": [], "temperature": 0.0, "messages": [], "tool_choice": {}, "model": "m"}
    body = create_body(kwargs)
    assert body is not None and list(body) == [
        "messages",
        "model",
        "temperature",
        "tool_choice",
        "tools",
    ]
    assert create_body({**kwargs, "top_p": 0.5}) is None


def test_reasks_stop_at_validation_retries_and_count_every_request() -> None:
    with FaultServer(respond=meeting_respond, faults=Faults(rate_invalid=1.0)) as server:
        client = client_for(server, validation_retries=2)
        with pytest.raises(ExtractionError) as caught:
            client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    error = caught.value
    assert server.requests == 3 and error.attempts == 3
    assert "output still invalid after 3 attempts" in error.message
    assert error.last_output is not None and json.loads(error.last_output) == {
        "meetings": {"invalid": True}
    }
    assert error.tokens_in > 0 and error.tokens_out > 0


def test_no_reask_with_zero_validation_retries() -> None:
    with FaultServer(respond=meeting_respond, faults=Faults(script=("invalid",))) as server:
        client = client_for(server, validation_retries=0)
        with pytest.raises(ExtractionError):
            client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    assert server.requests == 1


def test_a_reask_then_valid_output_sums_the_usage_of_both_answers() -> None:
    faults = Faults(script=("invalid",))
    with FaultServer(respond=meeting_respond, faults=faults, keep_bodies=True) as server:
        client = client_for(server, validation_retries=1)
        value, usage = client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    assert isinstance(value, ArticleFacts) and value.meetings[0].round == 4
    assert usage.calls == 2 == server.requests
    # the fault server counts a quarter token per character of the request's messages
    prompts = [max(1, len(json.dumps(json.loads(b)["messages"])) // 4) for b in server.bodies]
    assert usage.tokens_in == sum(prompts) and prompts[1] > prompts[0]


def test_transport_failure_on_a_reask_is_reported_as_invalid_output() -> None:
    faults = Faults(script=("invalid", "500", "500"))
    with FaultServer(respond=meeting_respond, faults=faults) as server:
        client = client_for(server, validation_retries=1, transport_retries=1)
        with pytest.raises(ProviderError) as caught:
            client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    assert isinstance(caught.value, ExtractionError)  # as instructor reported it
    assert server.requests == 3 and caught.value.attempts == 3


def test_transport_failure_on_the_first_request_is_a_provider_error() -> None:
    with FaultServer(respond=meeting_respond, faults=Faults(script=("500", "500"))) as server:
        client = client_for(server, validation_retries=1, transport_retries=1)
        with pytest.raises(ProviderError) as caught:
            client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    assert not isinstance(caught.value, ExtractionError)
    assert server.requests == 2 and caught.value.attempts == 2


def test_plain_completion_bytes_are_those_chat_completions_create_sends() -> None:
    with FaultServer(keep_bodies=True) as server:
        client = client_for(server)
        text, usage = client.complete(MESSAGES, max_tokens=50)
        client.close()
        raw = openai.OpenAI(base_url=server.url, api_key="test", max_retries=0)
        raw.chat.completions.create(
            messages=[dict(m) for m in MESSAGES],  # type: ignore[misc]
            model="fault-model",
            max_tokens=50,
            temperature=0.0,
            seed=0,
        )
        raw.close()
    ours, reference = server.bodies
    assert ours == reference and usage.calls == 1 and text == "{}"


def test_parse_completion_validates_and_falls_back_to_openais_lenient_build() -> None:
    request = {"tools": [fresh_tool(ArticleFacts)], "messages": MESSAGES}
    answer = completion(request, json.dumps(meeting_respond(request)), 7)
    parsed = parse_completion(json.dumps(answer).encode())
    assert parsed.model_dump() == ChatCompletion.construct(**answer).model_dump()
    assert parsed.choices[0].message.tool_calls is not None
    del answer["created"]  # a server that bends the schema: built leniently, as openai does
    lenient = parse_completion(json.dumps(answer).encode())
    tool_calls = lenient.choices[0].message.tool_calls
    assert tool_calls is not None and tool_calls[0].function.name == "ArticleFacts"
    with pytest.raises(ValueError):
        parse_completion(b"[1, 2]")
    with pytest.raises(ValueError):
        parse_completion(b"<html>busy</html>")


def looping_respond(request: dict[str, Any]) -> dict[str, Any]:
    """A meeting whose topics loop, as a small model's do before its budget cuts them."""
    answer = meeting_respond(request)
    answer["meetings"][0]["topics"] = ["trade", "energy security", "terrorism"] * 30
    return answer


def test_an_answer_cut_by_its_token_budget_is_read_as_far_as_it_goes() -> None:
    faults = Faults(script=("budget",), budget_share=0.5)
    with FaultServer(respond=looping_respond, faults=faults) as server:
        client = client_for(server, validation_retries=2)
        value, usage = client.extract(ArticleFacts, MESSAGES, max_tokens=100)
        client.close()
    assert server.requests == 1  # not re-asked: the same budget would cut it again
    meeting = value.meetings[0]
    assert meeting.round == 4 and meeting.parties == ["Kenya", "Canada"]
    # distinct topics only (the loop), and the fields the cut left out are empty
    assert meeting.topics == ["trade", "energy security", "terrorism"]
    assert meeting.outcomes == [] and meeting.next_meeting is None
    assert usage.tokens_out == 100 and usage.calls == 1
    assert "ArticleFacts.meetings.outcomes: cut before it was written" in usage.lost


def test_an_invalid_answer_not_cut_by_its_budget_is_still_reasked() -> None:
    faults = Faults(script=("invalid",))
    with FaultServer(respond=meeting_respond, faults=faults) as server:
        client = client_for(server, validation_retries=1)
        _value, usage = client.extract(ArticleFacts, MESSAGES, max_tokens=100_000)
        client.close()
    assert server.requests == 2 and usage.lost == []
