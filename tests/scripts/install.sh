#!/bin/sh
# make install honours DESTDIR and PREFIX, the installed program runs from
# anywhere and finds its layouts and fonts in its own data directory (not in
# the checkout), and make uninstall removes what install put there.
set -eu
cd "$(dirname "$0")/../.."
top=$(pwd)
dest=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$dest" "$work"' EXIT
# -o all: install the binary under test as it is, never rebuild it here
# (another CFLAGS would relink a sanitizer build without its runtime).
make -s -o all install BUILD="$BUILD" DESTDIR="$dest" PREFIX=/opt/mapa >/dev/null
bin="$dest/opt/mapa/bin/mapa"
data="$dest/opt/mapa/share/mapa"
test -x "$bin"
(cd / && "$bin" version) | grep -q '^mapa '
test -f "$data/layouts/a5-brochure.yaml"
test -f "$data/fonts/CharisSIL-Regular.ttf"
test -f "$data/fonts/OFL-charis.txt"

# A copy of the sample edition, checked from another directory: its layout
# (a5-brochure) and the fonts come from the installed data directory.
cp -R samples/kromeriz "$work/ed"
(cd "$work" && "$bin" check --strict ed/edice.yaml) > "$work/out" 2>&1 ||
	{ cat "$work/out"; echo "FAIL: the installed mapa does not check the sample"; exit 1; }
tail -n 1 "$work/out" | grep -q '^mapa: no problems found$'

# The layouts it lists are the installed ones: remove one and ask for it.
sed 's/^rozvrzeni: .*/rozvrzeni: large-print/' "$work/ed/edice.yaml" > "$work/ed/lp.yaml"
(cd "$work" && "$bin" check --quiet ed/lp.yaml) > "$work/out" 2>&1 ||
	{ cat "$work/out"; echo "FAIL: large-print is not found"; exit 1; }
rm "$data/layouts/large-print.yaml"
if (cd "$work" && "$bin" check ed/lp.yaml) > "$work/out" 2>&1; then
	echo "FAIL: a removed layout was still found (in the checkout?)"; exit 1
fi
grep -q 'no layout „large-print“.*the layouts are a4-directory and a5-brochure' "$work/out" ||
	{ cat "$work/out"; echo "FAIL: wrong message for a missing layout"; exit 1; }

# The installed layouts check clean with the installed fonts; without fonts
# the failure is reported, and MAPA_DATADIR points elsewhere.
(cd "$work" && "$bin" check --strict "$data"/layouts/*.yaml) > "$work/out" 2>&1 ||
	{ cat "$work/out"; echo "FAIL: installed layouts"; exit 1; }
mv "$data/fonts" "$data/fonts.away"
if (cd "$work" && "$bin" check ed/edice.yaml) > "$work/out" 2>&1; then
	echo "FAIL: no fonts, yet no error"; exit 1
fi
grep -q 'error: cannot open the fonts directory .*/opt/mapa/share/mapa/fonts' "$work/out" ||
	{ cat "$work/out"; echo "FAIL: missing fonts not reported"; exit 1; }
(cd "$work" && MAPA_DATADIR="$top" "$bin" check --strict ed/edice.yaml) > "$work/out" 2>&1 ||
	{ cat "$work/out"; echo "FAIL: MAPA_DATADIR is not used"; exit 1; }
mv "$data/fonts.away" "$data/fonts"

make -s uninstall BUILD="$BUILD" DESTDIR="$dest" PREFIX=/opt/mapa >/dev/null
test ! -e "$dest/opt/mapa/bin/mapa"
test ! -e "$dest/opt/mapa/share/mapa"
