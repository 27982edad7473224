#!/usr/bin/env bash
# Whole-server figures of one bot-server jar, with wrk as the load driver and Redis's own INFO commandstats.
#
#   bot-server/bench/measure.sh JAR [LABEL]        (from the repository root; about five minutes)
#
# It starts JAR on the embedded default (embedded redis-server, sandbox outbound that records each reply in the
# Redis stream bot:sandbox:outbox instead of calling Meta, send cap lifted) on a free port, and measures:
#   (a) start to ready: from launching java to /actuator/health/readiness answering 200, on an empty data
#       directory; at the end (a') the same after a stop, on the data the run left (a release that does not keep
#       the embedded Redis's data starts afresh there);
#   (b) idle Redis commands per second, INFO commandstats twice, IDLE_SECONDS apart, nothing sent;
#   (c) Redis commands per plain DM: CMDSTAT_DMS DMs (3 per sender) sent one after another, commandstats before
#       and after, the idle rate over the same time taken off, per command type (our own INFO and XINFO excluded);
#       the same for 300 DMs inside a flow and 300 DMs during an escalation (100 senders each; SCENARIOS=0 skips);
#   (d) the bare GET /webhook handshake, req/s with wrk (THREADS threads, CONNECTIONS connections, DURATION s);
#   (e) signed DMs acknowledged per second: wrk POSTing distinct pre-signed DMs from SENDERS senders, each body
#       at most once (BODIES of them: enough for DURATION s at 10,000/s; the script warns if wrk ran out). At most
#       10 DMs per sender: the shipped Guardrails sheet caps the automated messages a person gets in a day at
#       30, and DMs over the cap are not answered;
#   (f) DMs answered end to end per second for that same load: replies recorded / (time the last reply was
#       recorded in bot:sandbox:outbox - time of wrk's first request);
#   (g) received -> sent latency at half the rate found in (f), paced open loop by the Lua script for
#       PACED_SECONDS, from the difference of the server's histogram bot_reply_latency_seconds over the run (the
#       figure is the upper bound of the bucket holding the percentile).
# Both paths are warmed up before (d), in WARMUP_SECONDS slices until the rate stops rising (WARMUP_MAX_SECONDS). Traffic goes to 127.0.0.1 only; every wait is
# bounded; the server (and its redis-server) are stopped on exit, whatever happens.
#
# Settings (environment): THREADS=2 CONNECTIONS=32 DURATION=10 BODIES=100000 SENDERS=10000 IDLE_SECONDS=30
# CMDSTAT_DMS="300 1000" WARMUP_SECONDS=5 WARMUP_MAX_SECONDS=60 PACED_SECONDS=20 PACED_CONNECTIONS=16 HEAP=1g JAVA=java KEEP=0 (1 keeps
# the work directory with the server log and wrk outputs) JAVA_DRIVER=1 (0 skips the check below) SCENARIOS=1.
# Needs wrk, redis-cli, curl and a JDK 17+.
#
# Driver check: right after (d), the same handshake is driven by the Java HttpClient loop of LoadDriver
# (20,000 requests, CONNECTIONS in flight) on the same server; wrk reaching several times more shows that the
# figures are the server's, not the driver's.
set -euo pipefail

if [[ $# -lt 1 || ! -f $1 ]]; then
	echo "usage: $0 JAR [LABEL]" >&2
	exit 2
fi
JAR=$(realpath "$1")
LABEL=${2:-$(basename "$JAR")}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
GENERATOR=$ROOT/bot-server/src/test/java/dev/dmbot/server/bench/SignedDmBodies.java
TEMPLATE=$ROOT/bot-server/src/test/resources/webhook/text-message.json
LUA=$HERE/signed-dms.lua

THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
BODIES=${BODIES:-100000}
SENDERS=${SENDERS:-10000}
IDLE_SECONDS=${IDLE_SECONDS:-30}
CMDSTAT_DMS=${CMDSTAT_DMS:-300 1000}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
WARMUP_MAX_SECONDS=${WARMUP_MAX_SECONDS:-60}
PACED_SECONDS=${PACED_SECONDS:-20}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-16}
HEAP=${HEAP:-1g}
JAVA=${JAVA:-java}
KEEP=${KEEP:-0}
JAVA_DRIVER=${JAVA_DRIVER:-1}
SCENARIOS=${SCENARIOS:-1}
SECRET=sandbox-app-secret
VERIFY_TOKEN=sandbox-verify-token
OUTBOX=bot:sandbox:outbox

for tool in wrk redis-cli curl ss pgrep "$JAVA"; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/dmbot-bench.XXXXXX)
SERVER_PID=
REDIS_PID=

