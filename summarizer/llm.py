"""The LLM boundary: the only module that imports openai and instructor.

Every provider (OpenAI, any OpenAI-compatible server, the embedded local model) is reached
through the OpenAI protocol, so one code path serves all of them and vcrpy cassettes can
record all of them.

Retry owners (never stacked unseen):
- the openai client: transport errors, 429 (honouring Retry-After) and 5xx, up to
  ``settings.transport_retries`` times, each request bounded by ``settings.timeout``;
- ``LLMClient.extract``: re-asks after a validation error only, up to
  ``settings.validation_retries``, each re-ask written by instructor's TOOLS-mode re-ask handler;
  an answer cut at its token budget is not re-asked (the same budget cuts it again) but read
  as far as it goes (``salvage``), what it lost listed in ``Usage.lost``;
- batch (tenacity): whole-item retries, see batch.py.

A structured extraction runs on instructor's public TOOLS-mode handlers for OpenAI
(``instructor.v2.mode_registry``), the same ones instructor's patched ``create`` runs: the
request handler builds the tool definition (once per response model, ``tool_request``), the
response parser validates each answer, the re-ask handler appends the validation error for the
next attempt. Every request goes out through the openai client's ``post`` (its retries,
timeout, Retry-After and auth) with the body's fields in the order ``chat.completions.create``
writes them, so the bytes are those instructor's ``create`` sends (tests compare them, re-asks
included). What this leaves out, per call (CPU against the fault server, one thread): the
set-up instructor's ``create`` redoes every time (the response model re-prepared and walked
for async validators seven times, the tool definition rebuilt), ~3 ms; openai's walk of the
typed parameters in ``create`` (an identity copy of these plain dicts), ~2 ms; its
field-by-field build of the response (``parse_completion`` validates it in one pass), ~0.1 ms.
An extraction went from ~6.5 ms to ~1 ms of CPU. The body is handed to ``post`` as the
bytes openai's own encoder writes for it, with the tool definition (the same object on every
request) encoded once per response model (``json_body``: ~0.1 ms a request).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, ResponseParsingError
from instructor.v2 import ModeHandlers, mode_registry
from openai._utils._json import openapi_dumps
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from .config import Settings
from .errors import ConfigError, ExtractionError, ProviderError
from .salvage import salvage

T = TypeVar("T", bound=BaseModel)

#: The article a validator checks against, set around one extraction call. Article text is
#: never given to instructor as a template context (that would render it as Jinja).
ARTICLE_TEXT: ContextVar[str | None] = ContextVar("ARTICLE_TEXT", default=None)
#: The publication date (ISO) known for the article being extracted, for validators.
ARTICLE_PUBLISHED: ContextVar[str | None] = ContextVar("ARTICLE_PUBLISHED", default=None)


@dataclass
class Usage:
    """What one extraction cost: HTTP calls made (re-asks and transport retries included)."""

    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0
    #: what an answer cut at its token budget lost (``salvage``): "<field>: <how>"
    lost: list[str] = field(default_factory=list)

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.tokens_in += other.tokens_in
        self.tokens_out += other.tokens_out
        self.seconds += other.seconds
        self.lost += other.lost


Message = dict[str, str]


class ModelClient(Protocol):
    """What the pipeline needs from a model. `llm.LLMClient` and `testing.FakeClient` fit."""

    provider: str
    model: str

    def extract(
        self,
        response_model: type[T],
        messages: Sequence[Message],
        *,
        max_tokens: int,
        article: str | None = None,
        published: str | None = None,
    ) -> tuple[T, Usage]: ...

    def complete(self, messages: Sequence[Message], *, max_tokens: int) -> tuple[str, Usage]: ...


@contextmanager
def article_context(article: str | None, published: str | None) -> Iterator[None]:
    t1 = ARTICLE_TEXT.set(article)
    t2 = ARTICLE_PUBLISHED.set(published)
    try:
        yield
    finally:
        ARTICLE_TEXT.reset(t1)
        ARTICLE_PUBLISHED.reset(t2)


_TOOL_MODELS: dict[type[BaseModel], type[BaseModel]] = {}
_TOOL_MODELS_LOCK = threading.Lock()


def tool_model(response_model: type[T]) -> type[T]:
    """instructor's TOOLS-mode wrapper of ``response_model`` (``instructor.response_schema``),
    built once per model.

    Given a plain model, instructor wraps it in a new class on every call, so its per-class
    tool-schema cache never hits and the JSON Schema is regenerated for every request. Given
    the wrapper, it skips the wrapping and reuses its cached schema: the same tool definition
    (the same request bytes), built once. Results are instances of the wrapper, a subclass of
    ``response_model``, as they always were.
    """
    with _TOOL_MODELS_LOCK:
        wrapped = _TOOL_MODELS.get(response_model)
        if wrapped is None:
            wrapped = instructor.response_schema(response_model)
            _TOOL_MODELS[response_model] = wrapped
    return cast(type[T], wrapped)


#: The parse errors instructor re-asks after in TOOLS mode; any other error is not re-asked.
REASK_ERRORS: tuple[type[Exception], ...] = (
    ValidationError,
    json.JSONDecodeError,
    ResponseParsingError,
)


def tools_handlers() -> ModeHandlers:
    """instructor's handlers for OpenAI TOOLS mode: request, response parser, re-ask."""
    return mode_registry.get_handlers(instructor.Provider.OPENAI, instructor.Mode.TOOLS)


