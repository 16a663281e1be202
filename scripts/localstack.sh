#!/usr/bin/env bash
# Compatibility run against LocalStack community (localstack-core, host mode: no Docker, no auth
# token). Installs LocalStack into a git-ignored .venv-localstack/, starts it on a free loopback
# port, creates a REST API 'orders' with a stage 'prod', runs the tool's main job (enable, enable
# again, stage show, status) and reads the result back with boto3, independently of the tool; then
# traces a request and summarises a window of log lines written in the stage's format, and runs
# debug sessions.
# Prints one PASS/FAIL line per check and ends with 'N passed, M failed'; exits 1 on any failure.
#
# It builds nothing when the binary is there: APIGW_LOGS_BIN, else
# $CARGO_TARGET_DIR (default ~/.cache/apigw-logs/target)/debug/apigw-logs; only when that is missing does it run
# `cargo build --locked`.
#
# LocalStack is a compatibility target, not a stricter one: it embeds moto (as moto-ext) and checks
# fewer rules than the project's strict double (tests/e2e/faults.rs). Nothing here talks to AWS.
set -euo pipefail

LOCALSTACK_VERSION="2026.3.0"
# Dependencies resolved as they were at the release (2026-03-18..31), so a later run installs the
# same set: localstack-core's own requirements are mostly unpinned (moto-ext>=…, boto3 pinned).
EXCLUDE_NEWER="2026-03-31"
UV_VERSION="0.13.8"
# [runtime] brings what host mode needs to serve requests (moto-ext, hypercorn, boto3, …); the
# bare package is only the CLI/config part and fails at start with "No component plugins found".
SPEC="localstack-core[runtime]==$LOCALSTACK_VERSION"
STAMP_TEXT="$SPEC exclude-newer=$EXCLUDE_NEWER uv=$UV_VERSION"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-localstack"
STAMP="$VENV/.localstack-installed"
# scheduler: debug sessions' safety net; cloudformation: the owners every plan looks up.
SERVICES="apigateway,iam,logs,sts,scheduler,cloudformation"

log() { echo "localstack: $*" >&2; }
die() { echo "localstack: ERROR: $*" >&2; exit 1; }

# --- Python >= 3.13 -------------------------------------------------------------------------
# localstack-core 2026.3.0 declares Requires-Python >=3.10 but imports `warnings.deprecated`
# (new in 3.13): under 3.12 the runtime dies at start with "No component plugins found".
# Each candidate is run, not just looked up: pyenv shims exist for versions that are not active
# and then exit 127.
find_python() {
  local c
  local -a cands=()
  if [ -n "${LOCALSTACK_PYTHON:-}" ]; then
    cands=("$LOCALSTACK_PYTHON") # asked for: that one or none
  else
    cands=(python3.14 python3.13 python3)
    local pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
    for c in $(ls -d "$pyenv_root"/versions/3.* 2>/dev/null | sort -rV); do
      cands+=("$c/bin/python3")
    done
  fi
  for c in "${cands[@]}"; do
    if "$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 13))' >/dev/null 2>&1; then
      command -v "$c" 2>/dev/null || echo "$c"
      return 0
    fi
  done
  return 1
}

# --- install (idempotent) -------------------------------------------------------------------
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] \
  && "$VENV/bin/python" -c 'import localstack.aws.components, boto3' >/dev/null 2>&1; then
  log "$SPEC already in $VENV"
