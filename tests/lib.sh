# Shared helpers for gavel's shell tests.  Each test sources this file.
set -u
: "${GAVEL:?GAVEL must name the gavel binary}"
: "${GAVEL_SRCDIR:?GAVEL_SRCDIR must name the source tree}"
export LC_ALL=C.UTF-8 NO_COLOR=1 GAVEL_DATADIR="$GAVEL_SRCDIR/data"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gavel-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# ok NAME: record a passing check.
ok() { passed=$((passed + 1)); echo "ok - $1"; }
# not_ok NAME DETAIL: record a failing check and say what differed.
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; printf '%s\n' "$2" | sed 's/^/#   /'; }

# run_gavel ARGS...: runs gavel, capturing stdout, stderr and the status.
run_gavel() {
  "$GAVEL" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
}

# expect_status NAME WANT: the last run's exit status.
expect_status() {
  if [ "$status" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit status $status, want $2; stderr: $(head -3 "$TMP/err")"; fi
}

# expect_out NAME PATTERN [FILE]: a line of stdout (or FILE) matches the grep -E pattern.
expect_out() {
  if grep -Eq -- "$2" "${3:-$TMP/out}"; then ok "$1"; else not_ok "$1" "no line matches /$2/ in: $(head -5 "${3:-$TMP/out}")"; fi
}

# expect_no_out NAME PATTERN [FILE]: no line matches.
expect_no_out() {
  if grep -Eq -- "$2" "${3:-$TMP/out}"; then not_ok "$1" "unexpected: $(grep -E -- "$2" "${3:-$TMP/out}" | head -3)"; else ok "$1"; fi
}

# finish: prints the summary line and exits with the right status.
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
