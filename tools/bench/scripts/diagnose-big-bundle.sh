#!/usr/bin/env bash
# Times `kb diagnose` end to end on a big Cloudpods bundle (the README example plus a generated host
# log of SIZE_MB megabytes) against `grep -r -c -F -f` with 20 literals of the built-in rules on the
# same bundle, in the same run, with peak memory; ripgrep too when it is installed. Usage:
#   tools/bench/scripts/diagnose-big-bundle.sh SIZE_MB KB [BASELINE_KB]
# KB and BASELINE_KB are published kb executables (dotnet publish tools/kb -c Release -o DIR).
set -euo pipefail
size_mb=$1; kb=$2; baseline=${3:-}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/kb-big-XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/rules/cloudpods/examples/host-mac-changed/fires" "$work/bundle"
log="$work/bundle/logs/default-host-big01/host.log"
mkdir -p "$(dirname "$log")"
# Routine host-service lines in the host log's own format (klog-like prefix, Go function, message):
# none holds a rule's literal, as in a healthy stretch of a real log.
awk -v limit=$((size_mb * 1000000)) 'BEGIN {
  split("hostinfo.(*SHostInfo).updateHostMetadata(hostinfo.go:1795)] update host metadata ok|" \
        "guestman.(*SGuestManager).syncGuestNicsTask(guestman.go:612)] guest 3f9a2c sync nics done|" \
        "storageman.(*SLocalStorage).SyncStorageInfo(storage_local.go:214)] local storage /opt/cloud/workspace/disks capacity 3725 GB|" \
        "hostmetrics.(*SGuestMonitorCollector).collectGuestMetrics(hostmetrics.go:377)] collected metrics of 42 guests|" \
        "appsrv.(*Application).ServeHTTP(appsrv.go:301)] GET /disks/stats 200 1.2ms", msg, "|")
  bytes = 0; i = 0
  while (bytes < limit) {
    s = i % 60; m = int(i / 60) % 60; h = int(i / 3600) % 24
    line = sprintf("[info 2026-03-14 %02d:%02d:%02d %s", h, m, s, msg[i % 5 + 1])
    print line; bytes += length(line) + 1; i++
  }
}' > "$log"
# The 20 longest distinct contains literals of the built-in rules, as grep patterns (a contains key
# in block or flow style; where: expressions and example text are not keys).
grep -ohP "(?:^\s+|[{,]\s*)contains:\s*(\"[^\"]{6,}\"|'[^']{6,}'|[A-Za-z][^,}\n#]{5,})" "$repo"/rules/*/*.yaml \
  | sed -E "s/^[{,[:space:]]*contains:[[:space:]]*//; s/^['\"]//; s/['\"][[:space:]]*$//; s/[[:space:]]+$//" \
  | sort -u | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2- | head -20 > "$work/patterns20.txt"
cat "$log" > /dev/null   # page cache warm for every tool
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>/dev/null || true
  read -r secs kb_rss < <(tail -1 "$work/time")  # the last line: time adds one for a non-zero exit
  printf '| %s MB | %s | %s s | %s MiB |\n' "$size_mb" "$label" "$secs" "$((kb_rss / 1024))"
}
echo "| bundle | tool | seconds | peak RSS |"
echo "|---|---|---|---|"
measure "grep -r -c -F -f (20 literals)" grep -r -c -F -f "$work/patterns20.txt" "$work/bundle"
# ripgrep when installed (Debian's package: ripgrep); -uu so that no ignore file or hidden-file rule skips a file.
command -v rg >/dev/null && measure "rg -c -F -uu -f (20 literals)" rg -c -F -uu -f "$work/patterns20.txt" "$work/bundle"
measure "kb diagnose" "$kb" diagnose "$work/bundle" --format json
[ -n "$baseline" ] && measure "kb diagnose (baseline)" "$baseline" diagnose "$work/bundle" --format json
# kb's own scanner on the same files with the same 20 literals, no rules: the raw scan.
match=(); while IFS= read -r literal; do match+=(--match "$literal"); done < "$work/patterns20.txt"
measure "kb facts --match (raw scan, 20 literals)" "$kb" facts "$work/bundle" "${match[@]}"
