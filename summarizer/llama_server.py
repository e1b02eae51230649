"""Entry point of the embedded model's server process: llama-cpp-python's OpenAI-compatible
server, with one measured fix to how it keeps logits.

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
copies them into ``scores``. It is applied only to the exact llama-cpp-python version it was
written against; any other version runs unpatched.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

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


def patch() -> bool:
    """Install `lean_eval` if the installed llama-cpp-python is the version it fits."""
    import llama_cpp
    import llama_cpp.llama as llama_module

    if getattr(llama_cpp, "__version__", None) != PATCHED_VERSION:
        return False
    llama_module.Llama.eval = lean_eval  # type: ignore[method-assign]
    return True


def main() -> None:
    patched = patch()
    print(f"summarizer.llama_server: lean logits {'on' if patched else 'off'}", file=sys.stderr)
    from llama_cpp.server.__main__ import main as server_main

    server_main()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    main()
