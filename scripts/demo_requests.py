"""Demo traffic for `trace` and `summary`: the emulator serves no requests, so this writes what
API Gateway would have logged for 60 requests to the demo stage over the last 30 minutes: each
one's access line in the stage's own format (read back from the stage) and its execution lines.
Usage: python demo_requests.py API_ID STAGE. Prints the id of one failed request."""
import random
import sys
import time
import uuid

import boto3

api_id, stage = sys.argv[1], sys.argv[2]
apigw = boto3.client("apigateway")
logs = boto3.client("logs")
settings = apigw.get_stage(restApiId=api_id, stageName=stage)
access_group = settings["accessLogSettings"]["destinationArn"].split(":log-group:")[1]
access_format = settings["accessLogSettings"]["format"]
execution_group = f"API-Gateway-Execution-Logs_{api_id}/{stage}"

rng = random.Random(7)
now = int(time.time() * 1000)
access, execution, failed = [], [], None
for i in range(60):
    request_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    start = now - 1_800_000 + i * 30_000
    status = rng.choice([200] * 8 + [404, 500])
    method, path = rng.choice([("GET", "/pets"), ("GET", "/pets/{id}"), ("POST", "/pets")])
    values = {
        "$context.requestId": request_id,
        "$context.extendedRequestId": f"{request_id[:8]}EXT=",
        "$context.identity.sourceIp": f"198.51.100.{rng.randrange(1, 6)}",
        "$context.identity.caller": "-",
        "$context.identity.user": "-",
        "$context.requestTimeEpoch": str(start),
        "$context.requestTime": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(start / 1000)),
        "$context.httpMethod": method,
        "$context.resourcePath": path,
        "$context.status": str(status),
        "$context.protocol": "HTTP/1.1",
        "$context.responseLength": str(rng.randrange(20, 900)),
        "$context.responseLatency": str(rng.randrange(5, 400)),
        "$context.integrationLatency": str(rng.randrange(2, 350)),
    }
    line = access_format
    for name in sorted(values, key=len, reverse=True):
        line = line.replace(name, values[name])
    access.append({"timestamp": start + 40, "message": line})
    execution += [
        {"timestamp": start, "message": f"({request_id}) Extended Request Id: {values['$context.extendedRequestId']}"},
        {"timestamp": start + 1, "message": f"({request_id}) Starting execution for request: {request_id}"},
        {"timestamp": start + 2, "message": f"({request_id}) HTTP Method: {method}, Resource Path: {path}"},
        {"timestamp": start + 30, "message": f"({request_id}) Method completed with status: {status}"},
    ]
    if status == 500:
        failed = request_id

for group, events in ((access_group, access), (execution_group, execution)):
    try:
        logs.create_log_group(logGroupName=group)
    except logs.exceptions.ResourceAlreadyExistsException:
        pass
    logs.create_log_stream(logGroupName=group, logStreamName="demo")
    logs.put_log_events(logGroupName=group, logStreamName="demo", logEvents=events)
print(failed)