@dataclass(frozen=True)
class ToolRequest:
    """A response model's share of every request, built once by instructor's request handler.

    ``model`` is the class answers are parsed into (``tool_model(response_model)``); ``fields``
    are what the handler adds to a request (``tools``, ``tool_choice``). Shared by every
    request and never modified: the openai client copies them into each body.
    """

    model: type[BaseModel]
    fields: dict[str, Any]
    #: each field with its JSON member (``"name":value``) as the openai client writes it,
    #: encoded once (``json_body``)
    encoded: dict[str, tuple[Any, bytes]]


_TOOL_REQUESTS: dict[type[BaseModel], ToolRequest] = {}


def tool_request(response_model: type[BaseModel]) -> ToolRequest:
    """What instructor's TOOLS-mode request handler adds for ``response_model`` (the handler
    its ``create`` runs on every request), built once per model."""
    with _TOOL_MODELS_LOCK:
        built = _TOOL_REQUESTS.get(response_model)
    if built is not None:
        return built
    parse_as, prepared = tools_handlers().request_handler(
        response_model=tool_model(response_model), kwargs={}
    )
    fields = {key: value for key, value in prepared.items() if key != "messages"}
    encoded = {key: (value, openapi_dumps({key: value})[1:-1]) for key, value in fields.items()}
    with _TOOL_MODELS_LOCK:
        return _TOOL_REQUESTS.setdefault(response_model, ToolRequest(parse_as, fields, encoded))


#: The body fields of a chat completion in the order ``chat.completions.create`` writes them
#: (its parameters' order). A request with any other field goes through ``create`` itself.
CREATE_BODY_ORDER = (
    "messages",
    "model",
    "max_tokens",
    "seed",
    "temperature",
    "tool_choice",
    "tools",
)
_BODY_FIELDS = frozenset(CREATE_BODY_ORDER)


