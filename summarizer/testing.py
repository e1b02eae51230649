"""A model client for tests: answers from a queue, records every request, makes no HTTP call.

Shipped in the package so that users can test code built on ``summarizer`` without a network::

    client = FakeClient([ArticleFacts(meetings=[])])
    brief = pipeline.summarize(article, client, settings)
    assert client.requests[0][0] is ArticleFacts

A queued response is one of:
- a pydantic model instance (returned as it is, or re-validated into the requested model);
- a dict (validated into the requested model, with the article in context, as the real client
  does, so the extraction models' validators run);
- a callable ``(response_model, messages) -> BaseModel | dict`` (called, then as above);
- an exception (raised).

A validation failure is raised as ``ExtractionError``, as the real client does once its
re-asks are spent. An empty queue raises ``ProviderError`` unless a ``default`` is given.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ExtractionError, ProviderError
from .llm import Message, Usage, article_context

T = TypeVar("T", bound=BaseModel)

Responder = Callable[[type[BaseModel], list[Message]], BaseModel | Mapping[str, Any]]
Response = BaseModel | Mapping[str, Any] | Responder | BaseException | str

#: Characters per token in the fake token counts (a rough rule of thumb for English).
CHARS_PER_TOKEN = 4


class FakeClient:
    """A thread-safe `llm.ModelClient` that answers from a queue of canned responses."""

    def __init__(
        self,
        responses: Sequence[Response] = (),
        *,
        provider: str = "fake",
        model: str = "fake-model",
        default: Response | None = None,
    ) -> None:
        self.provider = provider
        self.model = model
        self.default = default
        self.requests: list[tuple[type[BaseModel], list[Message]]] = []
        self._queue: deque[Response] = deque(responses)
        self._lock = threading.Lock()

    def enqueue(self, *responses: Response) -> None:
        with self._lock:
            self._queue.extend(responses)

    @property
    def pending(self) -> int:
        """How many queued responses are still unused."""
        with self._lock:
            return len(self._queue)

    def extract(
        self,
        response_model: type[T],
        messages: Sequence[Message],
        *,
        max_tokens: int,
        article: str | None = None,
        published: str | None = None,
    ) -> tuple[T, Usage]:
        copied = [dict(m) for m in messages]
        with self._lock:
            self.requests.append((response_model, copied))
            response = self._queue.popleft() if self._queue else self.default
        if response is None:
            raise ProviderError(
                f"FakeClient: no response queued for {response_model.__name__} "
                f"(request {len(self.requests)}); enqueue one",
                provider=self.provider,
                model=self.model,
            )
        result = self._answer(response, response_model, copied, article, published)
        usage = Usage(
            calls=1,
            tokens_in=sum(len(m.get("content", "")) for m in copied) // CHARS_PER_TOKEN,
            tokens_out=len(result.model_dump_json()) // CHARS_PER_TOKEN,
        )
        return result, usage

    def complete(self, messages: Sequence[Message], *, max_tokens: int) -> tuple[str, Usage]:
        """Plain text: a queued `str` (or a callable returning one) answers."""
        copied = [dict(m) for m in messages]
        with self._lock:
            self.requests.append((str, copied))  # type: ignore[arg-type]
            response = self._queue.popleft() if self._queue else self.default
        if isinstance(response, BaseException):
            raise response
        if callable(response):
            response = response(str, copied)  # type: ignore[arg-type]
        if not isinstance(response, str):
            raise ProviderError(
                f"FakeClient: plain-text request {len(self.requests)} needs a queued str",
                provider=self.provider,
                model=self.model,
            )
        usage = Usage(
            calls=1,
            tokens_in=sum(len(m.get("content", "")) for m in copied) // CHARS_PER_TOKEN,
            tokens_out=len(response) // CHARS_PER_TOKEN,
        )
        return response, usage

    def _answer(
        self,
        response: Response,
        response_model: type[T],
        messages: list[Message],
        article: str | None,
        published: str | None,
    ) -> T:
        if isinstance(response, BaseException):
            raise response
        if callable(response):
            response = response(response_model, messages)
        if isinstance(response, response_model):
            return response
        if isinstance(response, str):
            raise ProviderError(
                f"FakeClient: a str was queued but {response_model.__name__} was requested",
                provider=self.provider,
                model=self.model,
            )
        data = response.model_dump() if isinstance(response, BaseModel) else dict(response)
        try:
            with article_context(article, published):
                return response_model.model_validate(data)
        except ValidationError as exc:
            raise ExtractionError(
                f"{self.provider}/{self.model}: canned response is not a valid "
                f"{response_model.__name__}: {exc.errors()[0]['msg']}",
                provider=self.provider,
                model=self.model,
                original=exc,
                attempts=1,
            ) from exc
