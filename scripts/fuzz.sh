#!/usr/bin/env bash
# `npm run fuzz`: builds the libFuzzer targets with ASan/UBSan and runs each for a bounded time
# (FUZZ_SECONDS, default 60) starting from tests/fuzz/corpus/<target>. Crashing inputs land in
# build/fuzz/findings/<target>/; copy each into the corpus with its fix, so that the ordinary
# native build replays it as a regression test from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=$(sed -n 's/^set(CALLSESSION_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)

bash scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target $(printf 'fuzz_%s ' $targets)

status=0
for target in $targets; do
  work=build/fuzz/corpus-work/$target findings=build/fuzz/findings/$target
  mkdir -p "$work" "$findings"
  echo "== fuzz_$target for ${seconds}s"
  if ! "build/fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=8192 \
      -artifact_prefix="$findings/" -print_final_stats=1 "$work" "tests/fuzz/corpus/$target" \
      2>"build/fuzz/$target.log"; then
    echo "fuzz_$target FOUND A CRASH: see build/fuzz/$target.log and $findings/"
    status=1
  fi
  grep -E "stat::number_of_executed_units|cov:" "build/fuzz/$target.log" | tail -2
done
exit $status
