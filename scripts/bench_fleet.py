"""Fleet benchmark (run by scripts/bench-fleet.sh): apigw-logs against the equivalent AWS CLI script,
on a local moto server, for N REST APIs with one stage each. Prints figures and ratios; asserts
nothing (performance is measured here, never in tests).

(a) apigw-logs enable --all-apis --all-stages (release build) on a fresh account;
(b) the AWS CLI script doing the same chain, one `aws` process per call, on another fresh account;
(c) (a) again on the configured fleet: its write calls are counted (must be 0);
floor: the emulator's own limit for (a): per-call service time of each call (a) makes, summed,
divided by the concurrency the emulator sustains. Service times are measured with requests signed
beforehand and sent over plain HTTP connections, so the client's own work (boto3 takes about 1 ms
per call) is not counted as the emulator's.
"""

import concurrent.futures
import http.client
import json
import os
import random
import subprocess
import sys
import time
import urllib.parse

import boto3

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
BIN = sys.argv[1]
SIZES = [int(n) for n in sys.argv[2:]] or [20, 200]
REGION = "us-east-1"
ROLE = "apigateway-cloudwatch-logs"
POLICY = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
JSON_FORMAT = ('{ "requestId":"$context.requestId", "ip": "$context.identity.sourceIp", "caller":"$context.identity.caller", '
               '"user":"$context.identity.user", "requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", '
               '"resourcePath":"$context.resourcePath", "status":"$context.status", "protocol":"$context.protocol", '
               '"responseLength":"$context.responseLength" }')
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def fresh_account():
    """Credentials for a new, empty moto account (moto keys state by the assumed role's account)."""
    account = str(random.randrange(10**11, 10**12))
    sts = boto3.client("sts", endpoint_url=ENDPOINT, region_name=REGION, aws_access_key_id="bench", aws_secret_access_key="bench")
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/bench", RoleSessionName="bench")["Credentials"]
    env = dict(os.environ, AWS_ACCESS_KEY_ID=creds["AccessKeyId"], AWS_SECRET_ACCESS_KEY=creds["SecretAccessKey"],
               AWS_SESSION_TOKEN=creds["SessionToken"], AWS_REGION=REGION, AWS_DEFAULT_REGION=REGION)
    session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                            aws_session_token=creds["SessionToken"], region_name=REGION)
    return account, env, session