else
  PY="$(find_python)" || die "LocalStack $LOCALSTACK_VERSION needs Python >= 3.13 (it imports warnings.deprecated); found none $(
    [ -n "${LOCALSTACK_PYTHON:-}" ] && echo "at LOCALSTACK_PYTHON=$LOCALSTACK_PYTHON" \
      || echo "among python3.14, python3.13, python3 on PATH and ${PYENV_ROOT:-$HOME/.pyenv}/versions/3.*"). Install one (e.g. 'pyenv install 3.13') or set LOCALSTACK_PYTHON=/path/to/python3.13."
  log "installing $SPEC (deps as of $EXCLUDE_NEWER) into $VENV with $PY ($("$PY" -V 2>&1))"
  t0=$SECONDS
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
  # uv, not pip: the venv's pip (24.2 with 3.13.0) has no cut-off date option like --exclude-newer.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION" >&2
  "$VENV/bin/uv" pip install --quiet --python "$VENV/bin/python" --exclude-newer "$EXCLUDE_NEWER" "$SPEC" >&2
  "$VENV/bin/python" -c 'import localstack.aws.components, boto3' \
    || die "installed $SPEC does not import"
  echo "$STAMP_TEXT" >"$STAMP"
  log "installed in $((SECONDS - t0)) s; venv size $(du -sh "$VENV" | cut -f1)"
fi

# --- the binary under test ------------------------------------------------------------------
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/apigw-logs/target}"  # as scripts/test.sh
BIN="${APIGW_LOGS_BIN:-$CARGO_TARGET_DIR/debug/apigw-logs}"
if [ ! -x "$BIN" ]; then
  [ -n "${APIGW_LOGS_BIN:-}" ] && die "APIGW_LOGS_BIN=$APIGW_LOGS_BIN is not an executable"
  log "no $BIN: building it"
  (cd "$ROOT" && cargo build --quiet --locked)
fi

# --- environment: loopback only, dummy credentials ------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/apigw-logs-localstack.XXXXXX")"
LS_PID=""
cleanup() {
  if [ -n "$LS_PID" ] && kill -0 "$LS_PID" 2>/dev/null; then
    kill -TERM "$LS_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$LS_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$LS_PID" 2>/dev/null || true
    wait "$LS_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
# AWS_ENDPOINT_URL as well as --endpoint-url: should either side ignore one, it still cannot
# reach AWS. No profile or config file is read, and IMDS is never asked.
export AWS_EC2_METADATA_DISABLED=true AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
  AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="$URL" \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE
for v in $(compgen -e | grep '^AWS_ENDPOINT_URL_' || true); do unset "$v"; done

# --- start LocalStack in host mode ----------------------------------------------------------
# GATEWAY_SERVER=hypercorn: the default (twisted) server ignores the host of GATEWAY_LISTEN for
# IPv4 and listens on 0.0.0.0; hypercorn binds 127.0.0.1 only.
# DNS_ADDRESS=0: no DNS server (it would bind :53 and forward to an upstream resolver).
# DISABLE_EVENTS=1: no analytics; API_ENDPOINT/ANALYTICS_API point at a closed loopback port so
# any licence, catalog or analytics call that is still made fails locally.
# SKIP_SSL_CERT_DOWNLOAD=1: a self-signed cert instead of downloading LocalStack's.
# FILESYSTEM_ROOT: state and caches in a throw-away dir, not inside the venv.
log "starting LocalStack $LOCALSTACK_VERSION (host mode) on $URL"
env GATEWAY_SERVER=hypercorn GATEWAY_LISTEN="127.0.0.1:$PORT" LOCALSTACK_HOST="127.0.0.1:$PORT" \
  SERVICES="$SERVICES" EAGER_SERVICE_LOADING=1 DNS_ADDRESS=0 DISABLE_EVENTS=1 \
  SKIP_SSL_CERT_DOWNLOAD=1 API_ENDPOINT="http://127.0.0.1:9" ANALYTICS_API="http://127.0.0.1:9" \
  FILESYSTEM_ROOT="$WORK/fs" \
  "$VENV/bin/python" -m localstack.runtime.main >"$WORK/localstack.log" 2>&1 &
LS_PID=$!

t0=$SECONDS
# Ready when the health endpoint lists every service we need as available/running.
until "$VENV/bin/python" - "$URL" "$SERVICES" 2>/dev/null <<'PY'
import json, sys, urllib.request
url, services = sys.argv[1], sys.argv[2].split(",")
with urllib.request.urlopen(url + "/_localstack/health", timeout=2) as r:
    h = json.load(r)["services"]
sys.exit(0 if all(h.get(s) in ("available", "running") for s in services) else 1)
PY
do
  kill -0 "$LS_PID" 2>/dev/null || { tail -30 "$WORK/localstack.log" >&2; die "LocalStack exited during start"; }
  [ $((SECONDS - t0)) -lt 90 ] || { tail -30 "$WORK/localstack.log" >&2; die "LocalStack not ready after 90 s"; }
  sleep 0.5
done
log "ready after $((SECONDS - t0)) s"
RUN_T0=$SECONDS
PASSED=0 FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; }

