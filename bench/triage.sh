#!/usr/bin/env bash
# Triage classifier benchmark: single-thread classifications per second, training time on 100,000
# synthetic appeals (labelled_train.csv resampled with light perturbation), model size.
# Usage: bench/triage.sh [COUNT] [--train FILE] [--taxonomy FILE]     (COUNT defaults to 100000)
#        bench/triage.sh variants [--train FILE] [--unlabelled FILE] [--replies FILE] [--taxonomy FILE] [--only TEXT]
#          (the CV table, 25 paired folds per row; about half an hour on a busy shared host — --only picks rows)
# Without --taxonomy the shared category_taxonomy.csv is used when present (the product's default matches its terms).
# Pin it to one core for speed figures: taskset -c 0 bench/triage.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Minsheng.Bench.Triage -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench.Triage/bin/Release/net10.0/Minsheng.Bench.Triage.dll
shared=../shared/data/appeals
if [[ "${1:-}" == "variants" ]]; then
  shift
  [[ " $* " == *" --train "* ]] || set -- "$@" --train "$shared/labelled_train.csv"
  [[ " $* " == *" --unlabelled "* ]] || set -- "$@" --unlabelled "$shared/unlabelled_messages.csv"
  [[ " $* " == *" --replies "* ]] || set -- "$@" --replies "$shared/messages_with_replies.csv"
  [[ " $* " == *" --taxonomy "* ]] || set -- "$@" --taxonomy "$shared/category_taxonomy.csv"
  exec dotnet "$bin" variants "$@"
fi
count=100000
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then count="$1"; shift; fi
if [[ " $* " != *" --taxonomy "* && -f "$shared/category_taxonomy.csv" ]]; then set -- "$@" --taxonomy "$shared/category_taxonomy.csv"; fi
exec dotnet "$bin" speed --count "$count" "$@"
