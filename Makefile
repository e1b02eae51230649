# The two commands a new user needs:  make run   and   make test
SHELL := /bin/bash
ARTICLE ?= examples/articles/en_01_india_japan_dialogue.txt

.PHONY: setup run test test-fast lint cassettes eval eval-record schemas bench clean

setup:
	scripts/setup.sh

## Set everything up, then summarize a sample article with the embedded local model.
run: setup
	.venv/bin/summarizer summarize $(ARTICLE) --format md

## Set everything up, then run the whole test suite (offline; live tests use the local model).
test: setup
	.venv/bin/python -m pytest -q

test-fast:
	.venv/bin/python -m pytest -q -m "not live"

lint:
	.venv/bin/ruff check summarizer tests benchmarks
	.venv/bin/ruff format --check summarizer tests benchmarks
	.venv/bin/mypy

## Re-record the model cassettes from the real embedded local model (e2e seeds, then the
## whole gold set for the evaluation).
cassettes: setup
	SUMMARIZER_RECORD=1 .venv/bin/python -m pytest -q tests/test_e2e_seeds.py -p no:randomly
	.venv/bin/python benchmarks/eval_replay.py --record --out eval-report

## The evaluation report on the gold set, replayed from cassettes/eval (seconds, no model);
## an article without a cassette is recorded from the local model first.
eval: setup
	.venv/bin/python benchmarks/eval_replay.py --out eval-report

eval-record: setup
	.venv/bin/python benchmarks/eval_replay.py --record --out eval-report

schemas:
	.venv/bin/summarizer schema --write schemas/

bench: setup
	.venv/bin/python benchmarks/bench_local.py
	.venv/bin/python benchmarks/bench_batch.py
