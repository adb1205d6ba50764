#!/bin/sh
# make install honours DESTDIR and PREFIX, the installed program runs from
# anywhere, and make uninstall removes what install put there.
set -eu
cd "$(dirname "$0")/../.."
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
make -s install BUILD="$BUILD" DESTDIR="$dest" PREFIX=/opt/mapa >/dev/null
test -x "$dest/opt/mapa/bin/mapa"
(cd / && "$dest/opt/mapa/bin/mapa" version) | grep -q '^mapa '
make -s uninstall BUILD="$BUILD" DESTDIR="$dest" PREFIX=/opt/mapa >/dev/null
test ! -e "$dest/opt/mapa/bin/mapa"
test ! -e "$dest/opt/mapa/share/mapa"
