"""Latency benchmark (run by scripts/bench-latency.sh): how many AWS round trips a command makes
one after another. Every call goes through the strict AWS double holding it a fixed time: once at
SLOW seconds a call, once at FAST. The calls made in series are the difference of the two wall
times divided by the difference of the two latencies (everything else a run does takes the same
time in both). Prints figures and the bound beside each; asserts nothing.

Each command runs on a fresh moto account with one REST API `orders` and a stage `prod` (and,
for the commands that run on a configured stage, after `enable` has configured it; for `trace`,
with a Lambda proxy integration and one request's access, execution and Lambda lines seeded).
"""

import io
import json
import os
import random
import subprocess
import sys
import time
import urllib.request
import zipfile

import boto3

MOTO = os.environ["MOTO_URL"]
SLOW_URL, FAST_URL = sys.argv[2], sys.argv[3]
SLOW, FAST = float(sys.argv[4]), float(sys.argv[5])
BIN = sys.argv[1]
REGION = "us-east-1"
RUNS = 3

REQUEST = "0badcafe-1111-4222-8333-444444444444"
LAMBDA_REQUEST = "0badcafe-aaaa-4bbb-8ccc-dddddddddddd"
TRACE_FORMAT = ('{ "requestId":"$context.requestId", "requestTime":"$context.requestTimeEpoch", '
                '"httpMethod":"$context.httpMethod", "resourcePath":"$context.resourcePath", "status":"$context.status", '
                '"responseLatency":"$context.responseLatency", "integrationRequestId":"$context.integration.requestId" }')


def configure(env, session, api_id):
    run(env, FAST_URL, ["enable", "--api", "orders", "--stage", "prod", "--yes"])