# Guard against the 0.0.0.0 bind above (and any later regression of it): every listening socket
# of the LocalStack process must be on loopback.
if listen="$("$VENV/bin/python" - "$LS_PID" <<'PY'
import psutil, sys
socks = [c.laddr for c in psutil.Process(int(sys.argv[1])).net_connections("inet") if c.status == psutil.CONN_LISTEN]
print(" ".join(f"{a.ip}:{a.port}" for a in socks))
sys.exit(0 if socks and all(a.ip.startswith("127.") or a.ip == "::1" for a in socks) else 1)
PY
)"; then pass "LocalStack listens on loopback only ($listen)"
else fail "LocalStack listens beyond loopback: $listen"; fi

# --- fixture: REST API 'orders', GET /pets (MOCK), deployed to 'prod' -------------------------
API_ID="$("$VENV/bin/python" "$ROOT/scripts/fixture_orders.py" "$URL")"
log "created REST API orders ($API_ID) with stage prod"

# --- checks ---------------------------------------------------------------------------------
# tool NAME EXPECTED_RC ARGS...: runs the binary against LocalStack, shows its output, records rc.
N=0
tool() {
  local name="$1" want="$2"; shift 2
  N=$((N + 1)); OUT="$WORK/out.$N" ERR="$WORK/err.$N"
  echo; echo "\$ apigw-logs --endpoint-url $URL --region us-east-1 $*"
  local t0=$SECONDS
  set +e
  "$BIN" --endpoint-url "$URL" --region us-east-1 --color never "$@" >"$OUT" 2>"$ERR"
  RC=$?
  set -e
  sed 's/^/  | /' "$OUT"; sed 's/^/  ! /' "$ERR"
  local took="$((SECONDS - t0)) s"
  if [ "$RC" = "$want" ]; then pass "$name (exit $RC, $took)"; else fail "$name (exit $RC, want $want, $took)"; fi
}

tool "enable --api-type rest" 0 enable --api orders --stage prod --api-type rest --yes
tool "enable --api-type rest, second run" 0 enable --api orders --stage prod --api-type rest --yes
if grep -qi 'nothing to change' "$OUT"; then pass "second enable says nothing to change"
else fail "second enable does not say 'nothing to change'"; fi

tool "stage show --output json" 0 stage show --api orders --stage prod --api-type rest --output json
cp "$OUT" "$WORK/show.json"

tool "status --api-type rest" 0 status --api orders --api-type rest
tool "status --api-type rest --output json" 0 status --api orders --api-type rest --output json
cp "$OUT" "$WORK/status.json"

# Independent read-back: boto3 straight from LocalStack, plus what the tool said it saw.
echo
while IFS= read -r line; do
  case "$line" in
    PASS:*) pass "${line#PASS: }" ;;
    FAIL:*) fail "${line#FAIL: }" ;;
    *) echo "$line" ;;
  esac
