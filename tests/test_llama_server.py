"""The server entry point's lean-logits `eval` (summarizer/llama_server.py), without llama.cpp."""

from __future__ import annotations

import ctypes
import math
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
    original_init = object()
    llama_class = type("Llama", (), {"eval": original, "_init_sampler": original_init})
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
    assert (llama_class._init_sampler is not original_init) is patched


# --- grammar-last sampling, against a fake llama.cpp with the real ctypes layouts ---------


class TokenData(ctypes.Structure):
    _fields_ = [("id", ctypes.c_int32), ("logit", ctypes.c_float), ("p", ctypes.c_float)]


class TokenDataArray(ctypes.Structure):
    _fields_ = [
        ("data", ctypes.POINTER(TokenData)),
        ("size", ctypes.c_size_t),
        ("selected", ctypes.c_int64),
        ("sorted", ctypes.c_bool),
    ]


class Greedy:
    """The chain without grammar: picks the highest logit."""

    def __init__(self) -> None:
        self.accepted: list[int] = []

    def apply(self, cur: TokenDataArray) -> None:
        best = max(range(cur.size), key=lambda i: cur.data[i].logit)
        cur.selected = best


class Grammar:
    """A grammar allowing a fixed set of tokens; counts the candidates it is asked about."""

    def __init__(self, allowed: set[int]) -> None:
        self.allowed = allowed
        self.accepted: list[int] = []
        self.checked = 0
        self.freed = False

    def apply(self, cur: TokenDataArray) -> None:
        for i in range(cur.size):
            self.checked += 1
            if cur.data[i].id not in self.allowed:
                cur.data[i].logit = -math.inf


class FakeLib:
    llama_token_data = TokenData
    llama_token_data_array = TokenDataArray

    def __init__(self, logits: list[float]) -> None:
        self.logits = (ctypes.c_float * len(logits))(*logits)

    def llama_get_logits_ith(self, ctx: object, idx: int) -> Any:
        return ctypes.cast(self.logits, ctypes.POINTER(ctypes.c_float))

    def llama_sampler_apply(self, sampler: Any, ref: Any) -> None:
        sampler.apply(ref._obj)

    def llama_sampler_accept(self, sampler: Any, token: int) -> None:
        sampler.accepted.append(token)

    def llama_sampler_free(self, sampler: Any) -> None:
        sampler.freed = True


def grammar_last(
    logits: list[float], allowed: set[int]
) -> tuple[llama_server.GrammarLastSampler, Greedy, Grammar]:
    chain, grammar = Greedy(), Grammar(allowed)
    lib = FakeLib(logits)
    sampler = llama_server.GrammarLastSampler(
        lib, types.SimpleNamespace(sampler=chain), grammar, len(logits)
    )
    return sampler, chain, grammar


def test_an_allowed_choice_is_checked_alone_and_accepted_by_both_samplers() -> None:
    sampler, chain, grammar = grammar_last([0.1, 3.0, 0.5, 2.0], allowed={1, 3})
    assert sampler.sample(types.SimpleNamespace(ctx=None)) == 1
    assert grammar.checked == 1  # not the whole vocabulary
    assert sampler.resampled == 0
    assert chain.accepted == grammar.accepted == [1]


def test_a_refused_choice_is_redone_with_the_grammar_over_the_whole_vocabulary() -> None:
    sampler, chain, grammar = grammar_last([0.1, 3.0, 0.5, 2.0], allowed={0, 2})
    assert sampler.sample(types.SimpleNamespace(ctx=None)) == 2
    assert sampler.resampled == 1
    assert grammar.checked == 1 + 4
    assert chain.accepted == grammar.accepted == [2]


@pytest.mark.parametrize("seed", range(20))
def test_greedy_grammar_last_chooses_what_grammar_first_chooses(seed: int) -> None:
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=50).astype(np.float32).tolist()
    allowed = {int(t) for t in rng.choice(50, size=int(rng.integers(1, 50)), replace=False)}
    sampler, _, _ = grammar_last(logits, allowed)
    grammar_first = max(allowed, key=lambda t: logits[t])
    assert sampler.sample(types.SimpleNamespace(ctx=None)) == grammar_first


def test_the_grammar_sampler_is_freed_with_its_wrapper() -> None:
    sampler, _, grammar = grammar_last([1.0, 2.0], allowed={0})
    del sampler
    assert grammar.freed


def test_init_sampler_keeps_the_grammar_out_of_the_chain() -> None:
    calls: list[object] = []

    def original(self: object, *args: object, grammar: object = None, **kwargs: object) -> object:
        calls.append(grammar)
        return types.SimpleNamespace(sampler=Greedy())

    made: list[tuple[bytes, bytes]] = []

    class Lib(FakeLib):
        def llama_sampler_init_grammar(self, vocab: object, text: bytes, root: bytes) -> Any:
            made.append((text, root))
            return Grammar({0}) if text else None

    init = llama_server.grammar_last_init_sampler(original, Lib([0.0]))
    llama: Any = types.SimpleNamespace(_model=types.SimpleNamespace(vocab=None), _n_vocab=1)
    plain = init(llama, temp=0.0)
    assert not isinstance(plain, llama_server.GrammarLastSampler)
    grammar = types.SimpleNamespace(_grammar='root ::= "{"', _root="root")
    assert isinstance(init(llama, temp=0.0, grammar=grammar), llama_server.GrammarLastSampler)
    assert calls == [None, None]  # the chain never holds the grammar
    assert made == [(b'root ::= "{"', b"root")]
    with pytest.raises(ValueError, match="grammar"):
        init(llama, grammar=types.SimpleNamespace(_grammar="", _root="root"))
