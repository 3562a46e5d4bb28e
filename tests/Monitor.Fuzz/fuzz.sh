#!/usr/bin/env bash
# Fuzzes one target with AFL++ for a while: builds tests/Monitor.Fuzz, instruments Monitor.Core.dll with SharpFuzz, runs
# afl-fuzz from the committed corpus and prints what it did. Exits 1 if AFL found a crash (each is replayed with its
# stack trace; add the file to corpus/TARGET once fixed). Works as root in a container.
#
#   tests/Monitor.Fuzz/fuzz.sh cloudtrail|envelope|access-log SECONDS
#
# Output goes to out/fuzz (FUZZ_WORK overrides): findings-TARGET/default/{queue,crashes,hangs,fuzzer_stats}.
set -euo pipefail

usage="usage: $0 cloudtrail|envelope|access-log SECONDS"
target=${1:?$usage}
seconds=${2:?$usage}
case "$target" in cloudtrail | envelope | access-log) ;; *) echo "$usage" >&2; exit 2 ;; esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "$usage" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${FUZZ_WORK:-$root/out/fuzz}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

# The instrumenting tool, the same version as the SharpFuzz package in Directory.Packages.props.
sharpfuzz=$work/tools/sharpfuzz
if [ ! -x "$sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

# One plain build (kept for replaying crashes with readable stack traces) and, per target, an instrumented copy.
# Only Monitor.Core.dll is instrumented: the readers and the decoder are what AFL should steer by.
dotnet publish "$here/Monitor.Fuzz.csproj" -c Release -o "$work/publish" --nologo -v quiet
bin=$work/bin-$target
rm -rf "$bin"
cp -r "$work/publish" "$bin"
"$sharpfuzz" "$bin/Monitor.Core.dll" >/dev/null

findings=$work/findings-$target
rm -rf "$findings"
log=$work/afl-$target.log
echo "fuzz $target: $seconds s of afl-fuzz (log: $log)"

# SKIP_BIN_CHECK: the target is 'dotnet', which carries no AFL instrumentation of its own (SharpFuzz's does the work).
# The fork server is SharpFuzz's out-of-process one; .NET start-up on a busy machine needs the long init timeout.
status=0
AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
  AFL_FORKSRV_INIT_TMOUT=120000 \
  afl-fuzz -V "$seconds" -i "$here/corpus/$target" -o "$findings" -x "$here/dictionaries/$target.dict" -t 10000 -m none \
  -- dotnet "$bin/Monitor.Fuzz.dll" "$target" >"$log" 2>&1 || status=$?

stats=$findings/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  echo "fuzz $target: afl-fuzz did not start (exit $status); the end of its log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi

stat() { awk -F: -v key="$1" '{ gsub(/ /, "", $1); gsub(/ /, "", $2) } $1 == key { print $2 }' "$stats"; }
execs=$(stat execs_done)
run_time=$(stat run_time)
paths=$(stat corpus_count)
crashes=$(stat saved_crashes)
hangs=$(stat saved_hangs)
rate=$((execs / (run_time > 0 ? run_time : 1)))
echo "fuzz $target: ${run_time}s, $execs execs ($rate/s), $paths paths, $crashes crashes, $hangs hangs"

shopt -s nullglob
found=("$findings"/default/crashes/id:*)
if [ "${#found[@]}" -gt 0 ]; then
  echo "fuzz $target: crashes found; replaying them (fix, then add each file to tests/Monitor.Fuzz/corpus/$target/):" >&2
  dotnet "$work/publish/Monitor.Fuzz.dll" "$target" "${found[@]}" >&2 || true
  exit 1
fi

if [ "$status" -ne 0 ]; then
  echo "fuzz $target: afl-fuzz exited with $status; the end of its log:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
