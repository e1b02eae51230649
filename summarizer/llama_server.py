"""Entry point of the embedded model's server process: llama-cpp-python's OpenAI-compatible
server, with measured fixes: how it keeps logits, how it applies the grammar, and the
prompt prefix it re-evaluates on every start.

    python -m summarizer.llama_server --model FILE.gguf --port N ...   (the same flags)

Prompt-lookup speculative decoding (`--draft_model prompt-lookup-decoding`) makes
llama-cpp-python 0.3.36 ask llama.cpp for the logits of EVERY token it evaluates, prompt
included, and copy each row (vocabulary size x 4 bytes: 0.6 MB for Qwen2.5) into an
``n_ctx x vocab`` numpy array. Since 0.3.x sampling happens inside llama.cpp's sampler, so
that copy only serves logprobs, which this tool never requests: it costs about 0.6 MB of
RSS per context position reached (the server passed 4 GiB on 8k contexts) and the extra
output-layer products on every prompt token.

The replacement ``eval`` below asks for all-token logits only for the short batches that
verify drafted tokens, and for the last token otherwise (what sampling needs), and never
copies them into ``scores``.

Constrained output (instructor's JSON Schema becomes a GBNF grammar) puts the grammar
sampler in the chain before greedy selection, so for every generated token llama.cpp
matches all 152k vocabulary entries against the grammar (38 ms a token measured here,
against about 60 ms for the decode step itself; 1.9 ms with the check below).
`GrammarLastSampler` does what llama.cpp's own `common_sampler` does:
run the chain without the grammar, check only the chosen token against the grammar, and
redo the step with the grammar over the whole vocabulary only when that token is refused.
With greedy decoding (temperature 0, this tool's setting) the chosen token is exactly the
one the grammar-first chain would choose: the highest-logit token that the grammar allows.

A third change, `with_prefix_states`, keeps prompt-prefix KV states on disk so that a new
server does not re-evaluate the shared system prompt (summarizer/prefix_states.py).

All three apply only to the exact llama-cpp-python version they were written against; any
other version runs unpatched.
"""

from __future__ import annotations

import ctypes
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .prefix_states import ENV_VAR, PrefixStates

PATCHED_VERSION = "0.3.36"
#: Longest batch that can be a draft-verification batch: one sampled token plus the drafted
#: ones (`--draft_model_num_pred_tokens`, 4 here; 10 upstream). Longer batches are prompts.
MAX_VERIFY_BATCH = 16


def lean_eval(self: Any, tokens: Sequence[int]) -> None:
    """`Llama.eval` of llama-cpp-python 0.3.36 without the per-token logits copy."""
    self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
    for i in range(0, len(tokens), self.n_batch):
        batch = tokens[i : min(len(tokens), i + self.n_batch)]
        n_past = self.n_tokens
        n_tokens = len(batch)
        every = bool(self._logits_all) and len(tokens) <= MAX_VERIFY_BATCH
        self._batch.set_batch(batch=batch, n_past=n_past, logits_all=every)
        self._ctx.decode(self._batch)
        self.input_ids[n_past : n_past + n_tokens] = batch
        self.n_tokens += n_tokens
    self._requires_eval = False


