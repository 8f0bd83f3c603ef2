#!/usr/bin/env bash
# The Python package's tests, as .ci/run runs them: a virtual environment
# (made here, in target/python-venv, from requirements-ci.txt), the package
# installed the way the README says (`pip install ./python`, built with the
# dev profile so that it reuses the workspace's compiled crates), then pytest
# against the `extract` binary that `cargo test` built.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r python/requirements-ci.txt
# A wheel in dev profile; a user's `pip install ./python` builds --release.
MATURIN_PEP517_ARGS="--profile dev" \
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./python
cargo build -q -p fiscal-extract-cli --bin extract
export FISCAL_EXTRACT_CLI="${CARGO_TARGET_DIR:-target}/debug/extract"
# From the tests' folder, so that `import fiscal_extract` is the installed
# package, not the source folder beside it.
cd python/tests
"../../$venv/bin/python" -m pytest -q -p no:cacheprovider .
