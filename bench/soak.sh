#!/usr/bin/env bash
# Soak: CLIENTS readers fetch pages from `careerbook serve` for DURATION seconds,
# on a 1,000-member cohort, while a guidance page (which every member's workbook
# shows) is edited twice a second, so the server rebuilds the whole cohort again
# and again under the readers. Not run by CI (tests/testsuite/faults.rs is the
# short version that is).
#
#   bench/soak.sh                               # 16 clients, 600 s, 1,000 members
#   CLIENTS=16 DURATION=150 bench/soak.sh       # a shorter run on a shared machine
#
# Prints requests, errors, p50/p99/max latency, rebuilds, and serve's resident
# memory (VmRSS) once the first build is served, at its highest, at the end, once
# settled (the last rebuild done and 15 s idle), and its lowest in each minute.
# An error is any answer but 200 for a page the first build wrote (missing pages
# and 5xx alike), a failed connection, or an HTML page that does not end in
# </html>. Exits 1 if there was any error.
#
# MEMBERS=N changes the cohort's size. BIN=path uses that binary instead of
# building one. TODAY=YYYY-MM-DD fixes the date (default 2026-11-24). The dist
# binary is built without the PDF feature: serve never typesets, and Typst only
# lengthens the build. Everything listens on and connects to 127.0.0.1. Linux
# only (reads /proc). Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${CLIENTS:-16}
duration=${DURATION:-600}
members=${MEMBERS:-1000}
today=${TODAY:-2026-11-24}
target=${CARGO_TARGET_DIR:-target}
if [ -z "${BIN:-}" ]; then
  cargo build --profile dist --quiet --no-default-features -j 2
  BIN="$target/dist/careerbook"
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -INT "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/gen.py cohort --members "$members" --out "$work/cohort" --guide . >/dev/null
"$BIN" serve "$work/cohort" --port 0 --today "$today" 2>"$work/serve.log" &
server=$!
for _ in $(seq 600); do
  grep -q '^Serving ' "$work/serve.log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
url=$(sed -n 's/^Serving //p' "$work/serve.log")
[ -n "$url" ] || { cat "$work/serve.log"; echo "serve did not start" >&2; exit 1; }
case "$url" in http://127.0.0.1:*) ;; *) echo "serve is not on loopback: $url" >&2; exit 1 ;; esac

page="$work/cohort/content/mentor-vs-sponsor.md"
[ -f "$page" ] || page=$(find "$work/cohort/content" -name '*.md' | sort | head -1)

set +e
python3 - "$url" "$work/cohort/site" "$page" "$server" "$clients" "$duration" "$work/serve.log" <<'PY'
import glob, http.client, os, random, sys, threading, time, urllib.parse

url, site, page, pid, clients, duration, log = sys.argv[1:]
clients, duration = int(clients), float(duration)
port = int(urllib.parse.urlsplit(url).port)

def rss_kb():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

paths = []
for folder, _, files in os.walk(site):
    for name in files:
        rel = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
        if rel.startswith("."):
            continue
        if rel == "index.html":
            rel = ""
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        paths.append("/" + urllib.parse.quote(rel))
paths.sort()

stop = threading.Event()
lock = threading.Lock()
latencies, errors, examples = [], 0, []

def reader(seed):
    global errors
    rng = random.Random(seed)
    conn, mine, bad = None, [], []
    while not stop.is_set():
        path = rng.choice(paths)
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            res = conn.getresponse()
            body = res.read()
            ok = res.status == 200
            if ok and (path.endswith("/") or path.endswith(".html")):
                ok = body.rstrip().endswith(b"</html>")
            if not ok:
                bad.append(f"{path}: {res.status}, {len(body)} bytes")
        except Exception as e:  # a refused or dropped connection counts too
            bad.append(f"{path}: {type(e).__name__}: {e}")
            conn = None
        mine.append(time.perf_counter() - t0)
    with lock:
        latencies.extend(mine)
        errors += len(bad)
        examples.extend(bad[:3])

original = open(page, encoding="utf-8").read()
edits = 0
def editor():
    global edits
    while not stop.is_set():
        edits += 1
        with open(page, "w", encoding="utf-8") as f:
            f.write(f"{original}\nSoak edit {edits}.\n")
        stop.wait(0.5)

def rebuilds():
    with open(log, encoding="utf-8", errors="replace") as f:
        return sum(1 for line in f if "rebuilt " in line)

rss_start = rss_kb()
rss_peak = rss_start
# The lowest resident size in each minute: serve holds one build and, while a
# rebuild runs, part of the next, so the lows are what a leak would raise.
minute_lows = []
threads = [threading.Thread(target=reader, args=(i,)) for i in range(clients)]
threads.append(threading.Thread(target=editor))
for t in threads:
    t.start()
start = time.monotonic()
while time.monotonic() - start < duration:
    time.sleep(1)
    now = rss_kb()
    rss_peak = max(rss_peak, now)
    minute = int((time.monotonic() - start) // 60)
    if minute >= len(minute_lows):
        minute_lows.append(now)
    minute_lows[minute] = min(minute_lows[minute], now)
stop.set()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
rss_end = rss_kb()
# Settled: the last edit rebuilt, no staging folder left, then 15 s idle (the
# allocator hands freed memory back after about ten seconds).
staging = os.path.join(os.path.dirname(site), ".site.new-*")
seen, quiet_since, deadline = rebuilds(), time.monotonic(), time.monotonic() + 120
while time.monotonic() < deadline:
    time.sleep(1)
    n = rebuilds()
    if n != seen or glob.glob(staging):
        seen, quiet_since = n, time.monotonic()
    elif time.monotonic() - quiet_since >= 15:
        break
rss_settled = rss_kb()

latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0
print(f"careerbook serve, {len(paths)} files, {clients} clients for {elapsed:.0f} s, "
      f"a page edited twice a second ({edits} edits)")
print(f"requests  {len(latencies)} ({len(latencies) / elapsed:.0f}/s)")
print(f"errors    {errors}")
for e in examples[:10]:
    print(f"          {e}")
print(f"latency   p50 {pct(0.50):.1f} ms   p99 {pct(0.99):.1f} ms   max {pct(1.0):.0f} ms")
print(f"memory    VmRSS {rss_start / 1024:.0f} MB at the start, {rss_peak / 1024:.0f} MB at the highest, "
      f"{rss_end / 1024:.0f} MB at the end, {rss_settled / 1024:.0f} MB settled")
print("          lowest each minute: " + " ".join(f"{kb / 1024:.0f}" for kb in minute_lows) + " MB")
sys.exit(1 if errors else 0)
PY
status=$?
set -e
rebuilt=$(grep -c 'rebuilt [0-9]* pages' "$work/serve.log" || true)
failed=$(grep -c '^error:' "$work/serve.log" || true)
last=$(grep -o 'rebuilt [0-9]* pages into .* in [0-9]* ms' "$work/serve.log" | tail -1 | sed 's/.* in \([0-9]*\) ms/\1 ms/')
echo "rebuilds  $rebuilt (the last took ${last:-?}), $failed failed"
leftover=$(find "$work/cohort" -maxdepth 1 -name '.site.*' | wc -l)
echo "staging folders left beside site/: $leftover (the one being written, at most)"
exit "$status"