class GrammarLastSampler:
    """A sampler chain whose grammar is checked on the chosen token first (see module doc).

    `chain` is llama-cpp-python's sampler chain built WITHOUT the grammar (penalties, then
    greedy or top-k/top-p/temperature/dist); `grammar` a llama.cpp grammar sampler; `lib` the
    llama_cpp module (its ctypes functions and structs), passed in so tests can fake it.
    """

    def __init__(self, lib: Any, chain: Any, grammar: Any, n_vocab: int) -> None:
        import numpy as np

        self.lib = lib
        self.chain = chain  # keeps the chain (freed by its own finaliser) alive
        self.grammar = grammar
        self.n_vocab = n_vocab
        self.resampled = 0
        self.sampled = 0
        self._data = (lib.llama_token_data * n_vocab)()
        self._view = np.frombuffer(self._data, dtype=_token_data_dtype())
        self._ids = np.arange(n_vocab, dtype=np.int32)
        self._one = (lib.llama_token_data * 1)()

    def _candidates(self, ctx: Any, idx: int) -> Any:
        import numpy as np

        logits = np.ctypeslib.as_array(self.lib.llama_get_logits_ith(ctx, idx), (self.n_vocab,))
        self._view["id"] = self._ids
        self._view["logit"] = logits
        self._view["p"] = 0.0
        return self.lib.llama_token_data_array(
            data=self._data, size=self.n_vocab, selected=-1, sorted=False
        )

    def _allowed(self, token: int) -> bool:
        self._one[0].id = token
        self._one[0].logit = 1.0
        self._one[0].p = 0.0
        single = self.lib.llama_token_data_array(data=self._one, size=1, selected=-1, sorted=False)
        self.lib.llama_sampler_apply(self.grammar, ctypes.byref(single))
        return not math.isinf(self._one[0].logit)

    def sample(self, ctx: Any, idx: int = -1) -> int:
        """The next token at output `idx` of `ctx` (a LlamaContext), accepted by both samplers."""
        raw_ctx = ctx.ctx
        cur = self._candidates(raw_ctx, idx)
        self.lib.llama_sampler_apply(self.chain.sampler, ctypes.byref(cur))
        token = int(self._data[cur.selected].id)
        self.sampled += 1
        if not self._allowed(token):
            self.resampled += 1
            cur = self._candidates(raw_ctx, idx)
            self.lib.llama_sampler_apply(self.grammar, ctypes.byref(cur))
            self.lib.llama_sampler_apply(self.chain.sampler, ctypes.byref(cur))
            token = int(self._data[cur.selected].id)
        self.lib.llama_sampler_accept(self.grammar, token)
        self.lib.llama_sampler_accept(self.chain.sampler, token)
        return token

    def __del__(self) -> None:
        grammar, self.grammar = getattr(self, "grammar", None), None
        if grammar is not None:
            self.lib.llama_sampler_free(grammar)


def _token_data_dtype() -> Any:
    import numpy as np

    return np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)


def grammar_last_init_sampler(original: Callable[..., Any], lib: Any) -> Callable[..., Any]:
    """A replacement for `Llama._init_sampler` that keeps the grammar out of the chain."""

    def _init_sampler(self: Any, *args: Any, grammar: Any = None, **kwargs: Any) -> Any:
        chain = original(self, *args, grammar=None, **kwargs)
        if grammar is None:
            return chain
        sampler = lib.llama_sampler_init_grammar(
            self._model.vocab, grammar._grammar.encode("utf-8"), grammar._root.encode("utf-8")
        )
        if not sampler:
            raise ValueError("llama.cpp could not parse the request's grammar")
        return GrammarLastSampler(lib, chain, sampler, self._n_vocab)

    return _init_sampler


def with_prefix_states(original: Callable[..., Any], states: PrefixStates) -> Callable[..., Any]:
    """A replacement for `Llama.generate` that restores a stored prompt-prefix state before
    the prompt is evaluated and stores the prompt's state once it is, when it starts a new
    family (see prefix_states.py). Values sent into the generator are passed through."""

    def generate(self: Any, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
        tokens = list(tokens)
        new_family = states.before_prompt(self, tokens)
        inner = original(self, tokens, *args, **kwargs)
        try:
            value = next(inner)
            if new_family:
                states.save(self)
            while True:
                sent = yield value
                value = inner.send(sent)
        except StopIteration:
            return
        finally:
            inner.close()

    return generate


def patch(environ: Mapping[str, str] | None = None) -> bool:
    """Install `lean_eval`, the grammar-last sampler and (when `SUMMARIZER_PREFIX_STATES`
    names a folder) the prompt-prefix states, if llama-cpp-python is the version they fit."""
    import llama_cpp
    import llama_cpp.llama as llama_module

    if getattr(llama_cpp, "__version__", None) != PATCHED_VERSION:
        return False
    llama_module.Llama.eval = lean_eval  # type: ignore[method-assign]
    llama_module.Llama._init_sampler = grammar_last_init_sampler(  # type: ignore[method-assign]
        llama_module.Llama._init_sampler, llama_cpp
    )
    folder = (os.environ if environ is None else environ).get(ENV_VAR)
    if folder:
        states = PrefixStates(Path(folder), llama_cpp)
        llama_module.Llama.generate = with_prefix_states(  # type: ignore[method-assign]
            llama_module.Llama.generate, states
        )
    return True


def main() -> None:
    patched = patch()
    state = "on" if patched else "off"
    print(
        f"summarizer.llama_server: lean logits and grammar-last sampling {state}", file=sys.stderr
    )
    from llama_cpp.server.__main__ import main as server_main

    server_main()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