done < <("$VENV/bin/python" - "$URL" "$WORK/show.json" "$WORK/status.json" 2>&1 <<'PY' || echo "FAIL: boto3 read-back crashed"
import boto3, json, sys
url, show_path, status_path = sys.argv[1:4]
c = lambda s: boto3.client(s, endpoint_url=url)
def check(ok, what, detail=""):
    print(("PASS: " if ok else "FAIL: ") + what + (f" ({detail})" if detail else ""))
apigw, iam, logs = c("apigateway"), c("iam"), c("logs")
acct = c("sts").get_caller_identity()["Account"]
api_id = next(a["id"] for a in apigw.get_rest_apis()["items"] if a["name"] == "orders")
stage = apigw.get_stage(restApiId=api_id, stageName="prod")
access = stage.get("accessLogSettings", {})
want_group = f"API-Gateway-Access-Logs_{api_id}/prod"
want_dest = f"arn:aws:logs:us-east-1:{acct}:log-group:{want_group}"
check(access.get("destinationArn") == want_dest, "stage accessLogSettings.destinationArn is the default group",
      access.get("destinationArn"))
fmt = access.get("format", "")
check("$context.requestId" in fmt and "\n" not in fmt.rstrip("\n"), "stage accessLogSettings.format is a one-line format with $context.requestId", fmt[:60] + "…")
ms = stage.get("methodSettings", {}).get("*/*", {})
check(ms.get("loggingLevel") == "INFO", "stage methodSettings['*/*'].loggingLevel is INFO", ms.get("loggingLevel"))
check(ms.get("dataTraceEnabled") is not True, "stage methodSettings['*/*'].dataTraceEnabled is off", ms.get("dataTraceEnabled"))

role_arn = apigw.get_account().get("cloudwatchRoleArn", "")
want_role = f"arn:aws:iam::{acct}:role/apigateway-cloudwatch-logs"
check(role_arn == want_role, "account cloudwatchRoleArn is the tool's role", role_arn)
role_name = role_arn.rsplit("/", 1)[-1]
try:
    role = iam.get_role(RoleName=role_name)["Role"]
    trust = role["AssumeRolePolicyDocument"]
    trust = json.loads(trust) if isinstance(trust, str) else trust
    principals = [s.get("Principal", {}).get("Service") for s in trust.get("Statement", [])]
    check(any(p == "apigateway.amazonaws.com" or (isinstance(p, list) and "apigateway.amazonaws.com" in p) for p in principals),
          "role exists and trusts apigateway.amazonaws.com", role_name)
    attached = [p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]]
    check("arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs" in attached,
          "role has AmazonAPIGatewayPushToCloudWatchLogs attached", ", ".join(attached) or "none")
except iam.exceptions.NoSuchEntityException:
    check(False, "role exists", f"{role_name}: NoSuchEntity")

def group(name):
    gs = logs.describe_log_groups(logGroupNamePrefix=name)["logGroups"]
    return next((g for g in gs if g["logGroupName"] == name), None)
g = group(want_group)
check(g is not None, "access log group exists", want_group)
check(g is not None and g.get("retentionInDays") == 30, "access log group keeps 30 days", g and g.get("retentionInDays"))
eg_name = f"API-Gateway-Execution-Logs_{api_id}/prod"
eg = group(eg_name)
check(eg is not None and eg.get("retentionInDays") == 30, "execution log group exists with 30 days", eg and eg.get("retentionInDays"))

# What the tool showed must be what LocalStack holds.
try:
    shown = json.dumps(json.load(open(show_path)))
    check(want_dest in shown and "INFO" in shown, "stage show JSON names the destination and INFO")
except ValueError as e:
    check(False, "stage show output is JSON", str(e))
try:
    st = json.load(open(status_path))
    findings = [f for r in st.get("regions", []) for f in r.get("account", {}).get("findings", [])]
    findings += [f for r in st.get("regions", []) for a in r.get("apis", []) for s in a.get("stages", []) for f in s.get("findings", [])]
    bad = [f["code"] for f in findings if f.get("severity") == "error"]
    warn = [f["code"] for f in findings if f.get("severity") == "warning"]
    check(findings and not bad and not st.get("errors"), "status JSON: healthy (no error finding)",
          f"{len(findings)} findings, errors={bad or st.get('errors') or 'none'}, warnings={warn or 'none'}")