cleanup() {
	local status=$?
	if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 300); do
			kill -0 "$SERVER_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$SERVER_PID" 2>/dev/null || true
	fi
	# The server stops its redis-server itself; only a server killed hard leaves it behind.
	if [[ -n $REDIS_PID ]] && kill -0 "$REDIS_PID" 2>/dev/null; then
		kill "$REDIS_PID" 2>/dev/null || true
	fi
	if [[ $KEEP == 1 || $status -ne 0 ]]; then
		echo "work directory kept: $WORK (server log: $WORK/server.log)" >&2
	else
		rm -rf "$WORK"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
fail() { log "FAILED: $*"; exit 1; }

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 30000))
		if ! ss -ltnH | awk '{print $4}' | grep -q ":$port\$"; then
			echo "$port"
			return
		fi
	done
	fail "no free port"
}

generate() { # FILE COUNT SENDERS PREFIX [GENERATOR OPTIONS...]
	"$JAVA" "$GENERATOR" --out "$1" --count "$2" --senders "$3" --prefix "$4" --template "$TEMPLATE" \
		--secret "$SECRET" "${@:5}" >/dev/null
}

# "command calls" lines, sorted by command, from INFO commandstats.
commandstats() {
	redis-cli -h 127.0.0.1 -p "$REDIS_PORT" info commandstats | tr -d '\r' \
		| awk -F'[:,=]' '/^cmdstat_/ { sub("cmdstat_", "", $1); print $1, $3 }' | sort
}

# Per command: calls in AFTER minus calls in BEFORE minus IDLE_RATE x SECONDS, as "command delta".
commandstats_delta() { # BEFORE AFTER SECONDS [IDLE_RATES]
	awk -v seconds="$3" -v idle="${4:-/dev/null}" '
		FILENAME == idle { rate[$1] = $2; next }
		FILENAME == ARGV[2] { before[$1] = $2; next }
		{ after[$1] = $2 }
		END {
			for (c in after) {
				if (c == "info" || c == "xinfo") continue # our own probes
				d = after[c] - before[c] - rate[c] * seconds
				if (d > 0.0001 || d < -0.0001) printf "%s %.2f\n", c, d
			}
		}' "${4:-/dev/null}" "$1" "$2" | sort
}

metric() { # SAMPLE: the value of one sample (name and labels, as written) on /actuator/prometheus
	curl -s --max-time 10 "$BASE/actuator/prometheus" \
		| awk -v sample="$1 " 'index($0, sample) == 1 { total += $NF } END { printf "%.0f\n", total }'
}
replies_sent() { metric 'bot_replies_total{outcome="sent"}'; }
dms_stored() { metric 'bot_webhook_events_total{outcome="stored",type="message"}'; }

outbox_length() {
	redis-cli -h 127.0.0.1 -p "$REDIS_PORT" xinfo stream "$OUTBOX" 2>/dev/null | tr -d '\r' \
		| awk 'previous == "length" { print; exit } { previous = $0 }' | grep . || echo 0
}

# Waits until the replies sent reach TARGET or stop growing for STALL seconds (said in the log unless a third
# argument is given); prints the count reached.
await_replies() { # TARGET STALL [SILENT]
	local reached last_change count=-1
	last_change=$(date +%s)
	while true; do
		reached=$(replies_sent)
		((reached >= $1)) && break
		if ((reached != count)); then
			count=$reached
			last_change=$(date +%s)
		elif (($(date +%s) - last_change >= $2)); then
			[[ -n ${3:-} ]] || log "replies stopped at $reached of $1"
			break
		fi
		sleep 0.2
	done
	echo "$reached"
}

# Latency histogram bot_reply_latency_seconds: "upper-bound cumulative-count" lines.
latency_histogram() {
	curl -s --max-time 10 "$BASE/actuator/prometheus" \
		| awk -F'[{}]' '/^bot_reply_latency_seconds_bucket\{/ {
			match($2, /le="[^"]*"/); le = substr($2, RSTART + 4, RLENGTH - 5); split($3, v, " "); print le, v[1] }'
}