def create_body(kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """``kwargs`` as the JSON body ``chat.completions.create(**kwargs)`` sends (same fields,
    same order), or None when a field is outside ``CREATE_BODY_ORDER``."""
    if not _BODY_FIELDS.issuperset(kwargs):
        return None
    return {key: kwargs[key] for key in CREATE_BODY_ORDER if key in kwargs}


def json_body(body: dict[str, Any], encoded: dict[str, tuple[Any, bytes]]) -> bytes:
    """The JSON bytes the openai client sends for ``body`` (``openapi_dumps``), with a field
    whose value is the very object ``encoded`` holds for it taken as encoded there (the tool
    definition: ~0.1 ms a request). A JSON object is its members joined, so the other
    fields are encoded together, as the openai client would, and the members spliced."""
    members: list[bytes] = []
    pending: dict[str, Any] = {}
    for key, value in body.items():
        known = encoded.get(key)
        if known is not None and known[0] is value:
            if pending:
                members.append(openapi_dumps(pending)[1:-1])
                pending = {}
            members.append(known[1])
        else:
            pending[key] = value
    if pending:
        members.append(openapi_dumps(pending)[1:-1])
    return b"{" + b",".join(members) + b"}"


def parse_completion(raw: bytes) -> ChatCompletion:
    """A chat completion's JSON as the model openai returns: validated by pydantic in one pass
    (~0.01 ms, against ~0.14 ms for openai's own field-by-field construction), or, for an
    answer that bends the schema (some OpenAI-compatible servers do), built as leniently as
    openai builds it. ValueError when the body is not a JSON object."""
    try:
        return ChatCompletion.model_validate_json(raw)
    except ValidationError:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object") from None
        return ChatCompletion.construct(**data)


class _Tally:
    """The answers of one extraction: tokens summed over attempts, the failures in order."""

    def __init__(self) -> None:
        self.tokens_in = 0
        self.tokens_out = 0
        self.usage_complete = True  # every answer carried its usage
        self.failures: list[Exception] = []
        self.last_failed: Any = None

    def add(self, completion: Any) -> None:
        usage = getattr(completion, "usage", None)
        if usage is None:
            self.usage_complete = False
            return
        self.tokens_in += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.tokens_out += int(getattr(usage, "completion_tokens", 0) or 0)

    def fail(self, exc: Exception, completion: Any) -> None:
        self.failures.append(exc)
        self.last_failed = completion

    def tokens(self, last: Any) -> tuple[int, int]:
        """Tokens in and out of a successful extraction, as instructor counts them: the sum
        over every answer, or the last answer's when one of them carried no usage."""
        if self.usage_complete:
            return self.tokens_in, self.tokens_out
        usage = getattr(last, "usage", None)
        return (
            int(getattr(usage, "prompt_tokens", 0) or 0),
            int(getattr(usage, "completion_tokens", 0) or 0),
        )


class _CallCounter:
    """Counts HTTP requests per thread (an httpx event hook), so re-asks show in `calls`."""

    def __init__(self) -> None:
        self._local = threading.local()

    def hook(self, request: object) -> None:
        self._local.count = getattr(self._local, "count", 0) + 1

    def reset(self) -> None:
        self._local.count = 0

    @property
    def count(self) -> int:
        return int(getattr(self._local, "count", 0))


class LLMClient:
    """A thread-safe structured-output client over the OpenAI protocol."""

    def __init__(
        self,
        *,
        provider: str,
        model: str,
        base_url: str | None,
        api_key: str,
        timeout: float,
        transport_retries: int,
        validation_retries: int,
        temperature: float = 0.0,
        seed: int | None = 0,
    ) -> None:
        self.provider = provider
        self.model = model
        self.base_url = base_url
        self.validation_retries = validation_retries
        self.temperature = temperature
        self.seed = seed
        self._counter = _CallCounter()
        # trust_env=False: a proxy variable must not capture requests to 127.0.0.1.
        local = bool(base_url and ("127.0.0.1" in base_url or "localhost" in base_url))
        http = openai.DefaultHttpxClient(
            event_hooks={"request": [self._counter.hook]},
            trust_env=not local,
        )
        self._openai = openai.OpenAI(
            api_key=api_key,
            base_url=base_url,
            max_retries=transport_retries,
            timeout=timeout,
            http_client=http,
        )
        # TOOLS mode: the llama.cpp server constrains output by the tool schema (measured);
        # JSON_SCHEMA mode fails there and JSON mode is unconstrained.
        self._tools = tools_handlers()

    def close(self) -> None:
        self._openai.close()

    def extract(
        self,
        response_model: type[T],
        messages: Sequence[Message],
        *,
        max_tokens: int,
        article: str | None = None,
        published: str | None = None,
    ) -> tuple[T, Usage]:
        """One structured extraction: a request, then up to ``validation_retries`` re-asks while
        the answer fails validation. Fresh message list per call (re-asks don't leak)."""
        self._counter.reset()
        started = time.perf_counter()
        tool = tool_request(response_model)
        kwargs = self._request(messages, max_tokens)
        kwargs.update(tool.fields)
        if self._tools.message_converter is not None:
            kwargs["messages"] = self._tools.message_converter(kwargs["messages"])
        tally = _Tally()
        attempts = max(self.validation_retries, 0) + 1
        with article_context(article, published):
            for attempt in range(1, attempts + 1):
                try:
                    completion = self._chat_completion(kwargs, tool.encoded)
                except openai.APIError as exc:
                    if tally.failures:  # instructor reports this as output still invalid
                        raise self._invalid_error(tally, attempt) from exc
                    raise self._api_error(exc) from exc
                tally.add(completion)
                try:
                    result = self._tools.response_parser(
                        response=completion,
                        response_model=tool.model,
                        validation_context=None,
                        strict=True,
                        stream=False,
                        is_async=False,
                    )
                except IncompleteOutputException as exc:
                    kept = self._salvaged(completion, tool.model, tally, started)
                    if kept is not None:
                        return cast(T, kept[0]), kept[1]
                    raise ExtractionError(
                        f"{self.provider}/{self.model}: output cut at max_tokens={max_tokens} "
                        "(the model may be repeating itself)",
                        provider=self.provider,
                        model=self.model,
                        original=exc,
                        attempts=self._counter.count,
                    ) from exc
                except REASK_ERRORS as exc:
                    # cut by the token budget: a re-ask with the same budget is cut again
                    kept = (
                        self._salvaged(completion, tool.model, tally, started)
                        if _cut(completion, max_tokens)
                        else None
                    )
                    if kept is not None:
                        return cast(T, kept[0]), kept[1]
                    tally.fail(exc, completion)
                    if attempt < attempts:
                        kwargs = self._tools.reask_handler(
                            kwargs=kwargs, response=completion, exception=exc
                        )
                    continue
                except Exception as exc:  # a refusal, say: not re-asked
                    raise self._invalid_error(tally, attempt, exc) from exc
                usage = Usage(calls=self._counter.count, seconds=time.perf_counter() - started)
                usage.tokens_in, usage.tokens_out = tally.tokens(completion)
                return cast(T, result), usage
        raise self._invalid_error(tally, attempts) from tally.failures[-1]

    def _salvaged(
        self, completion: ChatCompletion, model: type[BaseModel], tally: _Tally, started: float
    ) -> tuple[BaseModel, Usage] | None:
        """An answer cut at the token budget, read as far as it goes (``salvage``), or None."""
        kept = salvage(_arguments(completion) or "", model)
        if kept is None:
            return None
        usage = Usage(calls=self._counter.count, seconds=time.perf_counter() - started)
        usage.tokens_in, usage.tokens_out = tally.tokens(completion)
        usage.lost = kept.lost or ["the end of the answer: cut at the token budget"]
        return kept.value, usage

    def _chat_completion(
        self, kwargs: dict[str, Any], encoded: dict[str, tuple[Any, bytes]] | None = None
    ) -> ChatCompletion:
        """One chat completion through the openai client (its transport retries and timeout);
        ``encoded``: fields already encoded (``json_body``)."""
        body = create_body(kwargs)
        if body is None:
            return cast(ChatCompletion, self._openai.chat.completions.create(**kwargs))
        raw = self._openai.post(
            "/chat/completions",
            content=json_body(body, encoded or {}),
            cast_to=bytes,
            options={"security": {"bearer_auth": True}},
        )
        try:
            return parse_completion(raw)
        except ValueError as exc:
            raise ProviderError(
                f"{self.provider}/{self.model}: {self.base_url or 'api.openai.com'} answered "
                f"with a body that is not a chat completion: {raw[:200]!r}",
                provider=self.provider,
                model=self.model,
                original=exc,
                attempts=self._counter.count,
            ) from exc

    def _request(self, messages: Sequence[Message], max_tokens: int) -> dict[str, Any]:
        """The request fields both call paths share (a fresh message list every time)."""
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "max_tokens": max_tokens,
            "temperature": self.temperature,
        }
        if self.seed is not None:
            kwargs["seed"] = self.seed
        return kwargs

    def complete(self, messages: Sequence[Message], *, max_tokens: int) -> tuple[str, Usage]:
        """A plain-text completion (no schema): used for translation."""
        self._counter.reset()
        started = time.perf_counter()
        kwargs = self._request(messages, max_tokens)
        try:
            completion = self._chat_completion(kwargs)
        except openai.APIError as exc:
            raise self._api_error(exc) from exc
        text = completion.choices[0].message.content or ""
        usage = Usage(calls=self._counter.count, seconds=time.perf_counter() - started)
        if completion.usage is not None:
            usage.tokens_in = int(completion.usage.prompt_tokens or 0)
            usage.tokens_out = int(completion.usage.completion_tokens or 0)
        return text, usage

    def _invalid_error(
        self, tally: _Tally, attempts: int, exc: Exception | None = None
    ) -> ExtractionError:
        """No valid output after ``attempts`` requests (the last re-ask failed, or an error
        that is not re-asked), with what instructor's retry exception used to report."""
        last_text = None
        try:
            if tally.last_failed is not None:
                msg = tally.last_failed.choices[0].message
                calls = getattr(msg, "tool_calls", None) or []
                last_text = calls[0].function.arguments if calls else msg.content
        except (AttributeError, IndexError):
            last_text = None
        cause = tally.failures[-1] if tally.failures else exc
        reason = str(cause) if cause is not None else "no valid output"
        return ExtractionError(
            f"{self.provider}/{self.model}: output still invalid after "
            f"{attempts} attempts: {' '.join(reason.split())[:300]}",
            provider=self.provider,
            model=self.model,
            original=cause,
            attempts=max(self._counter.count, attempts),
            last_output=last_text,
            tokens_in=tally.tokens_in,
            tokens_out=tally.tokens_out,
        )

    def _api_error(self, exc: openai.APIError) -> ProviderError:
        where = self.base_url or "api.openai.com"
        if isinstance(exc, openai.AuthenticationError):
            text = "authentication failed: check OPENAI_API_KEY / SUMMARIZER_API_KEY"
        elif isinstance(exc, openai.APIConnectionError):
            text = f"cannot reach {where}: {exc}"
        elif isinstance(exc, openai.APIStatusError):
            text = f"{where} answered HTTP {exc.status_code}: {str(exc)[:300]}"
        else:
            text = f"{where}: {exc}"
        return ProviderError(
            f"{self.provider}/{self.model}: {text}",
            provider=self.provider,
            model=self.model,
            original=exc,
            attempts=self._counter.count,
        )


