"""The LLM boundary: the only module that imports openai and instructor.

Every provider (OpenAI, any OpenAI-compatible server, the embedded local model) is reached
through the OpenAI protocol, so one code path serves all of them and vcrpy cassettes can
record all of them.

Retry owners (never stacked unseen):
- the openai client: transport errors, 429 (honouring Retry-After) and 5xx, up to
  ``settings.transport_retries`` times, each request bounded by ``settings.timeout``;
- instructor: re-asks after a validation error only, up to ``settings.validation_retries``;
- batch (tenacity): whole-item retries, see batch.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar, cast

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel

from .config import Settings
from .errors import ConfigError, ExtractionError, ProviderError

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

    def add(self, other: Usage) -> None:
        self.calls += other.calls
        self.tokens_in += other.tokens_in
        self.tokens_out += other.tokens_out
        self.seconds += other.seconds


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
        self._client = instructor.from_openai(self._openai, mode=instructor.Mode.TOOLS)

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
        """One structured extraction. Fresh message list per call (re-asks don't leak)."""
        self._counter.reset()
        started = time.perf_counter()
        kwargs = self._request(messages, max_tokens)
        kwargs["response_model"] = tool_model(response_model)
        kwargs["max_retries"] = self.validation_retries
        try:
            with article_context(article, published):
                result, completion = self._client.chat.completions.create_with_completion(**kwargs)
        except InstructorRetryException as exc:
            raise self._retry_error(exc, started) from exc
        except IncompleteOutputException as exc:
            raise ExtractionError(
                f"{self.provider}/{self.model}: output cut at max_tokens={max_tokens} "
                "(the model may be repeating itself)",
                provider=self.provider,
                model=self.model,
                original=exc,
                attempts=self._counter.count,
            ) from exc
        except openai.APIError as exc:
            raise self._api_error(exc) from exc
        usage = Usage(calls=self._counter.count, seconds=time.perf_counter() - started)
        total = getattr(result, "_total_usage", None) or getattr(completion, "usage", None)
        if total is not None:
            usage.tokens_in = int(getattr(total, "prompt_tokens", 0) or 0)
            usage.tokens_out = int(getattr(total, "completion_tokens", 0) or 0)
        return result, usage

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
            completion = self._openai.chat.completions.create(**kwargs)
        except openai.APIError as exc:
            raise self._api_error(exc) from exc
        text = completion.choices[0].message.content or ""
        usage = Usage(calls=self._counter.count, seconds=time.perf_counter() - started)
        if completion.usage is not None:
            usage.tokens_in = int(completion.usage.prompt_tokens or 0)
            usage.tokens_out = int(completion.usage.completion_tokens or 0)
        return text, usage

    def _retry_error(self, exc: InstructorRetryException, started: float) -> ProviderError:
        cause = exc.__cause__ or exc.__context__
        while isinstance(cause, InstructorRetryException):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, openai.APIError) and not exc.failed_attempts:
            return self._api_error(cause)
        usage = exc.total_usage
        last = exc.last_completion
        last_text = None
        try:
            if last is not None:
                msg = last.choices[0].message
                calls = getattr(msg, "tool_calls", None) or []
                last_text = calls[0].function.arguments if calls else msg.content
        except (AttributeError, IndexError):
            last_text = None
        failures = getattr(exc, "failed_attempts", None) or []
        reason = str(failures[-1].exception) if failures else str(exc)
        return ExtractionError(
            f"{self.provider}/{self.model}: output still invalid after "
            f"{exc.n_attempts} attempts: {' '.join(reason.split())[:300]}",
            provider=self.provider,
            model=self.model,
            original=exc,
            attempts=max(self._counter.count, int(exc.n_attempts or 0)),
            last_output=last_text,
            tokens_in=int(getattr(usage, "prompt_tokens", 0) or 0),
            tokens_out=int(getattr(usage, "completion_tokens", 0) or 0),
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
