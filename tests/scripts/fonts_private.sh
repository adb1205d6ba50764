#!/bin/sh
# Output never depends on the machine's fonts: checking an edition (which
# loads its layout and the fonts of fonts/) and rendering its PDF open the
# bundled font files and
# nothing of the system's fontconfig set-up — no /etc/fonts, no font or
# cache directories. Also: the bundled fonts carry their licences and stay
# small.
set -eu
cd "$(dirname "$0")/../.."
command -v strace >/dev/null || { echo "strace is not installed (.ci/deps.sh)"; exit 1; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# LeakSanitizer cannot run under ptrace: a sanitizer build checks leaks in
# the other tests.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -o "$log" -e trace=%file \
    "$MAPA" check --quiet samples/kromeriz/edice.yaml >/dev/null
# Rendering too: Pango and cairo's PDF fonts see only the private set.
pdf=$(mktemp)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -o "$log.render" -e trace=%file \
    "$MAPA" render --pdf="$pdf" samples/kromeriz/edice.yaml >/dev/null
cat "$log.render" >> "$log"
rm -f "$pdf" "$log.render"
status=0
if grep -E '"(/usr/share/fonts|/usr/local/share/fonts|/etc/fonts|/var/cache/fontconfig|[^"]*/\.fonts|[^"]*/\.cache/fontconfig|[^"]*/\.config/fontconfig|[^"]*/\.local/share/fonts)' "$log"; then
	echo "FAIL: mapa looked at the system's fonts or fontconfig files"
	status=1
fi
# The test can fail the other way too: the bundled fonts were really read.
for f in CharisSIL-Regular.ttf Andika-Bold.ttf; do
	if ! grep -q "fonts/$f\"" "$log"; then
		echo "FAIL: fonts/$f was not opened"
		status=1
	fi
done
grep -q 'layouts/a5-brochure.yaml"' "$log" ||
	{ echo "FAIL: the edition's layout was not read"; status=1; }

# Every font file has its licence beside it, and fonts/ stays small.
for f in fonts/*.ttf fonts/*.otf; do
	[ -e "$f" ] || continue
	case $(basename "$f") in
	CharisSIL-*) lic=fonts/OFL-charis.txt ;;
	Andika-*) lic=fonts/OFL-andika.txt ;;
	*) echo "FAIL: $f has no licence listed in this test"; status=1; continue ;;
	esac
	grep -q 'SIL OPEN FONT LICENSE Version 1.1' "$lic" ||
		{ echo "FAIL: $lic is not the OFL"; status=1; }
done
kb=$(du -sk fonts | cut -f1)
[ "$kb" -le 5632 ] || { echo "FAIL: fonts/ is $kb KB (keep it under ~5 MB)"; status=1; }
exit $status
