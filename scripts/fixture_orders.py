"""The demo fixture both emulator scripts create: REST API 'orders' with GET /pets (MOCK),
deployed to stage 'prod'. Usage: python fixture_orders.py [ENDPOINT_URL] (default: the
environment's AWS_ENDPOINT_URL). Prints the API id."""
import sys

import boto3

api = boto3.client("apigateway", endpoint_url=sys.argv[1] if len(sys.argv) > 1 else None)
rest = api.create_rest_api(name="orders")
root = api.get_resources(restApiId=rest["id"])["items"][0]["id"]
pets = api.create_resource(restApiId=rest["id"], parentId=root, pathPart="pets")["id"]
api.put_method(restApiId=rest["id"], resourceId=pets, httpMethod="GET", authorizationType="NONE")
api.put_integration(restApiId=rest["id"], resourceId=pets, httpMethod="GET", type="MOCK")
api.create_deployment(restApiId=rest["id"], stageName="prod")
print(rest["id"])
