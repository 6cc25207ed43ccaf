#!/usr/bin/env bash
# One entry point for a fresh machine. Usage:
#   bash run.sh site    set up (.venv) and build the site from models/ into site/
#   bash run.sh serve   set up and preview at http://127.0.0.1:8000
#   bash run.sh test    set up (with test tools, Chromium, axe-core, decap-server) and run ruff + pytest
#   bash run.sh test --quick   ruff + the tests that need no browser and are not slow (a developer's inner loop)
#   bash run.sh bench   set up and run the benchmark (see README, "Hiệu năng")
#   bash run.sh editor  set up (with decap-server) and try the web editor at http://127.0.0.1:8000/quan-tri/
#   bash run.sh check | new | build | source | add-update | schema | init ...   any mohinh command, from any terminal
set -euo pipefail
cd "$(dirname "$0")"
export NO_MKDOCS_2_WARNING=1
export PIP_DISABLE_PIP_VERSION_CHECK=1
PY=${PYTHON:-python3}

setup() {
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".$1"
}

need_test_programs() {
  # Chromium for the browser tests, LibreOffice to open a replication kit as an office suite would.
  if [ -x /usr/bin/chromium ] && command -v soffice >/dev/null; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Cài Chromium và LibreOffice Writer (gói Debian) cho kiểm thử..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libreoffice-writer-nogui >/dev/null
  else
    echo "Cần Chromium (/usr/bin/chromium) và LibreOffice cho kiểm thử: sudo apt-get install chromium libreoffice-writer-nogui" >&2
  fi
}

case "${1:-}" in
  site)
    setup ""
    .venv/bin/mohinh build "${@:2}"
    echo "Xem trước: bash run.sh serve  (hoặc mở site/index.html qua một máy chủ tĩnh)"
    ;;
  serve)
    setup ""
    exec .venv/bin/mohinh serve "${@:2}"
    ;;
  test)
    setup "[test]"
    if [ "${2:-}" = "--quick" ]; then
      .venv/bin/ruff check scripts tests
      exec .venv/bin/python -m pytest -q -m "not browser and not slow" "${@:3}"
    fi
    need_test_programs
    npm ci --prefix tests/axe --no-audit --no-fund --loglevel=error >/dev/null
    npm ci --prefix tests/cms --no-audit --no-fund --loglevel=error >/dev/null  # decap-server, yaml: the editor's tests
    .venv/bin/ruff check scripts tests
    .venv/bin/python -m pytest "${@:2}"
    ;;
  editor)
    setup ""
    command -v npm >/dev/null || { echo "Cần Node.js và npm cho trình soạn thảo: sudo apt-get install nodejs npm" >&2; exit 1; }
    npm ci --prefix tests/cms --no-audit --no-fund --loglevel=error >/dev/null  # decap-server, the local git backend
    exec .venv/bin/mohinh editor "${@:2}"
    ;;
  check|new|build|source|add-update|schema|init|mohinh)
    # Any mohinh command, in a terminal where .venv is not activated: bash run.sh check, bash run.sh new "..." --province "..."
    [ -x .venv/bin/mohinh ] || setup ""
    [ "$1" = mohinh ] && shift
    exec .venv/bin/mohinh "$@"
    ;;
  bench)
    setup "[test]"
    .venv/bin/python scripts/bench/bench.py "${@:2}"
    ;;
  *)
    sed -n '2,9p' "$0"
    exit 2
    ;;
esac
