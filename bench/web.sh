#!/usr/bin/env bash
# Web benchmarks (issue 6, targets 3 and 4): the analysis page of a 50-function team under wrk,
# against nginx serving the same page as a static file, in the same run; saving a function
# (POST + SQLite commit); start-up time and memory. Only 127.0.0.1 is used.
# Needs: wrk, nginx (Debian nginx-light), curl, python3. Figures go to bench/out/web.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install wrk nginx-light curl" >&2; exit 1; }
done
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
APP_PORT=${APP_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}

swift build -c release --product teamplotter >/dev/null
bin=$PWD/.build/release/teamplotter
work=$(mktemp -d)
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
out=bench/out/web.txt
: > "$out"
say() { echo "$@" | tee -a "$out"; }
# The machine may be shared: the load before each run says how far to trust its figures.
load() { say "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"; }

# CPU time (user + system, all threads, including ended ones) of processes, in clock ticks; per
# request it says what a request costs whatever else the machine runs (wall-clock figures do not).
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
cpu_per_request() { # ticks before, ticks after, wrk output file
  local requests; requests=$(awk '/requests in/ {print $1}' "$3")
  say "CPU per request: $(( ($2 - $1) * 1000000 / $(getconf CLK_TCK) / requests )) us ($(( ($2 - $1) * 1000 / $(getconf CLK_TCK) )) ms CPU for $requests requests)"
}

rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$1/status"; }
peak() { awk '/VmHWM/ {print $2 " kB"}' "/proc/$1/status"; }

# Start-up: from exec to the first answer, in milliseconds.
first_answer_ms() {
  python3 - "$bin" "$work/db.sqlite" "$APP_PORT" <<'PY'
import subprocess, sys, time, urllib.request
binary, db, port = sys.argv[1:]
begin = time.perf_counter()
process = subprocess.Popen([binary, "serve", "--port", port, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
while True:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
        break
    except Exception:
        time.sleep(0.002)
print(f"{(time.perf_counter() - begin) * 1000:.0f}")
process.terminate(); process.wait()
PY
}
say "start to first answer (new database, example team created): $(first_answer_ms) ms"
say "start to first answer (existing database): $(first_answer_ms) ms"

"$bin" serve --port "$APP_PORT" --db "$work/db.sqlite" >/dev/null 2>&1 &
server=$!
until curl -fsS "http://127.0.0.1:$APP_PORT/" >/dev/null 2>&1; do sleep 0.05; done
say "idle memory (RSS): $(rss $server)"

# A team of 50 functions through the JSON API.
python3 - "$work/team50.json" <<'PY'
import json, random, sys
random.seed(50)
roles = ["leidinggevende", "strateeg", "verbinder", "contentmanager-website", "contentregisseur",
         "online-servicemedewerker", "applicatie-beheerder", "programmeur", "website-analist", "data-analist",
         "usability-expert", "ontwerper", "woordvoerder", "community-manager"]
functions = [{"title": f"Functie {i}", "holder": f"Medewerker {i}", "hoursPerWeek": random.choice([36, 32, 24, 18]),
              "tasks": [f"Taak {i}"], "roles": [{"role": r} for r in random.sample(roles, 3)]} for i in range(50)]
needs = [{"role": r, "priority": "must", "minPeople": 2} for r in roles]
json.dump({"version": 1, "team": {"name": "Vijftig functies"}, "functions": functions, "needs": {"roles": needs}},
          open(sys.argv[1], "w"))
PY
id=$(curl -fsS -X POST -H 'Content-Type: application/json' --data-binary "@$work/team50.json" \
  "http://127.0.0.1:$APP_PORT/api/teams" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
page="/teams/$id/analysis"
curl -fsS -H 'Accept-Language: nl' "http://127.0.0.1:$APP_PORT$page" > "$work/analysis.html"
say "analysis page of team $id: $(wc -c < "$work/analysis.html") bytes"

# nginx serving the same page as a static file, same machine, same run.
mkdir -p "$work/www" "$work/nginx"
chmod 755 "$work" "$work/www"   # nginx's workers run as another user
cp "$work/analysis.html" "$work/www/analysis.html"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/www; location / { default_type text/html; } }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.3

say ""
say "== nginx, static copy of the page ($CONNECTIONS connections, $DURATION)"
load
workers=$(pgrep -d' ' -P "$(cat "$work/nginx.pid")")
before=$(cpu_ticks $workers)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/analysis.html" | tee "$work/wrk.txt"; cat "$work/wrk.txt" >> "$out"
cpu_per_request "$before" "$(cpu_ticks $workers)" "$work/wrk.txt"
say ""
say "== teamplotter, analysis page ($CONNECTIONS connections, $DURATION)"
load
before=$(cpu_ticks "$server")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Language: nl' "http://127.0.0.1:$APP_PORT$page" | tee "$work/wrk.txt"; cat "$work/wrk.txt" >> "$out"
cpu_per_request "$before" "$(cpu_ticks "$server")" "$work/wrk.txt"
say "memory under load (peak RSS): $(peak $server)"

# Saving a function: a form POST with the CSRF cookie and field, answered by a redirect after
# the SQLite commit.
token=$(printf 'ab%.0s' $(seq 1 32))
cat > "$work/save.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "tp_csrf=$token"
counter = 0
request = function()
  counter = counter + 1
  local body = "csrf=$token&title=Functie+" .. counter .. "&holder=Medewerker&hours=36&tasks=Taak&role-strateeg=on"
  return wrk.format(nil, "/teams/$id/functions/1", nil, body)
end
LUA
say ""
say "== teamplotter, saving a function (POST + commit, $CONNECTIONS connections, $DURATION)"
load
before=$(cpu_ticks "$server")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/save.lua" "http://127.0.0.1:$APP_PORT" | tee "$work/wrk.txt"; cat "$work/wrk.txt" >> "$out"
cpu_per_request "$before" "$(cpu_ticks "$server")" "$work/wrk.txt"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Cookie: tp_csrf=$token" \
  --data "csrf=$token&title=Check&holder=M&hours=36&role-strateeg=on" "http://127.0.0.1:$APP_PORT/teams/$id/functions/1")
say "a save answers: $status (303 = saved and redirected)"
say "memory after the saves (peak RSS): $(peak $server)"
