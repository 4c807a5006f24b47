#!/bin/sh
# gavel: rewrites (or, with --check, compares) the generated sections of the
# man page and the README: the key list between the KEYS markers, and the
# README's screen capture between the SCREEN markers.
# usage: update-keys.sh [--check] GEN_KEYS GAVEL SRCDIR
check=
if [ "$1" = --check ]; then check=1; shift; fi
gen=$1 gavel=$2 srcdir=$3
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
status=0

# replace FILE BEGIN END CONTENT_FILE: the lines strictly between the markers
replace() {
  file=$1 begin=$2 end=$3 content=$4
  if ! grep -qxF "$begin" "$file" || ! grep -qxF "$end" "$file"; then
    echo "$file: the markers '$begin' and '$end' are missing"
    status=1
    return
  fi
  B="$begin" E="$end" F="$content" awk '
    $0 == ENVIRON["B"] { print; while ((getline line < ENVIRON["F"]) > 0) print line; skip = 1; next }
    $0 == ENVIRON["E"] { skip = 0 }
    !skip { print }' "$file" >"$tmp/new"
  if [ -n "$check" ]; then
    if ! diff -u "$file" "$tmp/new"; then
      echo "$file is out of date with the action table: run make update-keys"
      status=1
    fi
  elif ! cmp -s "$file" "$tmp/new"; then
    cp "$tmp/new" "$file" && echo "updated $file"
  fi
}

"$gen" man >"$tmp/man" || exit 1
"$gen" markdown >"$tmp/md" || exit 1
{
  echo '```'
  LC_ALL=C.UTF-8 NO_COLOR= "$gavel" -C "$srcdir/data/corpus" --headless --size=120x32 \
    --keys='jj3hhhhhhmhh' || exit 1
  echo '```'
} >"$tmp/screen"
replace "$srcdir/man/gavel.1" '.\" BEGIN KEYS' '.\" END KEYS' "$tmp/man"
replace "$srcdir/README" '<!-- BEGIN KEYS -->' '<!-- END KEYS -->' "$tmp/md"
replace "$srcdir/README" '<!-- BEGIN SCREEN -->' '<!-- END SCREEN -->' "$tmp/screen"
exit $status
