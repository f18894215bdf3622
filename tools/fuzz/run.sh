#!/usr/bin/env bash
# Fuzzes kb's readers with afl-fuzz through SharpFuzz.
#   tools/fuzz/run.sh SECONDS [TARGET...]     each target for SECONDS (default targets: all four)
# CI runs every target for a few seconds; a long run is e.g.  tools/fuzz/run.sh 3600 archive
# The random seed is fixed (FUZZ_SEED, default 1) so that short runs vary less. Findings go to .fuzz/TARGET/ (default/crashes, default/hangs); a crash is replayed in-process
# with its message, and the script exits 1. Needs afl++ (Debian package afl++; installed if
# missing and running as root) and the sharpfuzz tool from .config/dotnet-tools.json.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: tools/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(logs resources archive rules)
out=${FUZZ_OUT:-.fuzz}

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz: afl-fuzz not found; installing the Debian package afl++" >&2
  { apt-get update -qq && apt-get install -y -qq afl++ >/dev/null; } || { echo "fuzz: cannot install afl++"; exit 1; }
fi
dotnet tool restore >/dev/null || { echo "fuzz: dotnet tool restore failed"; exit 1; }

# A Release build of the harness (the one .ci/run just built, or a fresh one), copied so that
# instrumenting the engine assembly for afl's coverage map leaves the build itself alone.
rm -rf "$out/bin"
mkdir -p "$out"
built=tools/fuzz/bin/Release/net10.0
rm -rf "$out/plain"
if [ -f "$built/kb-fuzz.dll" ] && [ "${FUZZ_REBUILD:-0}" = 0 ]; then
  cp -r "$built" "$out/plain"
else
  dotnet publish tools/fuzz -c Release -o "$out/plain" >"$out/publish.log" 2>&1 || { echo "fuzz: publish failed"; tail -n 20 "$out/publish.log"; exit 1; }
fi
# Crashes are replayed on the plain copy: instrumented code needs afl's shared memory to run.
cp -r "$out/plain" "$out/bin"
dotnet sharpfuzz "$out/bin/KnowledgeEngine.dll" >/dev/null || { echo "fuzz: sharpfuzz could not instrument KnowledgeEngine.dll"; exit 1; }

status=0
for target in "${targets[@]}"; do
  rm -rf "${out:?}/$target"
  # dotnet is not built for afl, so its binary check is skipped; the engine dll carries the coverage.
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
    timeout $((seconds + 120)) afl-fuzz -V "$seconds" -s "${FUZZ_SEED:-1}" -t 10000 -m none -i "tests/fuzz/$target" -o "$out/$target" \
    -- dotnet "$out/bin/kb-fuzz.dll" "$target" >"$out/$target.log" 2>&1
  stats="$out/$target/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "fuzz $target: afl-fuzz did not start:"; tail -n 15 "$out/$target.log"; status=1; continue
  fi
  value() { sed -n "s/^$1 *: *//p" "$stats"; }
  crashes=$(value saved_crashes); hangs=$(value saved_hangs)
  echo "fuzz $target: ${seconds} s, $(value execs_done) runs, $(value corpus_count) paths, ${crashes:-?} crashes, ${hangs:-?} hangs"
  if [ "${crashes:-0}" != "0" ]; then
    dotnet "$out/plain/kb-fuzz.dll" "$target" "$out/$target/default/crashes" || true
    status=1
  fi
done
exit $status