def seed_request(env, session, api_id):
    """A Lambda proxy integration on GET /, and one request's lines in every group, an hour ago."""
    run(env, FAST_URL, ["enable", "--api", "orders", "--stage", "prod", "--access-log-format", TRACE_FORMAT, "--yes"])
    iam = session.client("iam", endpoint_url=MOTO)
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    role = iam.create_role(RoleName="fn-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("index.py", "def handler(e, c):\n    return {}\n")
    function = session.client("lambda", endpoint_url=MOTO).create_function(
        FunctionName="orders-fn", Runtime="python3.12", Role=role, Handler="index.handler",
        Code={"ZipFile": archive.getvalue()})["FunctionArn"]
    api = session.client("apigateway", endpoint_url=MOTO)
    root = api.get_resources(restApiId=api_id)["items"][0]["id"]
    api.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="AWS_PROXY", integrationHttpMethod="POST",
                        uri=f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{function}/invocations")
    logs = session.client("logs", endpoint_url=MOTO)
    at = int(time.time() * 1000) - 3_600_000
    lines = {
        f"API-Gateway-Access-Logs_{api_id}/prod": [(at + 50, json.dumps({"requestId": REQUEST, "requestTime": str(at), "httpMethod": "GET", "resourcePath": "/", "status": "200", "responseLatency": "42", "integrationRequestId": LAMBDA_REQUEST}))],
        f"API-Gateway-Execution-Logs_{api_id}/prod": [(at + 1, f"({REQUEST}) Starting execution for request: {REQUEST}"), (at + 40, f"({REQUEST}) Method completed with status: 200")],
        "/aws/lambda/orders-fn": [(at + 10, f"START RequestId: {LAMBDA_REQUEST} Version: $LATEST"), (at + 20, f"END RequestId: {LAMBDA_REQUEST}")],
    }
    for group, events in lines.items():
        try:
            logs.create_log_group(logGroupName=group)
        except logs.exceptions.ResourceAlreadyExistsException:
            pass
        logs.create_log_stream(logGroupName=group, logStreamName="s")
        logs.put_log_events(logGroupName=group, logStreamName="s",
                            logEvents=[{"timestamp": t, "message": m} for t, m in events])


def silent_traffic(env, session, api_id):
    """Configured, with 500 requests an hour ago and nothing in its groups: the silent-chain check."""
    configure(env, session, api_id)
    session.client("cloudwatch", endpoint_url=MOTO).put_metric_data(Namespace="AWS/ApiGateway", MetricData=[{
        "MetricName": "Count", "Dimensions": [{"Name": "ApiName", "Value": "orders"}, {"Name": "Stage", "Value": "prod"}],
        "Timestamp": time.time() - 3_600, "Value": 500.0}])


# (name, arguments, set-up before it, round trips the calls need at the least, goal)
COMMANDS = [
    ("enable again, nothing to change", ["enable", "--api", "orders", "--stage", "prod", "--yes"], configure,
     "2 (look the API up; then everything else at once)", 3),
    ("status --api A --stage S", ["status", "--api", "orders", "--stage", "prod"], configure, "2", 3),
    ("status, traffic into silent groups", ["status", "--api", "orders", "--stage", "prod"], silent_traffic,
     "3 (then the groups' newest streams and the causes)", 3),
    ("stage show --api A --stage S", ["stage", "show", "--api", "orders", "--stage", "prod"], configure, "2", 2),
    ("enable on a fresh account", ["enable", "--api", "orders", "--stage", "prod", "--yes"], None,
     "~6 (CreateRole, AttachRolePolicy, UpdateAccount, UpdateStage after the reads)", 7),
    ("trace REQUEST_ID --api A --stage S", ["trace", REQUEST, "--api", "orders", "--stage", "prod"], seed_request,
     "4 (the API; the stage and its integrations; the access line and the function's group; execution and Lambda lines)", 4),
]


def fresh_account():
    account = str(random.randrange(10**11, 10**12))
    sts = boto3.client("sts", endpoint_url=MOTO, region_name=REGION, aws_access_key_id="bench",
                       aws_secret_access_key="bench")
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/bench", RoleSessionName="bench")["Credentials"]
    env = dict(os.environ, AWS_ACCESS_KEY_ID=creds["AccessKeyId"], AWS_SECRET_ACCESS_KEY=creds["SecretAccessKey"],
               AWS_SESSION_TOKEN=creds["SessionToken"], AWS_REGION=REGION, NO_COLOR="1",
               AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null", AWS_EC2_METADATA_DISABLED="true")
    env.pop("AWS_PROFILE", None)
    session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                            aws_session_token=creds["SessionToken"], region_name=REGION)
    api = session.client("apigateway", endpoint_url=MOTO)
    rest = api.create_rest_api(name="orders")
    root = api.get_resources(restApiId=rest["id"])["items"][0]["id"]
    api.put_method(restApiId=rest["id"], resourceId=root, httpMethod="GET", authorizationType="NONE")
    api.put_integration(restApiId=rest["id"], resourceId=root, httpMethod="GET", type="MOCK")
    api.create_deployment(restApiId=rest["id"], stageName="prod")
    return env, session, rest["id"]


def calls(url):
    with urllib.request.urlopen(f"{url}/__double/stats") as answer:
        return json.load(answer)["calls"]


def run(env, url, args):
    env = dict(env, AWS_ENDPOINT_URL=url)
    before = calls(url)
    start = time.perf_counter()
    out = subprocess.run([BIN, *args], env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 5):
        sys.exit(f"apigw-logs {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return elapsed, calls(url) - before


def measure(args, setup):
    """The median wall time at each latency, and the calls of a run."""
    times = {SLOW_URL: [], FAST_URL: []}
    made = set()
    for _ in range(RUNS):
        for url in (SLOW_URL, FAST_URL):
            env, session, api_id = fresh_account()
            if setup:
                setup(env, session, api_id)
            elapsed, n = run(env, url, args)
            times[url].append(elapsed)
            made.add(n)
    median = lambda xs: sorted(xs)[len(xs) // 2]
    return median(times[SLOW_URL]), median(times[FAST_URL]), made


print(f"Round trips in series: wall time at {SLOW * 1000:.0f} ms a call minus wall time at {FAST * 1000:.0f} ms a call, "
      f"divided by the difference (median of {RUNS} runs each, a fresh account each)")
print(f"{'command (one REST stage)':<34} {'calls':>6} {'in series':>10} {'goal':>5}  bound")
for name, args, setup, bound, goal in COMMANDS:
    slow, fast, made = measure(args, setup)
    series = (slow - fast) / (SLOW - FAST)
    counted = "/".join(str(n) for n in sorted(made))
    print(f"{name:<34} {counted:>6} {series:>10.1f} {'≤ ' + str(goal):>5}  {bound}   "
          f"(wall {slow:.2f} s at {SLOW * 1000:.0f} ms, {fast:.2f} s at {FAST * 1000:.0f} ms)")