def create_apis(session, n):
    api = session.client("apigateway", endpoint_url=ENDPOINT)

    def one(i):
        rest = api.create_rest_api(name=f"svc-{i:03d}")
        root = api.get_resources(restApiId=rest["id"])["items"][0]["id"]
        api.put_method(restApiId=rest["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
        api.put_integration(restApiId=rest["id"], resourceId=root, httpMethod="GET", type="MOCK")
        api.create_deployment(restApiId=rest["id"], stageName="prod")
        return rest["id"]

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def run_tool(env):
    # The emulator enforces no quota, so this mode measures the client without AWS's pacing
    # (scripts/bench-quota.sh measures it against AWS's quotas).
    env = dict(env, APIGW_LOGS_QUOTA_SCALE="1000")
    start = time.perf_counter()
    out = subprocess.run([BIN, "enable", "--all-apis", "--all-stages", "--yes", "--output", "json"],
                         env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"apigw-logs failed: {out.stderr}")
    report = json.loads(out.stdout)
    calls = {}
    for step in report["plan"]:
        calls[step["action"]["call"]] = calls.get(step["action"]["call"], 0) + 1
    return elapsed, calls


def run_cli(env, account, api_ids, mirror):
    """The AWS CLI script: as the issue specifies it (create-log-group and update-stage per stage),
    or, with `mirror`, one `aws` call for every write apigw-logs makes (retention, execution group)."""
    aws = [os.path.join(os.path.dirname(sys.executable), "aws"), "--endpoint-url", ENDPOINT, "--output", "json"]
    role_arn = f"arn:aws:iam::{account}:role/{ROLE}"
    commands = [
        ["iam", "create-role", "--role-name", ROLE, "--assume-role-policy-document", TRUST],
        ["iam", "attach-role-policy", "--role-name", ROLE, "--policy-arn", POLICY],
        ["apigateway", "update-account", "--patch-operations", f"op=replace,path=/cloudwatchRoleArn,value={role_arn}"],
    ]
    for api_id in api_ids:
        group = f"API-Gateway-Access-Logs_{api_id}/prod"
        commands.append(["logs", "create-log-group", "--log-group-name", group])
        if mirror:
            execution = f"API-Gateway-Execution-Logs_{api_id}/prod"
            commands += [
                ["logs", "put-retention-policy", "--log-group-name", group, "--retention-in-days", "30"],
                ["logs", "create-log-group", "--log-group-name", execution],
                ["logs", "put-retention-policy", "--log-group-name", execution, "--retention-in-days", "30"],
            ]
        ops = json.dumps([
            {"op": "replace", "path": "/*/*/logging/loglevel", "value": "INFO"},
            {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": f"arn:aws:logs:{REGION}:{account}:log-group:{group}"},
            {"op": "replace", "path": "/accessLogSettings/format", "value": JSON_FORMAT},
        ])
        commands.append(["apigateway", "update-stage", "--rest-api-id", api_id, "--stage-name", "prod", "--patch-operations", ops])
    start = time.perf_counter()
    for command in commands:
        subprocess.run(aws + command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start, len(commands)


class _Signed(Exception):
    def __init__(self, request):
        self.request = request


def _stop_before_send(request, **_):
    raise _Signed(request)


def signed(client_call, **params):
    """The request `client_call(**params)` would send, signed, as (method, path, body, headers)."""
    try:
        client_call(**params)
    except _Signed as captured:
        r = captured.request
        url = urllib.parse.urlparse(r.url)
        body = r.body.encode() if isinstance(r.body, str) else r.body
        return r.method, url.path + (f"?{url.query}" if url.query else ""), body, dict(r.headers)
    raise RuntimeError("the call was not captured")


def send(connection, request):
    method, path, body, headers = request
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    if response.status >= 300:
        sys.exit(f"probe {method} {path} failed: {response.status}")


def signing_clients(session, names=("apigateway", "logs")):
    clients = [session.client(name, endpoint_url=ENDPOINT) for name in names]
    for client in clients:
        client.meta.events.register("before-send", _stop_before_send)
    return clients


def connection():
    url = urllib.parse.urlparse(ENDPOINT)
    return http.client.HTTPConnection(url.hostname, url.port)


def service_times(session, api_ids, samples=40):
    """Mean emulator time per call of each kind the tool makes per stage, sequential."""
    apigw, logs = signing_clients(session)
    api_id = api_ids[0]
    probes = {
        "GetStages": lambda i: signed(apigw.get_stages, restApiId=api_id),
        "DescribeLogGroups": lambda i: signed(logs.describe_log_groups, logGroupNamePrefix=f"probe-{i}"),
        "CreateLogGroup": lambda i: signed(logs.create_log_group, logGroupName=f"probe-{i}"),
        "PutRetentionPolicy": lambda i: signed(logs.put_retention_policy, logGroupName=f"probe-{i}", retentionInDays=30),
        "UpdateStage": lambda i: signed(apigw.update_stage, restApiId=api_id, stageName="prod", patchOperations=[
            {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true" if i % 2 else "false"}]),
    }
    times = {}
    conn = connection()
    for name, probe in probes.items():
        requests = [probe(i) for i in range(-1, samples)]  # signed before the clock starts
        send(conn, requests[0])  # warm up
        start = time.perf_counter()
        for request in requests[1:]:
            send(conn, request)
        times[name] = (time.perf_counter() - start) / samples
    return times


def region_chain(account, session):
    """Emulator time of the once-per-region calls (a) makes, in order, on an account with APIs but
    no role yet: they depend on each other (the role before the account setting), so they add up."""
    sts, apigw, apigw2, iam = signing_clients(session, ("sts", "apigateway", "apigatewayv2", "iam"))
    role_arn = f"arn:aws:iam::{account}:role/{ROLE}"
    chain = [
        signed(sts.get_caller_identity),
        signed(apigw.get_rest_apis),
        signed(apigw2.get_apis),
        signed(apigw.get_account),
        signed(iam.create_role, RoleName=ROLE, AssumeRolePolicyDocument=TRUST),
        signed(iam.attach_role_policy, RoleName=ROLE, PolicyArn=POLICY),
        signed(apigw.update_account, patchOperations=[{"op": "replace", "path": "/cloudwatchRoleArn", "value": role_arn}]),
    ]
    conn = connection()
    start = time.perf_counter()
    for request in chain:
        send(conn, request)
    return time.perf_counter() - start, len(chain)


def sustained_concurrency(session, api_ids, calls=160, workers=8):
    """How many calls the emulator serves at once: 8 connections' throughput over one's."""
    apigw, _ = signing_clients(session)
    requests = [signed(apigw.get_stages, restApiId=api_ids[i % len(api_ids)]) for i in range(calls)]
    conn = connection()
    send(conn, requests[0])
    start = time.perf_counter()
    for request in requests:
        send(conn, request)
    sequential = time.perf_counter() - start
    chunks = [requests[i::workers] for i in range(workers)]

    def run(chunk):
        own = connection()
        for request in chunk:
            send(own, request)

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(run, chunks))
    parallel = time.perf_counter() - start
    return sequential / parallel


def main():
    print(f"machine: {os.cpu_count()} cores; emulator: moto server on 127.0.0.1; apigw-logs --concurrency 8 (default)")
    for n in SIZES:
        account_a, env_a, session_a = fresh_account()
        account_b, env_b, session_b = fresh_account()
        ids_a = create_apis(session_a, n)
        ids_b = create_apis(session_b, n)
        mirror = None
        if n <= 50:
            account_m, env_m, session_m = fresh_account()
            mirror = run_cli(env_m, account_m, create_apis(session_m, n), mirror=True)

        first, writes = run_tool(env_a)
        second, rewrites = run_tool(env_a)
        # One run is at the mercy of the emulator's (single-threaded) pauses: at small N, (a) is also
        # timed on fresh twin fleets and the median reported.
        firsts = [first]
        for _ in range(2 if n <= 50 else 0):
            _, env_t, session_t = fresh_account()
            create_apis(session_t, n)
            firsts.append(run_tool(env_t)[0])
        first = sorted(firsts)[len(firsts) // 2]
        cli, cli_calls = run_cli(env_b, account_b, ids_b, mirror=False)

        # Calls (a) made: the region-wide chain (measured on its own fresh account), then one
        # GetStages per API, one listing of the (still empty) API-Gateway-* log groups, and the
        # per-stage writes (at the concurrency the emulator sustains).
        per_kind = {"GetStages": n, "DescribeLogGroups": 1,
                    "CreateLogGroup": writes.get("logs:CreateLogGroup", 0),
                    "PutRetentionPolicy": writes.get("logs:PutRetentionPolicy", 0),
                    "UpdateStage": writes.get("apigateway:UpdateStage", 0)}
        _, _, session_c = fresh_account()
        probe_ids = create_apis(session_c, 1)
        times = service_times(session_c, probe_ids)
        concurrency = sustained_concurrency(session_c, probe_ids)
        account_d, _, session_d = fresh_account()
        create_apis(session_d, 1)  # as for (a): moto's first request for an account sets it up (about 1 s)
        chain, chain_calls = region_chain(account_d, session_d)
        floor = chain + sum(count * times[kind] for kind, count in per_kind.items()) / concurrency

        print(f"\nN = {n} REST APIs x 1 stage")
        print(f"  (a) apigw-logs enable --all-apis --all-stages: {first:8.2f} s  ({sum(writes.values())} write calls; "
              f"median of {', '.join(f'{t:.2f}' for t in firsts)} s on {len(firsts)} fresh fleets)")
        print(f"  (b) AWS CLI script, one aws process per call:  {cli:8.2f} s  ({cli_calls} calls, {cli / cli_calls:.2f} s per call)")
        if mirror:
            print(f"  (b') AWS CLI, one aws call per write apigw-logs makes: {mirror[0]:6.2f} s  ({mirror[1]} calls); ratio (b')/(a): {mirror[0] / first:.1f}x")
        print(f"  (c) apigw-logs again on the configured fleet:  {second:8.2f} s  ({sum(rewrites.values())} write calls)")
        print(f"  ratio (b)/(a): {cli / first:7.1f}x   (target >= 40x at N = 20; the emulator caps it, see the next lines)")
        print(f"  emulator floor for (a): {floor:6.2f} s  = region chain {chain:.2f} s ({chain_calls} calls in sequence: STS, "
              f"GetRestApis, GetApis, GetAccount, CreateRole, AttachRolePolicy, UpdateAccount) + {sum(per_kind.values())} "
              f"per-stage calls ({', '.join(f'{k} {v} x {times[k] * 1000:.1f} ms' for k, v in per_kind.items())}) "
              f"/ sustained concurrency {concurrency:.2f}")
        print(f"  the most (b)/(a) can be on this emulator: (b) / floor = {cli / floor:.1f}x")
        print(f"  ratio (a)/floor: {first / floor:5.2f}   (target: <= 1.5 at N = 20, <= 1.2 at N = 200)")


if __name__ == "__main__":
    main()
