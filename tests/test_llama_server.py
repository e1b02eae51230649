"""The server entry point's lean-logits `eval` (summarizer/llama_server.py), without llama.cpp."""

from __future__ import annotations

import sys
import types
from typing import Any

import numpy as np
import pytest

from summarizer import llama_server


class FakeBatch:
    def __init__(self) -> None:
        self.calls: list[tuple[list[int], int, bool]] = []

    def set_batch(self, batch: list[int], n_past: int, logits_all: bool) -> None:
        self.calls.append((list(batch), n_past, logits_all))


class FakeContext:
    def __init__(self) -> None:
        self.decoded = 0
        self.removed: list[int] = []

    def kv_cache_seq_rm(self, seq: int, start: int, end: int) -> bool:
        self.removed.append(start)
        return True

    def decode(self, batch: FakeBatch) -> None:
        self.decoded += 1


class FakeLlama:
    """The attributes `Llama.eval` touches, with a draft model (so `_logits_all` is forced)."""

    def __init__(self, n_ctx: int = 64, n_batch: int = 8) -> None:
        self._ctx = FakeContext()
        self._batch = FakeBatch()
        self._logits_all = True
        self._requires_eval = True
        self.n_batch = n_batch
        self.n_tokens = 0
        self.input_ids = np.zeros(n_ctx, dtype=np.intc)
        self.scores = np.full((4, 3), 7.0, dtype=np.single)


def test_prompt_batches_ask_for_the_last_logits_only_and_drafts_for_all() -> None:
    llama: Any = FakeLlama()
    prompt = list(range(1, 21))  # 20 tokens: a prompt, in batches of 8
    llama_server.lean_eval(llama, prompt)
    assert [(len(b), past, every) for b, past, every in llama._batch.calls] == [
        (8, 0, False),
        (8, 8, False),
        (4, 16, False),
    ]
    assert llama.n_tokens == 20 and list(llama.input_ids[:20]) == prompt
    assert llama._requires_eval is False
    # a sampled token plus 4 drafted ones: every position's logits are needed to verify them
    llama_server.lean_eval(llama, [30, 31, 32, 33, 34])
    assert llama._batch.calls[-1] == ([30, 31, 32, 33, 34], 20, True)
    assert llama.n_tokens == 25
    # logits are never copied into the per-position array
    assert (llama.scores == 7.0).all()
    # the KV cache past n_tokens is dropped first, as upstream does
    assert llama._ctx.removed == [0, 20]


def test_without_a_draft_model_no_batch_asks_for_all_logits() -> None:
    llama: Any = FakeLlama()
    llama._logits_all = False
    llama_server.lean_eval(llama, [1, 2, 3])
    assert llama._batch.calls == [([1, 2, 3], 0, False)]


@pytest.mark.parametrize(("version", "patched"), [("0.3.36", True), ("0.3.99", False)])
def test_patch_applies_only_to_the_version_it_was_written_for(
    monkeypatch: pytest.MonkeyPatch, version: str, patched: bool
) -> None:
    original = object()
    llama_class = type("Llama", (), {"eval": original})
    package = types.ModuleType("llama_cpp")
    package.__version__ = version  # type: ignore[attr-defined]
    module = types.ModuleType("llama_cpp.llama")
    module.Llama = llama_class  # type: ignore[attr-defined]
    package.llama = module  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "llama_cpp", package)
    monkeypatch.setitem(sys.modules, "llama_cpp.llama", module)
    assert llama_server.patch() is patched
    assert (llama_class.eval is llama_server.lean_eval) is patched
    assert (llama_class.eval is original) is not patched