# The bucket bound (ms) holding quantile Q of the difference AFTER - BEFORE.
latency_bound() { # BEFORE AFTER Q
	awk -v q="$3" '
		FILENAME == ARGV[1] { before[FNR] = $2; next }
		{ le[FNR] = $1; count[FNR] = $2 - before[FNR]; n = FNR }
		END {
			if (n == 0 || count[n] == 0) { print "n/a"; exit }
			for (i = 1; i <= n; i++) if (count[i] >= q * count[n]) {
				if (le[i] == "+Inf") print "inf"; else printf "%.1f\n", le[i] * 1000
				exit
			}
		}' "$1" "$2"
}

wrk_field() { # FILE FIELD: a value from wrk's output
	case $2 in
	rate) awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$1" ;;
	non2xx) awk '/Non-2xx or 3xx responses:/ { n = $NF } END { print n + 0 }' "$1" ;;
	errors) awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10; found = 1 } END { if (!found) print 0 }' "$1" ;;
	p50 | p99) awk -v p="${2#p}%" '$1 == p { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
			if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; printf "%.2f\n", v; exit }' "$1" ;;
	*) awk -v key="$2" '$1 == key { print $2 }' "$1" ;;
	esac
}

# Runs wrk, keeping its CPU time (user + system, s) in FILE.cpu when /usr/bin/time is there: the driver's share
# of the two cores, to show it is not the limit.
driven() { # OUTPUT_FILE WRK_ARGS...
	local out=$1
	shift
	if [[ -x /usr/bin/time ]]; then
		/usr/bin/time -f '%U %S' -o "$out.cpu" wrk "$@" >"$out"
	else
		wrk "$@" >"$out"
	fi
}
wrk_cpu() { # OUTPUT_FILE SECONDS: the driver's CPU as a share of one core
	[[ -f $1.cpu ]] && awk -v s="$2" '{ printf "%.0f %%", ($1 + $2) / s * 100 }' "$1.cpu" || echo "n/a"
}

HANDSHAKE_PATH="/webhook?hub.mode=subscribe&hub.verify_token=$VERIFY_TOKEN&hub.challenge=1"

log "generating signed bodies in $WORK"
RUN=b$(date +%s)
generate "$WORK/warm.tsv" 40000 4000 "$RUN-warm"
generate "$WORK/load.tsv" "$BODIES" "$SENDERS" "$RUN-load"
for n in $CMDSTAT_DMS; do
	generate "$WORK/cmd-$n.tsv" "$n" $(((n + 2) / 3)) "$RUN-cmd$n"
done
if [[ $SCENARIOS == 1 ]]; then
	generate "$WORK/flow-start.tsv" 100 100 "$RUN-flow0" --text "I want to renovate my flat in Porto, budget 20k"
	generate "$WORK/flow.tsv" 300 100 "$RUN-flow1" --sender-prefix "$RUN-flow0" --text "around 15k"
	generate "$WORK/escalation-start.tsv" 100 100 "$RUN-esc0" --text "Can I talk to someone from your team please?"
	generate "$WORK/escalation.tsv" 300 100 "$RUN-esc1" --sender-prefix "$RUN-esc0" --text "hello?"
fi