def _cut(completion: ChatCompletion, max_tokens: int) -> bool:
    """Whether the answer stopped at the token budget: "length", or (llama.cpp, which reports
    "tool_calls" either way) as many tokens out as the budget allowed."""
    choice = completion.choices[0] if completion.choices else None
    if choice is not None and choice.finish_reason == "length":
        return True
    used = completion.usage.completion_tokens if completion.usage is not None else 0
    return bool(used) and used >= max_tokens


def _arguments(completion: ChatCompletion) -> str | None:
    """The answer's text: the first tool call's arguments, else the message content."""
    if not completion.choices:
        return None
    message = completion.choices[0].message
    calls = message.tool_calls or []
    function = getattr(calls[0], "function", None) if calls else None
    return function.arguments if function is not None else message.content


def make_client(settings: Settings, base_url: str | None = None) -> LLMClient:
    """Build the client for the configured provider (the local server's URL passed in)."""
    if settings.provider == "openai":
        if not settings.api_key:
            raise ConfigError("OpenAI selected but OPENAI_API_KEY is not set")
        url = settings.base_url
        key = settings.api_key
    elif settings.provider in ("openai-compatible", "local"):
        url = base_url or settings.base_url
        if not url:
            raise ConfigError(
                f"provider {settings.provider!r} needs a base URL (--base-url or "
                "SUMMARIZER_BASE_URL)"
            )
        key = settings.api_key or "not-needed"
    else:
        raise ConfigError(f"unknown provider {settings.provider!r}")
    return LLMClient(
        provider=settings.provider,
        model=settings.model_name,
        base_url=url,
        api_key=key,
        timeout=settings.timeout,
        transport_retries=settings.transport_retries,
        validation_retries=settings.validation_retries,
        temperature=settings.temperature,
    )
