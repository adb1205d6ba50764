#!/bin/sh
# Test driver for mapa.
#
#	tests/run.sh BUILD [all|nofuzz|unit|regress|scripts|fuzz|regen] [AREA]
#
# AREA limits regress and regen to tests/regress/AREA/ (e.g. "validate").
# unit     runs BUILD/tests/test_* (C unit tests; each reports its own counts)
# regress  runs every golden case under tests/regress/<area>/: an input file
#          NAME.json|.csv|.yaml|.yml with the expected output NAME.out_lint
#          (stdout+stderr of `mapa check` and the exit status), optional
#          NAME.args (extra arguments, one line) and NAME.out_model (output of
#          `mapa dump NAME...`). Each case runs under LC_ALL=C.UTF-8 and again
#          under cs_CZ.UTF-8, which must give the same output.
# scripts  runs tests/scripts/*.sh (each exits 0 on success); they get MAPA
#          (the binary) and BUILD in the environment
# fuzz     runs each build-fuzz/fuzz_* for $FUZZ_SECONDS (default 5) on its seed
#          corpus tests/fuzz/corpus/fuzz_*
# regen    rewrites the expected .out_* files from the current binary; read
#          the diff (git diff tests/) before committing it
#
# $VALGRIND, when set, is put in front of every program run.
# The last line is "N passed, M failed"; the exit status is 0 iff M is 0.
set -u
BUILD=${1:?usage: tests/run.sh BUILD [all|unit|regress|scripts|fuzz|regen]}
MODE=${2:-all}
AREA=${3:-*}
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 2
MAPA="$TOP/$BUILD/mapa"
VALGRIND=${VALGRIND:-}
export MAPA BUILD VALGRIND
export TZ=UTC SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800}
export LC_ALL=C.UTF-8

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

run_unit() {
	for t in "$BUILD"/tests/test_*; do
		[ -x "$t" ] || continue
		out=$($VALGRIND "$t" 2>&1)
		st=$?
		line=$(printf '%s\n' "$out" | tail -n 1)
		p=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
		f=$(printf '%s\n' "$line" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
		if [ -z "$p" ]; then
			printf '%s\n' "$out" | tail -n 20
			fail "$t crashed or printed no summary (exit $st)"
			continue
		fi
		passed=$((passed + p))
		failed=$((failed + f))
		if [ "$st" -ne 0 ] || [ "$f" -ne 0 ]; then
			printf '%s\n' "$out" | grep -v ' passed, ' | head -n 40
			[ "$f" -ne 0 ] || fail "$t exited $st"
		fi
	done
}

# Runs one mapa command and records its output and exit status.
# usage: capture OUTFILE args...
capture() {
	o=$1
	shift
	$VALGRIND "$MAPA" "$@" > "$o" 2>&1
	echo "exit: $?" >> "$o"
}

# usage: check_case EXPECTED mapa-args...
check_case() {
	exp=$1
	shift
	got="$tmp/got"
	capture "$got" "$@"
	if [ "$MODE" = regen ]; then
		cp "$got" "$exp"
		pass
		return
	fi
	if diff -u "$exp" "$got" > "$tmp/diff"; then
		# The same run under the Czech locale must not differ.
		LC_ALL=cs_CZ.UTF-8 capture "$tmp/got-cs" "$@"
		if cmp -s "$got" "$tmp/got-cs"; then
			pass
		else
			diff -u "$got" "$tmp/got-cs" | head -n 20
			fail "$exp differs under LC_ALL=cs_CZ.UTF-8"
		fi
	else
		head -n 60 "$tmp/diff"
		fail "$exp"
	fi
}

run_regress() {
	for input in tests/regress/$AREA/*; do
		case "$input" in
		*.json|*.csv|*.yaml|*.yml|*.txt) ;;
		*) continue ;;
		esac
		base=${input%.*}
		args=""
		[ -f "$base.args" ] && args=$(cat "$base.args")
		has=0
		if [ -f "$base.out_lint" ]; then
			# shellcheck disable=SC2086
			check_case "$base.out_lint" check $args "$input"
			has=1
		fi
		if [ -f "$base.out_model" ]; then
			# shellcheck disable=SC2086
			check_case "$base.out_model" dump $args "$input"
			has=1
		fi
		if [ $has -eq 0 ] && [ "$MODE" = regen ]; then
			# shellcheck disable=SC2086
			check_case "$base.out_lint" check $args "$input"
		fi
	done
}

run_scripts() {
	for s in tests/scripts/*.sh; do
		[ -f "$s" ] || continue
		if sh "$s" > "$tmp/script.out" 2>&1; then
			pass
		else
			tail -n 30 "$tmp/script.out"
			fail "$s"
		fi
	done
}

run_fuzz() {
	secs=${FUZZ_SECONDS:-5}
	for f in build-fuzz/fuzz_*; do
		[ -x "$f" ] || continue
		n=$(basename "$f")
		mkdir -p "$tmp/corpus-$n"
		if "$f" -max_total_time="$secs" -print_final_stats=0 \
		    "$tmp/corpus-$n" "tests/fuzz/corpus/$n" > "$tmp/fuzz.out" 2>&1; then
			pass
		else
			tail -n 40 "$tmp/fuzz.out"
			fail "fuzzer $n found a crash"
		fi
	done
}

case "$MODE" in
all)		run_unit; run_regress; run_scripts
		[ -n "$VALGRIND" ] || run_fuzz ;;
nofuzz)		run_unit; run_regress; run_scripts ;;
unit)		run_unit ;;
regress|regen)	run_regress ;;
scripts)	run_scripts ;;
fuzz)		run_fuzz ;;
*)		echo "usage: tests/run.sh BUILD [all|nofuzz|unit|regress|scripts|fuzz|regen] [AREA]" >&2
		exit 2 ;;
esac

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