# (a) start to ready
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
log "starting $LABEL on port $PORT"
# Starts the jar and waits for readiness; sets SERVER_PID, START_MS and READY_MS. The embedded Redis keeps its
# data in the work directory, so a second start finds what the first one wrote, as a restart on one box does.
start_server() {
	START_MS=$(now_ms)
	"$JAVA" -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
		--bot.redis.data-dir="$WORK/redis-data" --bot.outbound.max-sends-per-second=1000000 \
		--logging.level.dev.dmbot=warn --logging.level.dev.dmbot.server.system.EmbeddedRedisServer=info \
		>>"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	READY_MS=
	for _ in $(seq 1 1800); do # 180 s at most
		kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up"
		if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/actuator/health/readiness") == 200 ]]; then
			READY_MS=$(now_ms)
			break
		fi
		sleep 0.1
	done
	[[ -n $READY_MS ]] || fail "not ready within 180 s"
}
start_server
START_SECONDS=$(awk -v a="$START_MS" -v b="$READY_MS" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
REDIS_PID=$(pgrep -P "$SERVER_PID" redis-server | head -1 || true)
REDIS_PORT=$(sed -n 's/.*Embedded Redis server listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/server.log" | head -1)
if [[ -z $REDIS_PORT && -n $REDIS_PID ]]; then
	REDIS_PORT=$(ss -ltnpH | awk -v pid="pid=$REDIS_PID," 'index($0, pid) { n = split($4, a, ":"); print a[n]; exit }')
fi
[[ -n $REDIS_PORT ]] || fail "cannot find the embedded Redis port (is the jar on the embedded default?)"
log "ready in $START_SECONDS s; embedded Redis on port $REDIS_PORT"

# (b) idle commands per second, after the start-up work has settled
sleep 5
commandstats >"$WORK/idle-before"
IDLE_START=$(now_ms)
sleep "$IDLE_SECONDS"
commandstats >"$WORK/idle-after"
IDLE_END=$(now_ms)
IDLE_ELAPSED=$(awk -v a="$IDLE_START" -v b="$IDLE_END" 'BEGIN { print (b - a) / 1000 }')
commandstats_delta "$WORK/idle-before" "$WORK/idle-after" 0 \
	| awk -v s="$IDLE_ELAPSED" '{ printf "%s %.4f\n", $1, $2 / s }' >"$WORK/idle-rates"
IDLE_RATE=$(awk '{ t += $2 } END { printf "%.1f", t }' "$WORK/idle-rates")
log "idle: $IDLE_RATE Redis commands/s"

# (c) Redis commands per DM
# Posts every delivery of TSV one after another on one connection; says how many were not answered 200.
post_all() { # TSV NAME
	local count
	count=$(wc -l <"$1")
	awk -F'\t' -v dir="$WORK" -v name="$2" -v n="$count" -v url="$BASE/webhook" '{
		file = dir "/" name "-" NR ".json"; printf "%s", $2 > file; close(file)
		print "url = \"" url "\""
		print "header = \"Content-Type: application/json\""
		print "header = \"X-Hub-Signature-256: " $1 "\""
		print "data-binary = \"@" file "\""
		print "output = \"/dev/null\""
		print "write-out = \"%{http_code}\\n\""
		if (NR < n) print "next"
	}' "$1" >"$WORK/$2.curl"
	curl -s --max-time 120 -K "$WORK/$2.curl" >"$WORK/$2.codes" || true
	local bad
	bad=$(grep -vc '^200$' "$WORK/$2.codes" || true)
	((bad == 0)) || log "$bad of $count $2 DMs not answered 200"
}

await_outbox() { # LENGTH: until the outbox holds that many replies (XINFO is excluded from the counts)
	for _ in $(seq 1 600); do
		(($(outbox_length) >= $1)) && return
		sleep 0.1
	done
	log "the outbox did not reach $1 replies"
}

# For DMs that get no reply: until Redis does no more than its idle work for a second.
await_quiet() {
	local before after
	for _ in $(seq 1 60); do
		before=$(commandstats | awk '$1 != "info" { t += $2 } END { print t }')
		sleep 1
		after=$(commandstats | awk '$1 != "info" { t += $2 } END { print t }')
		awk -v d="$((after - before))" -v idle="$IDLE_RATE" 'BEGIN { exit !(d <= idle * 1.2 + 5) }' && return
	done
	log "Redis did not go quiet"
}

declare -A PER_DM
PER_DM_COLUMNS=()
PER_DM_LABELS=()
PER_DM_HEADERS=()
# Counts the Redis commands of the DMs in TSV: INFO commandstats before the first is posted and after the
# work ends (the replies in the outbox, or Redis quiet when none is expected), plus 2 s for the work after the
# send (the transaction that records it), the idle rate over the window taken off.
per_dm() { # NAME HEADER LABEL TSV REPLIES_EXPECTED(1/0)
	local name=$1 header=$2 label=$3 tsv=$4 replies=$5
	local n outbox_before window_start window_end window answered
	n=$(wc -l <"$tsv")
	outbox_before=$(outbox_length)
	commandstats >"$WORK/cmd-$name-before"
	window_start=$(now_ms)
	post_all "$tsv" "$name"
	if ((replies)); then
		await_outbox $((outbox_before + n))
	else
		await_quiet
	fi
	sleep 2
	commandstats >"$WORK/cmd-$name-after"
	window_end=$(now_ms)
	window=$(awk -v a="$window_start" -v b="$window_end" 'BEGIN { print (b - a) / 1000 }')
	answered=$(($(outbox_length) - outbox_before))
	((answered == n * replies)) || log "$name: expected $((n * replies)) replies in the outbox, found $answered"
	commandstats_delta "$WORK/cmd-$name-before" "$WORK/cmd-$name-after" "$window" "$WORK/idle-rates" \
		| awk -v n="$n" '{ printf "%s %.2f\n", $1, $2 / n }' >"$WORK/cmd-$name-per-dm"
	PER_DM[$name]=$(awk '{ t += $2 } END { printf "%.1f", t }' "$WORK/cmd-$name-per-dm")
	PER_DM_COLUMNS+=("$name")
	PER_DM_LABELS+=("$label")
	PER_DM_HEADERS+=("$header")
	log "$label: ${PER_DM[$name]} Redis commands per DM ($window s window, idle taken off)"
}

for n in $CMDSTAT_DMS; do
	per_dm "plain$n" "plain, $n" "plain DM, $n DMs from $(((n + 2) / 3)) senders" "$WORK/cmd-$n.tsv" 1
done
if [[ $SCENARIOS == 1 ]]; then
	# A DM inside a flow: 100 senders start the shipped workbook's design_project flow (not counted), then each
	# writes three more DMs in the flow (the answer does not fit the question, so the flow asks again).
	outbox_before=$(outbox_length)
	post_all "$WORK/flow-start.tsv" flow-start
	await_outbox $((outbox_before + 100))
	await_quiet
	per_dm flow "in a flow" "DM inside a flow, 300 DMs from 100 senders" "$WORK/flow.tsv" 1
	# A DM during an escalation: 100 senders ask for a person (the bot answers once and pauses; not counted),
	# then each writes three more DMs, which the bot stores and leaves to the team.
	outbox_before=$(outbox_length)
	post_all "$WORK/escalation-start.tsv" escalation-start
	await_outbox $((outbox_before + 100))
	await_quiet
	per_dm escalation "in an escalation" "DM during an escalation, 300 DMs from 100 senders" "$WORK/escalation.tsv" 0
fi

# Warm-up of both paths: WARMUP_SECONDS slices of wrk until two slices in a row are no faster than 1.05 x the best
# before them
# (the JIT takes tens of seconds on a busy machine: the handshake went from 380 to 8,600 req/s over 45 s), at
# most WARMUP_MAX_SECONDS. The DM slices send the warm-up bodies again after the first pass; dedup drops those.
warm_up() { # NAME WRK_ARGS...
	local name=$1 best=0 rate elapsed=0 rates= flat=0
	shift
	while ((elapsed < WARMUP_MAX_SECONDS && flat < 2)); do
		wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$@" >"$WORK/warm-$name.out"
		rate=$(wrk_field "$WORK/warm-$name.out" rate)
		elapsed=$((elapsed + WARMUP_SECONDS))
		rates="$rates $rate"
		if awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r <= 1.05 * b) }'; then
			flat=$((flat + 1))
		else
			flat=0
		fi
		((rate > best)) && best=$rate
	done
	log "warm-up, $name, ${elapsed} s, req/s per slice:$rates"
	WARMUP_LOG="$WARMUP_LOG $name ${elapsed} s;"
}
WARMUP_LOG=
warm_up handshake "$BASE$HANDSHAKE_PATH"
replies_before=$(replies_sent)
warm_up DMs -s "$LUA" "$BASE/webhook" -- "$WORK/warm.tsv" "$THREADS"
# Until the warm-up DMs are answered: replies stop growing for 3 s.
await_replies $((replies_before + 100000000)) 3 silent >/dev/null

