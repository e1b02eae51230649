"""Prompt-prefix KV states on disk (summarizer/prefix_states.py), against a fake llama.cpp.

The fake stores a state as the token ids it was saved with, which is what matters to the
policy: which state is restored, when one is saved, what happens when one is unusable.
"""

from __future__ import annotations

import ctypes
import os
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from summarizer import llama_server, prefix_states
from summarizer.config import settings_from_env
from summarizer.prefix_states import PrefixStates


class FakeLib:
    llama_token = ctypes.c_int32

    def __init__(self) -> None:
        self.fail_save = False
        self.loads: list[str] = []

    def llama_state_seq_save_file(
        self, ctx: Any, path: bytes, seq: int, tokens: Any, n: int
    ) -> int:
        if self.fail_save:
            Path(path.decode()).write_bytes(b"partial")
            return 0
        data = np.asarray(tokens[:n], dtype=np.int32).tobytes()
        Path(path.decode()).write_bytes(b"KV" + data)
        return len(data) + 2

    def llama_state_seq_load_file(
        self, ctx: Any, path: bytes, seq: int, out: Any, capacity: int, count: Any
    ) -> int:
        self.loads.append(Path(path.decode()).name)
        raw = Path(path.decode()).read_bytes()
        if not raw.startswith(b"KV"):
            return 0
        tokens = np.frombuffer(raw[2:], dtype=np.int32)
        for i, token in enumerate(tokens):
            out[i] = int(token)
        count._obj.value = len(tokens)
        return len(raw)


class FakeContext:
    def __init__(self) -> None:
        self.ctx = object()
        self.cleared = 0

    def kv_cache_seq_rm(self, seq: int, start: int, end: int) -> bool:
        if start == 0:
            self.cleared += 1
        return True


class FakeLlama:
    def __init__(self, n_ctx: int = 4096) -> None:
        self._ctx = FakeContext()
        self.input_ids = np.zeros(n_ctx, dtype=np.intc)
        self.n_tokens = 0
        self._requires_eval = False

    def evaluate(self, tokens: list[int]) -> None:
        """What generate does to the context: keep the shared prefix, evaluate the rest."""
        shared = prefix_states.shared_prefix(list(self.input_ids[: self.n_tokens]), tokens)
        self.input_ids[: len(tokens)] = tokens
        self.n_tokens = len(tokens)
        self.evaluated = len(tokens) - shared


SYSTEM = list(range(1000, 1600))  # a 600-token shared prefix


def prompt(article: int, length: int = 200) -> list[int]:
    return SYSTEM + [article * 10_000 + i for i in range(length)]


def run(states: PrefixStates, llama: FakeLlama, tokens: list[int]) -> bool:
    new_family = states.before_prompt(llama, tokens)
    llama.evaluate(tokens)
    if new_family:
        states.save(llama)
    return new_family


def test_a_new_server_restores_the_shared_prefix_another_server_stored(tmp_path: Path) -> None:
    lib = FakeLib()
    first = PrefixStates(tmp_path, lib)
    assert run(first, FakeLlama(), prompt(1)) is True  # the first prompt of its family
    assert first.saved == 1 and len(list(tmp_path.glob("*.state"))) == 1

    second, llama = PrefixStates(tmp_path, lib), FakeLlama()
    assert run(second, llama, prompt(2)) is False  # restored: not a new family
    assert second.restored == 1 and second.saved == 0
    assert llama.evaluated == 200  # only the article, not the 600 shared tokens
    assert llama._requires_eval is True


def test_the_same_server_saves_a_family_once(tmp_path: Path) -> None:
    states, llama = PrefixStates(tmp_path, FakeLib()), FakeLlama()
    results = [run(states, llama, prompt(n)) for n in range(1, 6)]
    assert results == [True, False, False, False, False]
    assert states.saved == 1
    assert states.restored == 0  # the context in memory already held the prefix


