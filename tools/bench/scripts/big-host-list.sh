#!/usr/bin/env bash
# Times `kb facts` and `kb diagnose` on a Cloudpods bundle whose climc host-list.json lists HOSTS hosts
# (three of them offline), with peak memory, for the kb given and an optional baseline kb in the same run.
#   tools/bench/scripts/big-host-list.sh HOSTS KB [BASELINE_KB]
# KB and BASELINE_KB are published kb executables (dotnet publish tools/kb -c Release -o DIR).
set -euo pipefail
hosts=$1; kb=$2; baseline=${3:-}
work=$(mktemp -d /tmp/kb-hosts-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundle/control/climc"
printf 'platform: cloudpods\ncollected_at: 2026-03-14T09:12:00Z\n' > "$work/bundle/bundle.yaml"
# One object per host with the fields climc host-list prints (about 1 KB each, indented as climc does).
awk -v n="$hosts" 'BEGIN {
  print "{\n  \"data\": ["
  for (i = 0; i < n; i++) {
    status = (i == 7 || i == 5000 || i == 110000) ? "offline" : "online"
    printf "    {\n      \"access_ip\": \"10.%d.%d.%d\",\n      \"access_mac\": \"0c:c4:7a:%02x:%02x:%02x\",\n", int(i / 65536), int(i / 256) % 256, i % 256, int(i / 65536) % 256, int(i / 256) % 256, i % 256
    printf "      \"cpu_count\": 96,\n      \"cpu_desc\": \"Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz\",\n      \"enabled\": true,\n"
    printf "      \"host_status\": \"%s\",\n      \"host_type\": \"hypervisor\",\n      \"id\": \"%08x-3b1d-4c8e-9a61-2d7f4b8e0c17\",\n", status, i
    printf "      \"manager_uri\": \"https://10.0.%d.%d:8885\",\n      \"mem_size\": 772637,\n      \"name\": \"node-%06d\",\n", int(i / 256) % 256, i % 256, i
    printf "      \"status\": \"running\",\n      \"sys_info\": {\n        \"manufacture\": \"Supermicro\",\n        \"model\": \"SYS-2029U-TR4\"\n      },\n"
    printf "      \"updated_at\": \"2026-03-14T08:59:31.000000Z\",\n      \"version\": \"v3.10.11\",\n      \"zone\": \"zone-a\"\n    }%s\n", (i < n - 1 ? "," : "")
  }
  printf "  ],\n  \"total\": %d\n}\n", n
}' > "$work/bundle/control/climc/host-list.json"
size=$(du -m "$work/bundle/control/climc/host-list.json" | cut -f1)
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2>/dev/null || true
  read -r secs rss < <(tail -1 "$work/time")  # the last line: time adds one for a non-zero exit
  printf '| %s hosts (%s MB) | %s | %s s | %s MiB |\n' "$hosts" "$size" "$label" "$secs" "$((rss / 1024))"
}
echo "| host list | tool | seconds | peak RSS |"
echo "|---|---|---|---|"
for command in facts diagnose; do
  measure "kb $command" "$kb" "$command" "$work/bundle"
  [ -n "$baseline" ] && measure "baseline kb $command" "$baseline" "$command" "$work/bundle"
done