# (d) bare handshake
log "handshake"
driven "$WORK/handshake.out" -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$HANDSHAKE_PATH"
HANDSHAKE_RATE=$(wrk_field "$WORK/handshake.out" rate)
JAVA_HANDSHAKE_RATE=
if [[ $JAVA_DRIVER == 1 ]]; then
	log "handshake, Java HttpClient driver"
	"$JAVA" "$ROOT/bot-server/src/test/java/dev/dmbot/server/bench/LoadDriver.java" --handshake "$BASE" 20000 \
		"$CONNECTIONS" >"$WORK/java-handshake.out"
	JAVA_HANDSHAKE_RATE=$(wrk_field "$WORK/java-handshake.out" java_handshake_rate)
fi

# (e) signed DMs acknowledged, (f) answered end to end
log "signed DMs, saturated"
stored_before=$(dms_stored)
replies_before=$(replies_sent)
driven "$WORK/load.out" -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$LUA" "$BASE/webhook" \
	-- "$WORK/load.tsv" "$THREADS"
ACK_RATE=$(wrk_field "$WORK/load.out" rate)
REPEATS=$(wrk_field "$WORK/load.out" dm_repeats)
FIRST_MS=$(wrk_field "$WORK/load.out" dm_first_request_epoch_ms)
STORED=$(($(dms_stored) - stored_before))
((${REPEATS:-0} == 0)) || log "WARNING: $REPEATS bodies sent twice (dedup drops them): raise BODIES above $BODIES"
REACHED=$(await_replies $((replies_before + STORED)) 30)
((REACHED - replies_before >= STORED)) || log "WARNING: not every DM answered; over 30 DMs a sender meet the \
Guardrails sheet's daily cap: raise SENDERS above $SENDERS"
ANSWERED=$((REACHED - replies_before))
LAST_MS=$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" xrevrange "$OUTBOX" + - count 1 | head -1 | cut -d- -f1)
[[ $FIRST_MS =~ ^[0-9]+$ && $LAST_MS =~ ^[0-9]+$ && $LAST_MS -gt $FIRST_MS ]] \
	|| fail "no first request ($FIRST_MS) or last reply ($LAST_MS) time"
