#!/usr/bin/env bash
# Triage classifier benchmark: single-thread classifications per second, training time on 100,000
# synthetic appeals (labelled_train.csv resampled with light perturbation), model size.
# Usage: bench/triage.sh [COUNT] [--train FILE]     (COUNT defaults to 100000)
#        bench/triage.sh variants [--train FILE] [--unlabelled FILE]   (the CV table; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Minsheng.Bench.Triage -c Release -nologo -v quiet -clp:ErrorsOnly
bin=bench/Minsheng.Bench.Triage/bin/Release/net10.0/Minsheng.Bench.Triage.dll
shared=../shared/data/appeals
if [[ "${1:-}" == "variants" ]]; then
  shift
  if [[ $# -eq 0 ]]; then set -- --train "$shared/labelled_train.csv" --unlabelled "$shared/unlabelled_messages.csv"; fi
  exec dotnet "$bin" variants "$@"
fi
count=100000
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then count="$1"; shift; fi
exec dotnet "$bin" speed --count "$count" "$@"