def test_a_prompt_sharing_too_little_starts_its_own_family(tmp_path: Path) -> None:
    states, llama = PrefixStates(tmp_path, FakeLib(), min_shared=256), FakeLlama()
    run(states, llama, prompt(1))
    translation = list(range(1000, 1100)) + list(range(50_000, 50_400))  # shares 100 tokens
    assert run(states, llama, translation) is True
    assert states.saved == 2 and states.restored == 0


def test_the_stored_state_sharing_the_longest_prefix_wins(tmp_path: Path) -> None:
    lib = FakeLib()
    states = PrefixStates(tmp_path, lib)
    other = list(range(1000, 1060)) + list(range(70_000, 70_600))  # shares 60 with SYSTEM
    run(states, FakeLlama(), other)
    run(states, FakeLlama(), prompt(1))
    _, _, shared = states.best(prompt(3))
    assert shared == len(SYSTEM)
    llama = FakeLlama()
    run(PrefixStates(tmp_path, lib), llama, prompt(3))
    assert llama.evaluated == 200


def test_an_unusable_state_is_dropped_and_the_prompt_evaluated_whole(tmp_path: Path) -> None:
    lib = FakeLib()
    run(PrefixStates(tmp_path, lib), FakeLlama(), prompt(1))
    (state,) = tmp_path.glob("*.state")
    state.write_bytes(b"garbage")
    states, llama = PrefixStates(tmp_path, lib), FakeLlama()
    assert run(states, llama, prompt(2)) is True  # its state replaces the dropped one
    assert llama.evaluated == len(prompt(2)) and llama._ctx.cleared >= 2
    assert not state.exists() and states.saved == 1


def test_a_state_whose_tokens_differ_from_its_tokens_file_is_not_used(tmp_path: Path) -> None:
    lib = FakeLib()
    run(PrefixStates(tmp_path, lib), FakeLlama(), prompt(1))
    (tokens_file,) = tmp_path.glob("*.tokens")
    np.asarray([*prompt(1)[:-1], 7], dtype=np.int32).tofile(tokens_file)
    llama = FakeLlama()
    run(PrefixStates(tmp_path, lib), llama, prompt(2))
    assert llama.evaluated == len(prompt(2))


def test_a_state_without_its_tokens_file_is_incomplete_and_ignored(tmp_path: Path) -> None:
    lib = FakeLib()
    run(PrefixStates(tmp_path, lib), FakeLlama(), prompt(1))
    for tokens_file in tmp_path.glob("*.tokens"):
        tokens_file.unlink()
    states = PrefixStates(tmp_path, lib)
    assert states.best(prompt(2))[0] is None
    assert lib.loads == []


def test_a_failed_save_leaves_nothing_behind(tmp_path: Path) -> None:
    lib = FakeLib()
    lib.fail_save = True
    states = PrefixStates(tmp_path, lib)
    run(states, FakeLlama(), prompt(1))
    assert states.saved == 0
    assert list(tmp_path.iterdir()) == []