ANSWER_RATE=$(awk -v n="$ANSWERED" -v a="$FIRST_MS" -v b="$LAST_MS" 'BEGIN { printf "%.0f", n / ((b - a) / 1000) }')
ANSWER_SECONDS=$(awk -v a="$FIRST_MS" -v b="$LAST_MS" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
log "acknowledged $ACK_RATE/s; answered $ANSWERED of $STORED stored in $ANSWER_SECONDS s: $ANSWER_RATE/s"

# (g) paced at half the end-to-end rate
PACED_RATE=$((ANSWER_RATE / 2))
((PACED_RATE >= 1)) || fail "no end-to-end rate to pace at"
generate "$WORK/paced.tsv" $((PACED_RATE * (PACED_SECONDS + 2) + 100)) "$SENDERS" "$RUN-paced"
log "paced at $PACED_RATE DMs/s for $PACED_SECONDS s"
latency_histogram >"$WORK/latency-before"
stored_before=$(dms_stored)
replies_before=$(replies_sent)
wrk -t"$THREADS" -c"$PACED_CONNECTIONS" -d"${PACED_SECONDS}s" --latency -s "$LUA" "$BASE/webhook" \
	-- "$WORK/paced.tsv" "$THREADS" "$PACED_RATE" >"$WORK/paced.out"
PACED_STORED=$(($(dms_stored) - stored_before))
PACED_ANSWERED=$(($(await_replies $((replies_before + PACED_STORED)) 30) - replies_before))
latency_histogram >"$WORK/latency-after"
PACED_P50=$(latency_bound "$WORK/latency-before" "$WORK/latency-after" 0.50)
PACED_P99=$(latency_bound "$WORK/latency-before" "$WORK/latency-after" 0.99)

# (a') restart: the server stopped (SIGTERM, as an operator's restart does) and started again on the same data
kill "$SERVER_PID"
for _ in $(seq 1 600); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$SERVER_PID" 2>/dev/null && fail "the server did not stop within 60 s"
start_server
RESTART_SECONDS=$(awk -v a="$START_MS" -v b="$READY_MS" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
log "restarted on the same data in $RESTART_SECONDS s"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

cat <<EOF

## $LABEL

$(nproc) cores, $(uname -sm), $("$JAVA" -version 2>&1 | head -1), load average at the end: $LOAD
wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION} s per run; warm-up:$WARMUP_LOG signed DMs from $SENDERS senders ($(wrk_field "$WORK/load.out" dm_sent) sent in (e), $BODIES ready)

| Figure | Value |
|---|---|
| (a) Start to ready (java -jar to /actuator/health/readiness 200) | $START_SECONDS s |
| (a') Restart to ready: stopped and started again on the same embedded Redis data | $RESTART_SECONDS s |
| (b) Idle Redis commands per second ($IDLE_SECONDS s) | $IDLE_RATE |
$(for i in "${!PER_DM_COLUMNS[@]}"; do echo "| (c) Redis commands per ${PER_DM_LABELS[$i]}, idle taken off | ${PER_DM[${PER_DM_COLUMNS[$i]}]} |"; done)
| (d) Bare GET /webhook handshake | $HANDSHAKE_RATE req/s, p50 $(wrk_field "$WORK/handshake.out" p50) ms, p99 $(wrk_field "$WORK/handshake.out" p99) ms, non-2xx $(wrk_field "$WORK/handshake.out" non2xx); wrk's CPU $(wrk_cpu "$WORK/handshake.out" "$DURATION") of one core |
| Driver check: the same handshake driven by LoadDriver's Java HttpClient loop | $([[ -n $JAVA_HANDSHAKE_RATE ]] && echo "$JAVA_HANDSHAKE_RATE req/s, p50 $(wrk_field "$WORK/java-handshake.out" java_handshake_p50_ms) ms, p99 $(wrk_field "$WORK/java-handshake.out" java_handshake_p99_ms) ms (wrk reached $(ratio "$HANDSHAKE_RATE" "$JAVA_HANDSHAKE_RATE") × that); the driver's CPU $(wrk_field "$WORK/java-handshake.out" java_handshake_cpu_percent) % of one core" || echo "not run (JAVA_DRIVER=0)") |
| (e) Signed DMs acknowledged (POST /webhook) | $ACK_RATE req/s ($(ratio "$ACK_RATE" "$HANDSHAKE_RATE") × handshake), p50 $(wrk_field "$WORK/load.out" p50) ms, p99 $(wrk_field "$WORK/load.out" p99) ms, non-2xx $(wrk_field "$WORK/load.out" non2xx), socket errors $(wrk_field "$WORK/load.out" errors); wrk's CPU $(wrk_cpu "$WORK/load.out" "$DURATION") of one core (reading the bodies included) |
| (f) DMs answered end to end | **$ANSWER_RATE DMs/s** ($(ratio "$ANSWER_RATE" "$HANDSHAKE_RATE") × handshake; $ANSWERED of $STORED stored answered, first request to last reply $ANSWER_SECONDS s) |
| (g) Paced at $PACED_RATE DMs/s ($(wrk_field "$WORK/paced.out" rate) achieved): webhook ack | p50 $(wrk_field "$WORK/paced.out" p50) ms, p99 $(wrk_field "$WORK/paced.out" p99) ms |
| (g) Paced: received → sent (bot_reply_latency_seconds, bucket bound) | p50 ≤ $PACED_P50 ms, **p99 ≤ $PACED_P99 ms** ($PACED_ANSWERED of $PACED_STORED answered) |

Redis commands per DM by type (idle taken off; types under 0.05 per DM in every column left out; commands run
by a Lua script are counted under their own names as well as under eval):

| Command |$(for h in "${PER_DM_HEADERS[@]}"; do printf ' %s |' "$h"; done)
|---|$(for _ in "${PER_DM_COLUMNS[@]}"; do printf -- '---|'; done)
$(cat "$WORK"/cmd-*-per-dm | awk '$2 >= 0.05 || $2 <= -0.05 { print $1 }' | sort -u | while read -r c; do
	printf '| %s |' "$c"
	for column in "${PER_DM_COLUMNS[@]}"; do printf ' %s |' "$(awk -v c="$c" '$1 == c { v = $2 } END { printf "%.1f", v }' "$WORK/cmd-$column-per-dm")"; done
	echo
done)
| **total** |$(for c in "${PER_DM_COLUMNS[@]}"; do printf ' **%s** |' "${PER_DM[$c]}"; done)

Idle Redis commands per second by type: $(awk '{ printf "%s%s %.1f", sep, $1, $2; sep = ", " }' "$WORK/idle-rates")
EOF