except ValueError as e:
    check(False, "status output is JSON", str(e))
PY
)

# --- reading what logging produced: trace one request, summarise a window -------------------
# LocalStack serves no request into the stage's groups either, so the demo's traffic is written
# there (60 requests over the last 30 minutes, each access line in the stage's own format).
FAILED_ID="$("$VENV/bin/python" "$ROOT/scripts/demo_requests.py" "$API_ID" prod)"
tool "trace a failed request --output json" 0 trace "$FAILED_ID" --api orders --stage prod --api-type rest --output json
if grep -q "\"$FAILED_ID\"" "$OUT" && grep -q '"source": *"access"' "$OUT"; then pass "trace finds the request's access line"
else fail "trace does not show the request's access line"; fi
tool "summary --since 1h --output json" 0 summary --api orders --stage prod --api-type rest --since 1h --output json
if requests="$("$VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["figures"]["requests"])' "$OUT" 2>&1)" \
  && [ "$requests" = 60 ]; then pass "summary counts the 60 requests written"
else fail "summary counts $requests requests, not the 60 written"; fi

# Without --api-type the tool also lists HTTP/WebSocket APIs (GetApis), which LocalStack community
# answers with 501. The expected (fixed) behaviour: warn that v2 is unavailable and go on.
tool "enable without --api-type (v2 unavailable: warn and go on)" 0 enable --api orders --stage prod --yes
tool "status without --api-type (v2 unavailable: warn and go on)" 0 status --api orders

# --- debug sessions: a detached one listed, seen by status and ended; one ended by --timeout ----
# stage_check WHAT LEVEL DATA_TRACE SCHEDULE(yes|no): the stage and the session's schedule as
# LocalStack holds them, read with boto3.
stage_check() {
  local out
  if out="$("$VENV/bin/python" - "$URL" "$API_ID" "$2" "$3" "$4" 2>&1 <<'PY'
import boto3, sys
url, api_id, level, trace, schedule = sys.argv[1:6]
c = lambda s: boto3.client(s, endpoint_url=url)
ms = c("apigateway").get_stage(restApiId=api_id, stageName="prod").get("methodSettings", {}).get("*/*", {})
got = (ms.get("loggingLevel"), str(bool(ms.get("dataTraceEnabled"))).lower())
try:
    s = c("scheduler").get_schedule(GroupName="apigw-logs-debug", Name=f"{api_id}.prod")
    found = f"yes ({s['ScheduleExpression']}, {s['Target']['Arn']})"
except c("scheduler").exceptions.ResourceNotFoundException:
    found = "no"
print(f"stage */* {got[0]}, data trace {got[1]}; schedule {found}")
sys.exit(0 if got == (level, trace) and found.split(" ")[0] == schedule else 1)
PY
)"; then pass "$1: $out"; else fail "$1: $out (want $2, data trace $3, schedule $4)"; fi
}
tool "debug --detach --data-trace" 0 debug --api orders --stage prod --for 5m --detach --data-trace --yes
stage_check "during the session" INFO true yes
tool "debug list --output json" 0 debug list --output json
if grep -q "\"$API_ID\"" "$OUT"; then pass "debug list names the session"; else fail "debug list does not name the session"; fi
tool "status during the session" 0 status --api orders --api-type rest --output json
if grep -q '"debug-session"' "$OUT"; then pass "status reports the open session"; else fail "status does not report the session"; fi
tool "debug end" 0 debug end --api orders --stage prod
stage_check "after debug end" INFO false no
tool "debug ended by --timeout" 0 debug --api orders --stage prod --for 10m --timeout 5 --data-trace --yes
if grep -q "timeout reached" "$ERR"; then pass "the session says --timeout ended it"; else fail "no '--timeout reached' on stderr"; fi
stage_check "after the --timeout" INFO false no

