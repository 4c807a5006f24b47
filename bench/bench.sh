#!/bin/sh
# gavel benchmark: generates corpora 1, 10, 100 and 1,000 times the bundled
# one under bench/out/ and prints load, memory and search figures for each,
# next to grep -ri and rg -i over the same files.  Installs nothing.
#   bench.sh SRCDIR BUILDDIR [FACTORS]
set -e
srcdir=$1
builddir=$2
factors=${3:-1 10 100 1000}
out=$builddir/bench/out
mkdir -p "$out"
echo "search benchmark: load = parse + index build; memory = peak RSS / corpus bytes;"
echo "latency over $(echo 12) queries x 41 runs; grep/rg: median over the same queries (one run each)"
printf '%-6s %8s %7s %7s %8s %8s %7s %8s %8s %8s  %10s  %s\n' corpus MB load_s index_s 'MB/s' \
  'RSS/B' 'idx/B' 'med_ms' 'p99_ms' 'worst99' 'grep -ri' 'rg -i'
for n in $factors; do
  dir=$out/x$n
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    "$builddir/bench/gen_corpus" "$srcdir/data/corpus" "$dir" "$n"
    touch "$dir/.done"
  fi
  "$builddir/bench/bench_search" "x$n" "$dir"
done
