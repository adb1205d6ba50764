#!/bin/sh
# The accessible reader PDF (issue 5): the sample brochure in each of the
# three layouts passes tests/pdf/uacheck.py (the machine-checkable part of
# PDF/UA-1) and qpdf --check, embeds real fonts (no Type 3), extracts to
# clean Czech text (no soft hyphens), and is byte-identical on a second run
# and under a Czech locale. Then the checker itself is shown to catch each
# kind of fault: copies of the finished file with one thing broken (a
# heading level skipped, a Figure's /Alt, a page's /Tabs, an artifact
# unmarked, /Lang, the pdfuaid part, a link's /Contents) must fail it.
# (That it fails on Cairo's own output, before post-processing, is shown by
# tests/unit/test_pdfpost.c.)
set -u
: "${MAPA:?run through tests/run.sh}"
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
fail() { echo "FAIL: $*"; status=1; }

for l in a5-brochure a4-directory large-print; do
	pdf=$tmp/$l.pdf
	if ! $MAPA render --layout=$l --pdf="$pdf" samples/kromeriz/edice.yaml \
	    > "$tmp/$l.log" 2>&1; then
		cat "$tmp/$l.log"
		fail "$l: render failed"
		continue
	fi
	$PY tests/pdf/uacheck.py "$pdf" > "$tmp/$l.ua" 2>&1 ||
	    { cat "$tmp/$l.ua"; fail "$l: uacheck"; }
	qpdf --check "$pdf" > "$tmp/$l.qpdf" 2>&1 ||
	    { tail -n 5 "$tmp/$l.qpdf"; fail "$l: qpdf --check"; }
	pdffonts "$pdf" > "$tmp/$l.fonts" 2>&1 || fail "$l: pdffonts"
	grep -q 'Type 3' "$tmp/$l.fonts" && fail "$l: a Type 3 font"
	# every font: emb sub uni = yes yes yes
	awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-2) != "yes") { bad = 1 }
	    END { exit bad }' "$tmp/$l.fonts" || fail "$l: a font not embedded or without ToUnicode"
	pdftotext "$pdf" "$tmp/$l.txt" || fail "$l: pdftotext"
	grep -q "$(printf '\302\255')" "$tmp/$l.txt" && fail "$l: soft hyphens in the text"
	for w in 'Pečovatelská služba Kroměříž' 'Rozcestník podle životních situací' \
	    'Krizové linky a tísňová volání' 'Úřady a instituce'; do
		grep -q "$w" "$tmp/$l.txt" || fail "$l: \"$w\" not in the text"
	done
	$MAPA render --layout=$l --pdf="$tmp/$l.2.pdf" \
	    samples/kromeriz/edice.yaml > /dev/null 2>&1
	cmp -s "$pdf" "$tmp/$l.2.pdf" || fail "$l: a second run differs"
	LC_ALL=cs_CZ.UTF-8 $MAPA render --layout=$l --pdf="$tmp/$l.cs.pdf" \
	    samples/kromeriz/edice.yaml > /dev/null 2>&1
	cmp -s "$pdf" "$tmp/$l.cs.pdf" || fail "$l: differs under cs_CZ.UTF-8"
done

# The checker catches each fault. The file is unpacked (qpdf --qdf, no
# object streams), one thing is changed without changing its length, and
# fix-qdf repairs the offsets.
pdf=$tmp/a5-brochure.pdf
[ -f "$pdf" ] || { echo "FAIL: no sample PDF"; exit 1; }
qpdf --qdf --object-streams=disable "$pdf" "$tmp/q.pdf" ||
    { fail "qpdf --qdf"; exit 1; }
$PY tests/pdf/uacheck.py "$tmp/q.pdf" > /dev/null 2>&1 ||
    fail "the unpacked file should still pass"

# mutate NAME CODE OLD NEW: replaces the first OLD (bytes) by NEW (same
# length) and expects uacheck to report CODE.
mutate() {
	$PY - "$tmp/q.pdf" "$tmp/m-$1.pdf" "$3" "$4" <<'EOF'
import sys
src, dst, old, new = sys.argv[1], sys.argv[2], sys.argv[3].encode(), sys.argv[4].encode()
assert len(old) == len(new)
d = open(src, "rb").read()
i = d.find(old)
if i < 0:
    sys.exit("not found: %r" % old)
open(dst, "wb").write(d[:i] + new + d[i + len(old):])
EOF
	[ $? -eq 0 ] || { fail "mutation $1 not made"; return; }
	fix-qdf "$tmp/m-$1.pdf" > "$tmp/m-$1.fixed.pdf" 2>/dev/null
	out=$($PY tests/pdf/uacheck.py "$tmp/m-$1.fixed.pdf" 2>&1)
	st=$?
	[ $st -eq 1 ] || fail "mutation $1: uacheck exit $st, want 1"
	printf '%s\n' "$out" | grep -q "FAIL \[$2\]" ||
	    { printf '%s\n' "$out"; fail "mutation $1: [$2] not reported"; }
}
mutate heading 14-003 '/S /H2' '/S /H4'
mutate alt 13-004 '/Alt ' '/Alx '
mutate tabs 28-010 '/Tabs /S' '/Tabz /S'
mutate artifact 01-005 '/Artifact BMC' '/Artifacx BMC'
mutate lang 11-001 '/Lang ' '/Lanx '
mutate pdfuaid 06-002 '<pdfuaid:part>1<' '<pdfuaid:part>2<'
mutate title 07-001 '/DisplayDocTitle true' '/DisplayDocTitlx true'
mutate contents 28-004 '/Contents (' '/Contentx ('
mutate marked 01-001 '/Marked true' '/Markex true'
exit $status
