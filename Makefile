# Two entry points (see README):
#   make run   - set up, build the graph from the sample articles, serve endpoint + page
#   make test  - set up and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
STORE  ?= data/store
SHARED ?= ../shared
SAMPLES ?= $(SHARED)/corpus eval/dev/corpus
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: install run ingest serve test browser bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(STAMP)

ingest: install
	$(BIN)/kg ingest $(SAMPLES) --store $(STORE)

serve: install
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

run: ingest serve

# The query page is tested in a real headless Chromium (Debian packages).
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "need chromium and chromium-driver (apt-get install chromium chromium-driver)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

test: install browser
	KG_SHARED=$(SHARED) $(BIN)/python -m pytest -q -p no:cacheprovider

# Extraction scores on every gold set: the shared sample, the tuning sets, then the
# held-out split and the two blind sets (never tuned on; see eval/*/README.md).
EVAL_SETS ?= eval/dev:tune eval/tune2:all eval/tune3:all eval/tune4:all eval/tune5:all eval/tune6:all eval/tune7:all eval/tune8:all eval/tune9:all eval/tune10:all eval/tune11:all eval/tune12:all eval/tune13:all eval/tune14:all eval/tune15:all eval/tune16:all eval/tune17:all eval/tune18:all eval/tune19:all eval/tune20:all eval/tune21:all eval/tune22:all eval/tune23:all eval/tune24:all eval/tune25:all eval/tune26:all eval/tune27:all eval/tune28:all eval/tune29:all eval/tune30:all eval/tune31:all eval/tune32:all eval/tune33:all eval/dev:heldout eval/fresh:all eval/fresh2:all eval/fresh3:all
eval: install
	@echo "set                   relation         tp   fp   fn       P       R      F1"
	@printf '%-22s' "shared sample"; $(BIN)/kg eval $(SHARED)/eval --corpus $(SHARED)/corpus | grep '^overall'
	@for s in $(EVAL_SETS); do printf '%-22s' "$$s"; $(BIN)/kg eval $${s%%:*} --split $${s##*:} | grep '^overall'; done

bench: install
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/endpoint_bench.py

clean:
	rm -rf $(VENV) data build *.egg-info
