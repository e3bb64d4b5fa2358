# Every target creates .venv when it is missing and installs the package with what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS := corpus/out
PY_SOURCES := src tests corpus rules setup.py

.PHONY: test fuzz demo bench corpus eval lint format clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)
	$(BIN)/ruff format --check $(PY_SOURCES)
	$(BIN)/pytest

# 1,000 mutated corpus PDFs audited in batches of 100 (the suite runs 100).
fuzz: $(STAMP)
	LKJIP_FUZZ_MUTATIONS=1000 $(BIN)/pytest tests/test_fuzz.py -s

demo: $(STAMP)
	$(BIN)/python -m corpus.demo --out $(CORPUS)/demo
	mkdir -p reports
	$(BIN)/lkjip-audit check $(CORPUS)/demo --fail-on never
	$(BIN)/lkjip-audit check $(CORPUS)/demo --fail-on never --format json --output reports/demo.json
	$(BIN)/lkjip-audit check $(CORPUS)/demo --fail-on never --format html --output reports/demo.html
	@echo "Reports: reports/demo.json, reports/demo.html"

corpus: $(STAMP)
	$(BIN)/python -m corpus.generate --out $(CORPUS)

eval: corpus
	$(BIN)/lkjip-audit eval $(CORPUS)/rekap_truth.json --rekap $(CORPUS)/rekap.pdf
	$(BIN)/python -m corpus.seed_pdf --out $(CORPUS)/seed.pdf
	$(BIN)/lkjip-audit eval corpus/truth/seed.json --documents $(CORPUS)

bench: $(STAMP)
	$(BIN)/python tests/bench/bench_check.py

lint: $(STAMP)
	$(BIN)/ruff check $(PY_SOURCES)

format: $(STAMP)
	$(BIN)/ruff format $(PY_SOURCES)

clean:
	rm -rf $(VENV) $(CORPUS) .pytest_cache .ruff_cache
