"""Prompt-prefix KV states kept on disk, so a freshly started server skips the shared prefix.

Every extraction request starts with the same ~1,900 tokens (the system prompt and the tool's
JSON Schema); only the article after them differs. The server keeps the KV cache of the last
prompt in memory, so within one server the prefix is evaluated once. But each
`summarizer summarize` starts its own server, and on 2 cores evaluating that prefix takes
about 40 s, more than the rest of the article. This module stores the KV state of a prompt
on disk (llama.cpp's `llama_state_seq_save_file`, about 28 KB a token for Qwen2.5-1.5B), and
a new server loads the stored state that shares the longest prefix with its first prompt;
llama-cpp-python's own prefix matching then drops the part after the shared prefix and
evaluates only the rest.

Policy, with N = `min_shared` tokens:
- restore: before a prompt is evaluated, if a stored state shares more of its first tokens
  than the context already holds (and at least N), load it;
- save: once a prompt has been evaluated, if neither the context before it nor any stored
  state shared N tokens, or half of its tokens, with it, it starts a new family (a new
  prompt version, which shares only its first sentences with the old one; the translation
  prompt): store its state; also when the context in memory shared N more tokens with it
  than any stored state did. So a batch writes a state about once per prompt family, not
  once per article.
- keep at most `keep` states, dropping the least recently used.

A state is a pair of files, `<key>.state` (llama.cpp's) and `<key>.tokens` (the token ids,
int32), written to temporary names and renamed, tokens last: a state without its tokens
file is incomplete and ignored. A state that fails to load, or loads other tokens than its
tokens file says, is deleted and the context is cleared, so the worst case is the cost
this module tries to save, never a wrong prefix. States live in a folder keyed by the model
file and the llama-cpp-python version, since KV layouts differ between them.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where used: the CLI imports this module, not numpy
    import numpy as np

ENV_VAR = "SUMMARIZER_PREFIX_STATES"
MIN_SHARED = 256
#: A prompt sharing less than this share of its tokens with every state starts a new family.
SHARE_OF_PROMPT = 0.5
KEEP = 4


def folder_for(root: Path, model_path: Path, runtime_version: str) -> Path:
    """Where states of this model file under this runtime are kept."""
    stat = model_path.stat()
    identity = f"{model_path.resolve()}|{stat.st_size}|{runtime_version}"
    return root / hashlib.sha256(identity.encode()).hexdigest()[:16]


def shared_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    """How many leading tokens `a` and `b` have in common."""
    import numpy as np

    n = min(len(a), len(b))
    if n == 0:
        return 0
    left = np.asarray(a[:n], dtype=np.int64)
    right = np.asarray(b[:n], dtype=np.int64)
    differ = np.flatnonzero(left != right)
    return int(differ[0]) if differ.size else n


class PrefixStates:
    """The stored states in `folder`; `lib` is the llama_cpp module (tests pass a fake)."""

    def __init__(
        self, folder: Path, lib: Any, *, min_shared: int = MIN_SHARED, keep: int = KEEP
    ) -> None:
        self.folder = folder
        self.lib = lib
        self.min_shared = min_shared
        self.keep = keep
        self.restored = 0
        self.saved = 0

    def _complete(self) -> list[Path]:
        """The state files that have their tokens file (written last, so complete)."""
        return [
            tokens_file.with_suffix(".state")
            for tokens_file in self.folder.glob("*.tokens")
            if tokens_file.with_suffix(".state").is_file()
        ]

    def _stored(self) -> list[tuple[Path, np.ndarray]]:
        import numpy as np

        found = []
        for state_file in self._complete():
            tokens_file = state_file.with_suffix(".tokens")
            try:
                found.append((state_file, np.fromfile(tokens_file, dtype=np.int32)))
            except OSError:
                continue
        return found

    def best(self, tokens: Sequence[int]) -> tuple[Path | None, np.ndarray, int]:
        """The stored state sharing the longest prefix with `tokens`, and that length."""
        import numpy as np

        best: tuple[Path | None, np.ndarray, int] = (None, np.zeros(0, np.int32), 0)
        for state_file, stored in self._stored():
            shared = shared_prefix(stored.tolist(), tokens)
            if shared > best[2]:
                best = (state_file, stored, shared)
        return best

    def before_prompt(self, llama: Any, tokens: Sequence[int]) -> bool:
        """Load a stored state into `llama` if it beats what the context holds; returns
        whether the prompt starts a new family (so its state should be saved)."""
        in_memory = shared_prefix(list(llama.input_ids[: llama.n_tokens]), tokens)
        state_file, stored, on_disk = self.best(tokens)
        usable = state_file is not None and on_disk >= self.min_shared and on_disk > in_memory
        if usable and state_file is not None:
            if self._load(llama, state_file, stored):
                self.restored += 1
                return self._worth_saving(on_disk, on_disk, len(tokens))
            return True  # dropped as unusable, context cleared: this prompt's state replaces it
        return self._worth_saving(in_memory, on_disk, len(tokens))

    def _worth_saving(self, in_memory: int, on_disk: int, length: int) -> bool:
        """Whether the prompt's state should be stored: it starts a new family (nothing
        shares `min_shared` tokens or `SHARE_OF_PROMPT` of it: a new prompt version shares
        only its first sentences with the old one), or the context in memory shares a longer
        prefix with it than any stored state (the family's prefix is not stored yet)."""
        best = max(in_memory, on_disk)
        if best < self.min_shared or best < length * SHARE_OF_PROMPT:
            return True
        return in_memory - on_disk >= self.min_shared

    def _load(self, llama: Any, state_file: Path, stored: np.ndarray) -> bool:
        ctx = llama._ctx
        ctx.kv_cache_seq_rm(-1, 0, -1)
        capacity = len(llama.input_ids)
        out = (self.lib.llama_token * capacity)()
        count = ctypes.c_size_t(0)
        loaded = self.lib.llama_state_seq_load_file(
            ctx.ctx, str(state_file).encode(), 0, out, capacity, ctypes.byref(count)
        )
        n = int(count.value)
        ok = bool(loaded) and n == len(stored) and list(out[:n]) == stored.tolist()
        if not ok:
            ctx.kv_cache_seq_rm(-1, 0, -1)
            llama.n_tokens = 0
            self._remove(state_file)
            print(f"summarizer.prefix_states: dropped unusable {state_file.name}", file=sys.stderr)
            return False
        llama.input_ids[:n] = stored
        llama.n_tokens = n
        llama._requires_eval = True
        os.utime(state_file)
        print(f"summarizer.prefix_states: restored {n} tokens", file=sys.stderr)
        return True

    def save(self, llama: Any) -> None:
        """Store the state of the prompt `llama`'s context holds now (best effort)."""
        import numpy as np

        n = int(llama.n_tokens)
        tokens = np.asarray(llama.input_ids[:n], dtype=np.int32)
        key = hashlib.sha256(tokens.tobytes()).hexdigest()[:24]
        state_file = self.folder / f"{key}.state"
        tokens_file = self.folder / f"{key}.tokens"
        temp_state = self.folder / f".{key}.state.tmp"
        temp_tokens = self.folder / f".{key}.tokens.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            array = (self.lib.llama_token * n)(*tokens.tolist())
            written = self.lib.llama_state_seq_save_file(
                llama._ctx.ctx, str(temp_state).encode(), 0, array, n
            )
            if not written:
                raise OSError("llama_state_seq_save_file wrote nothing")
            tokens.tofile(temp_tokens)
            os.replace(temp_state, state_file)
            os.replace(temp_tokens, tokens_file)
        except OSError as exc:
            print(f"summarizer.prefix_states: not saved ({exc})", file=sys.stderr)
            for temp in (temp_state, temp_tokens):
                temp.unlink(missing_ok=True)
            return
        self.saved += 1
        self._prune()

    def _prune(self) -> None:
        states = sorted(self._complete(), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in states[self.keep :]:
            self._remove(old)

    @staticmethod
    def _remove(state_file: Path) -> None:
        state_file.with_suffix(".tokens").unlink(missing_ok=True)
        state_file.unlink(missing_ok=True)
