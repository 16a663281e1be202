"""Fleet benchmark (run by scripts/bench-fleet.sh): apigw-logs against the equivalent AWS CLI script,
on a local moto server, for N REST APIs with one stage each. Prints figures and ratios; asserts
nothing (performance is measured here, never in tests).

(a) apigw-logs enable --all-apis --all-stages (release build) on a fresh account;
(b) the AWS CLI script doing the same chain, one `aws` process per call, on another fresh account;
(c) (a) again on the configured fleet: its write calls are counted (must be 0);
floor: the emulator's own limit for (a): per-call service time of each call (a) makes, summed,
divided by the concurrency the emulator sustains.
"""

import concurrent.futures
import json
import os
import random
import subprocess
import sys
import time

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


def service_times(session, api_ids, samples=40):
    """Mean time per call of each kind the tool makes per stage, sequential, from a warm client."""
    apigw = session.client("apigateway", endpoint_url=ENDPOINT)
    logs = session.client("logs", endpoint_url=ENDPOINT)
    api_id = api_ids[0]
    probes = {
        "GetStages": lambda i: apigw.get_stages(restApiId=api_id),
        "DescribeLogGroups": lambda i: logs.describe_log_groups(logGroupNamePrefix=f"probe-{i}"),
        "CreateLogGroup": lambda i: logs.create_log_group(logGroupName=f"probe-{i}"),
        "PutRetentionPolicy": lambda i: logs.put_retention_policy(logGroupName=f"probe-{i}", retentionInDays=30),
        "UpdateStage": lambda i: apigw.update_stage(restApiId=api_id, stageName="prod", patchOperations=[
            {"op": "replace", "path": "/*/*/metrics/enabled", "value": "true" if i % 2 else "false"}]),
    }
    times = {}
    for name, probe in probes.items():
        probe(-1)  # warm up
        start = time.perf_counter()
        for i in range(samples):
            probe(i)
        times[name] = (time.perf_counter() - start) / samples
    return times


def sustained_concurrency(session, api_ids, calls=160, workers=8):
    apigw = session.client("apigateway", endpoint_url=ENDPOINT)
    work = lambda i: apigw.get_stages(restApiId=api_ids[i % len(api_ids)])
    work(0)
    start = time.perf_counter()
    for i in range(calls):
        work(i)
    sequential = time.perf_counter() - start
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        list(pool.map(work, range(calls)))
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
        cli, cli_calls = run_cli(env_b, account_b, ids_b, mirror=False)

        # Calls (a) made: one GetStages per API, one listing of the (still empty) API-Gateway-* log
        # groups, its writes; a handful of region-wide calls (STS, GetRestApis, GetAccount, GetRole...)
        # are left out of the floor.
        per_kind = {"GetStages": n, "DescribeLogGroups": 1,
                    "CreateLogGroup": writes.get("logs:CreateLogGroup", 0),
                    "PutRetentionPolicy": writes.get("logs:PutRetentionPolicy", 0),
                    "UpdateStage": writes.get("apigateway:UpdateStage", 0)}
        _, _, session_c = fresh_account()
        probe_ids = create_apis(session_c, 1)
        times = service_times(session_c, probe_ids)
        concurrency = sustained_concurrency(session_c, probe_ids)
        floor = sum(count * times[kind] for kind, count in per_kind.items()) / concurrency

        print(f"\nN = {n} REST APIs x 1 stage")
        print(f"  (a) apigw-logs enable --all-apis --all-stages: {first:8.2f} s  ({sum(writes.values())} write calls)")
        print(f"  (b) AWS CLI script, one aws process per call:  {cli:8.2f} s  ({cli_calls} calls, {cli / cli_calls:.2f} s per call)")
        if mirror:
            print(f"  (b') AWS CLI, one aws call per write apigw-logs makes: {mirror[0]:6.2f} s  ({mirror[1]} calls); ratio (b')/(a): {mirror[0] / first:.1f}x")
        print(f"  (c) apigw-logs again on the configured fleet:  {second:8.2f} s  ({sum(rewrites.values())} write calls)")
        print(f"  ratio (b)/(a): {cli / first:7.1f}x   (target: >= 100x at N = 20)")
        print(f"  emulator floor for (a): {floor:6.2f} s  = {sum(per_kind.values())} per-stage calls "
              f"({', '.join(f'{k} {v} x {times[k] * 1000:.1f} ms' for k, v in per_kind.items())}) / sustained concurrency {concurrency:.2f}")
        print(f"  ratio (a)/floor: {first / floor:5.2f}   (target: <= 2 at N = 200)")


main()
