#!/bin/sh
# Installs the Debian 12 packages that building, rendering and testing mapa need.
# Idempotent: when every package is present (and the cs_CZ.UTF-8 locale exists) it does
# nothing and prints nothing. Needs root or sudo only when something is missing.
set -eu

# One package a line in the heredoc below; keep it sorted.
PACKAGES=$(cat <<'LIST'
clang-14
fontconfig
gcc
gnumeric
hyphen-cs
libcairo2-dev
libclang-rt-14-dev
libfontconfig-dev
libhyphen-dev
libicu-dev
libpango1.0-dev
libqpdf-dev
libqrencode-dev
librsvg2-dev
libxlsxwriter-dev
libyaml-dev
locales
make
perl
pkg-config
poppler-utils
python3
python3-jsonschema
python3-openpyxl
qpdf
strace
time
valgrind
zbar-tools
zlib1g-dev
LIST
)

missing=""
for p in $PACKAGES; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"
	elif command -v sudo >/dev/null 2>&1; then sudo "$@"
	else
		echo "mapa: need root or sudo to run: $*" >&2
		exit 1
	fi
}

if [ -n "$missing" ]; then
	echo "mapa: installing missing Debian packages:$missing" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
fi

# The test suite also runs under the Czech locale; generate it once.
if ! locale -a 2>/dev/null | grep -qi '^cs_CZ\.utf-\?8$'; then
	echo "mapa: generating the cs_CZ.UTF-8 locale" >&2
	if ! grep -q '^cs_CZ.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
		echo 'cs_CZ.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
	fi
	as_root locale-gen >/dev/null
fi