def test_only_the_most_recently_used_states_are_kept(tmp_path: Path) -> None:
    states = PrefixStates(tmp_path, FakeLib(), min_shared=10, keep=2)
    families = [[f * 100 + i for i in range(50)] for f in range(1, 5)]
    for n, tokens in enumerate(families):
        run(states, FakeLlama(), tokens)
        # the state just saved is the newest; give it a small, increasing mtime so the
        # order does not depend on the clock's resolution
        newest = max(tmp_path.glob("*.state"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (n, n))
    assert all(states.best(f)[0] is not None for f in families[2:])
    assert len(list(tmp_path.glob("*.state"))) == 2
    assert len(list(tmp_path.glob("*.tokens"))) == 2
    assert states.best(families[0])[0] is None  # the least recently used went first


def test_folders_differ_by_model_file_and_runtime(tmp_path: Path) -> None:
    a, b = tmp_path / "a.gguf", tmp_path / "b.gguf"
    a.write_bytes(b"1")
    b.write_bytes(b"2")
    root = tmp_path / "states"
    assert prefix_states.folder_for(root, a, "0.3.36") != prefix_states.folder_for(
        root, b, "0.3.36"
    )
    assert prefix_states.folder_for(root, a, "0.3.36") != prefix_states.folder_for(
        root, a, "0.3.37"
    )
    assert prefix_states.folder_for(root, a, "0.3.36").parent == root


def test_settings_turn_prefix_states_off_from_the_environment() -> None:
    assert settings_from_env({}).prefix_states is True
    assert settings_from_env({"SUMMARIZER_PREFIX_STATES": "0"}).prefix_states is False


# --- the generate wrapper -----------------------------------------------------------------


class Recorder:
    def __init__(self, new_family: bool) -> None:
        self.new_family = new_family
        self.saved_at: list[int] = []

    def before_prompt(self, llama: Any, tokens: list[int]) -> bool:
        return self.new_family

    def save(self, llama: Any) -> None:
        self.saved_at.append(llama.n_tokens)


def fake_generate(self: Any, tokens: list[int]) -> Iterator[int]:
    self.n_tokens = len(tokens)  # the prompt has been evaluated when the first token comes
    self.sent: list[object] = []
    try:
        for token in (7, 8, 9):
            self.sent.append((yield token))
            self.n_tokens += 1
    finally:
        self.closed = True


@pytest.mark.parametrize("new_family", [True, False])
def test_generate_saves_after_the_prompt_only_for_a_new_family(new_family: bool) -> None:
    recorder = Recorder(new_family)
    generate = llama_server.with_prefix_states(fake_generate, recorder)  # type: ignore[arg-type]
    llama: Any = types.SimpleNamespace(n_tokens=0)
    gen = generate(llama, [1, 2, 3])
    assert next(gen) == 7
    assert gen.send("draft") == 8
    assert list(gen) == [9]
    assert llama.sent == ["draft", None, None]  # values sent in reach the real generator
    assert recorder.saved_at == ([3] if new_family else [])


def test_generate_closes_the_real_generator_when_the_caller_stops() -> None:
    generate = llama_server.with_prefix_states(fake_generate, Recorder(False))  # type: ignore[arg-type]
    llama: Any = types.SimpleNamespace(n_tokens=0)
    gen = generate(llama, [1])
    next(gen)
    gen.close()
    assert llama.closed is True


def test_a_new_prompt_version_sharing_its_first_sentences_gets_its_own_state(
    tmp_path: Path,
) -> None:
    lib = FakeLib()
    old_version = list(range(1000, 1300)) + list(range(80_000, 80_500))  # shares 300 tokens
    run(PrefixStates(tmp_path, lib), FakeLlama(), old_version)
    states, llama = PrefixStates(tmp_path, lib), FakeLlama()
    assert run(states, llama, prompt(1)) is True  # 300 of 800 tokens: a new family
    assert states.restored == 1 and states.saved == 1  # the 300 were still reused
    assert llama.evaluated == len(prompt(1)) - 300
    third = FakeLlama()
    assert run(PrefixStates(tmp_path, lib), third, prompt(2)) is False
    assert third.evaluated == 200


def test_a_family_whose_prefix_is_not_stored_yet_is_saved_by_the_next_request(
    tmp_path: Path,
) -> None:
    lib = FakeLib()
    states = PrefixStates(tmp_path, lib, min_shared=100)
    stored = list(range(1000, 1450)) + list(range(90_000, 90_050))  # 450 of SYSTEM's 600
    run(states, FakeLlama(), stored)
    llama = FakeLlama()
    run(states, llama, prompt(1))  # restores the 450; 450 >= half of 800: not new
    assert states.saved == 1
    run(states, llama, prompt(2))  # memory shares 600, disk 450: the longer prefix is stored
    assert states.saved == 2
    assert states.best(prompt(3))[2] == len(SYSTEM)