# --- what LocalStack community lacks for this tool (information, not counted) ----------------
echo
"$VENV/bin/python" - "$URL" <<'PY'
import boto3, botocore, sys
url = sys.argv[1]
def probe(what, call):
    try:
        call(); print(f"INFO: {what}: supported")
    except botocore.exceptions.ClientError as e:
        err = e.response["Error"]
        print(f"INFO: {what}: HTTP {e.response['ResponseMetadata']['HTTPStatusCode']} {err.get('Code')}: {err.get('Message')}")
c = lambda s: boto3.client(s, endpoint_url=url)
probe("apigatewayv2 GetApis (HTTP/WebSocket APIs)", lambda: c("apigatewayv2").get_apis())
probe("organizations ListAccounts (--all-accounts runs)", lambda: c("organizations").list_accounts())
probe("logs PutDeliverySource on a REST stage (execution log delivery)", lambda: c("logs").put_delivery_source(
    name="probe", logType="EXECUTION_LOGS",
    resourceArn="arn:aws:apigateway:us-east-1::/restapis/probe/stages/prod"))
# Rules AWS enforces and the project's strict double (tests/e2e/faults.rs) reproduces: does
# LocalStack enforce them? On a throw-away API, after the checks (the last one changes the account).
def rule(what, call):
    try:
        call(); print(f"INFO: {what}: accepted (AWS and the strict double refuse it)")
    except botocore.exceptions.ClientError as e:
        print(f"INFO: {what}: refused, HTTP {e.response['ResponseMetadata']['HTTPStatusCode']} {e.response['Error'].get('Code')}")
api, logs = c("apigateway"), c("logs")
rid = api.create_rest_api(name="rules-probe")["id"]
root = api.get_resources(restApiId=rid)["items"][0]["id"]
api.put_method(restApiId=rid, resourceId=root, httpMethod="GET", authorizationType="NONE")
api.put_integration(restApiId=rid, resourceId=root, httpMethod="GET", type="MOCK")
api.create_deployment(restApiId=rid, stageName="p")
logs.create_log_group(logGroupName="rules-probe")
dest = f"arn:aws:logs:us-east-1:{c('sts').get_caller_identity()['Account']}:log-group:rules-probe"
op = lambda path, value: api.update_stage(restApiId=rid, stageName="p", patchOperations=[{"op": "replace", "path": path, "value": value}])
rule("UpdateStage loggingLevel DEBUG", lambda: op("/*/*/logging/loglevel", "DEBUG"))
rule("UpdateStage access log format without $context.requestId, two lines", lambda: api.update_stage(
    restApiId=rid, stageName="p", patchOperations=[
        {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": dest},
        {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.status\n$context.path"}]))
rule("UpdateStage method setting on a path that does not exist", lambda: op("/nope/GET/logging/loglevel", "INFO"))
rule("PutRetentionPolicy 8 days (not an allowed value)", lambda: logs.put_retention_policy(logGroupName="rules-probe", retentionInDays=8))
rule("UpdateAccount with a role that does not exist", lambda: api.update_account(patchOperations=[
    {"op": "replace", "path": "/cloudwatchRoleArn", "value": "arn:aws:iam::000000000000:role/does-not-exist"}]))
import importlib.metadata as m
print(f"INFO: embedded moto: moto-ext {m.version('moto-ext')}, boto3 {m.version('boto3')}")
PY

echo
log "fixture and checks took $((SECONDS - RUN_T0)) s after LocalStack was ready"
if [ "$FAILED" -gt 0 ]; then # the work dir goes on exit; keep LocalStack's request log
  cp "$WORK/localstack.log" "${TMPDIR:-/tmp}/apigw-logs-localstack.log"
  log "LocalStack log copied to ${TMPDIR:-/tmp}/apigw-logs-localstack.log"
fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
