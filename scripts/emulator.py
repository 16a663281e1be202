"""Runs the pinned moto server (installed by scripts/setup-emulator.sh) on 127.0.0.1 for the tests,
the demo and the benchmarks, with AWS's managed policies loaded (the tool attaches one).

Usage: .venv/bin/python scripts/emulator.py PORT

Three changes make moto cheaper without changing an answer it gives (moto is pinned, so
they are checked against that version):
- Recognising an access key asked every IAM partition of every account (aws, aws-cn, aws-us-gov,
  the ISO ones), and asking created each one, with its own copy of the ~1,600 managed policies. A
  partition nobody has used has no keys, so it is skipped instead of created.
- Each of those copies parsed the same 5 MB of JSON again and wrote each policy's document back
  to JSON; both are done once.
- Each request was logged (to /dev/null: the scripts discard moto's output).
Profiled under the end-to-end suite, these were about 70 % of moto's time, and moto is one Python
process (one core) serving every test: the suite went from 265 s to 160 s.
"""

import json
import logging
import os
import sys
from datetime import datetime

MOTO_VERSION = "5.2.6"

os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"

import moto  # noqa: E402
from moto.iam import models as iam  # noqa: E402
from moto import settings  # noqa: E402
from moto.server import main  # noqa: E402
from moto.utilities.utils import PARTITION_NAMES  # noqa: E402

if moto.__version__ != MOTO_VERSION:
    sys.exit(f"emulator: moto {moto.__version__} is installed, {MOTO_VERSION} is pinned: run scripts/setup-emulator.sh")


def get_account_id_from(access_key: str) -> str:
    for account_id, account in list(iam.iam_backends.items()):
        for partition in PARTITION_NAMES:
            # `in` looks without creating (indexing creates the partition's backend).
            if partition in account and access_key in account[partition].access_keys:
                return account_id
    return iam.DEFAULT_ACCOUNT_ID


_managed_policies = None


def _init_aws_policies(self):
    """What moto's own does (its AWSManagedPolicy.from_data, per policy), from one parse."""
    global _managed_policies
    if not settings.load_iam_aws_managed_policies():
        return []
    if _managed_policies is None:
        _managed_policies = [
            (
                name,
                {
                    "default_version_id": data.get("DefaultVersionId"),
                    "path": data.get("Path"),
                    "document": json.dumps(data.get("Document")),
                    "create_date": datetime.fromisoformat(data["CreateDate"]),
                    "update_date": datetime.fromisoformat(data["UpdateDate"]),
                },
            )
            for name, data in json.loads(iam.aws_managed_policies_data).items()
        ]
    return [
        iam.AWSManagedPolicy(name, account_id=self.account_id, region=self.region_name, **fields)
        for name, fields in _managed_policies
    ]


iam.get_account_id_from = get_account_id_from
iam.IAMBackend._init_aws_policies = _init_aws_policies
logging.getLogger("werkzeug").setLevel(logging.WARNING)

if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1].isdigit():
        sys.exit("usage: emulator.py PORT")
    main(["-H", "127.0.0.1", "-p", sys.argv[1]])
