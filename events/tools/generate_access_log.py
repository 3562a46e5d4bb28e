#!/usr/bin/env python3
"""Generates the S3 server access log sample under events/: one day (2026-11-10) of requests to the prod data bucket
example-prod-data in account 111122223333, delivered with a partitioned prefix to the log bucket
example-org-s3-access-logs, and the SQS event (S3 -> SQS, raw delivery) announcing it: events/07-sqs-access-log.json.

What the log holds, in time order:
  all day  role app-server-role (EC2 instances, through the VPC endpoint) reads invoices/ and exports/daily/ keys,
           HEADs and lists them; role inventory-scanner reads config/; user alice writes reports/
  10:12    app-server-role tries to overwrite config/app.json: 403 AccessDenied (denied write)
  11:40    alice tries to delete an invoice: 403 AccessDenied (denied write)
  17:41    the root console session of the story (203.0.113.66, signed in at 17:20 without MFA, which removed the
           local trail's data events at 17:33) lists the bucket and reads three daily exports: only this log shows it
  15:30    an anonymous caller from 198.51.100.200 reads exports/daily/ keys: granted (the bucket is not meant to be public)
  15:34    the same caller probes invoices/ (403) and tries to upload (403): denied anonymous reads and writes
  23:59    S3's lifecycle expires an old export (S3.EXPIRE.OBJECT: S3's own work, skipped by the reader)

Deterministic: one seeded random.Random, no wall clock. Plain text, as S3 delivers access logs. Run from the
repository root:  python3 events/tools/generate_access_log.py
"""
import datetime as dt
import hashlib
import json
import os
import random
import sys
import urllib.parse

PROD = "111122223333"
MGMT = "444455556666"
REGION = "us-east-1"
BUCKET = "example-prod-data"
LOG_BUCKET = "example-org-s3-access-logs"
OWNER = "5f1c1a38e12a4b2bcf8e6a4d5c0b2e9f7a1d3c6b8e0f2a4c6e8b0d2f4a6c8e0b"  # the bucket owner's canonical id
APP_ROLE = f"arn:aws:sts::{PROD}:assumed-role/app-server-role"
SCANNER = f"arn:aws:sts::{PROD}:assumed-role/inventory-scanner/inventory-scanner"
ALICE = f"arn:aws:iam::{PROD}:user/alice"
ROOT = f"arn:aws:iam::{PROD}:root"
INSTANCES = ["i-0abc1234def567890", "i-0abc1234def567891"]
SDK_UA = "aws-sdk-java/2.25.11 Linux/6.1.109-118.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/17.0.12+7-LTS Java/17.0.12 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2"
SCANNER_UA = "Boto3/1.35.44 md/Botocore#1.35.44 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6 Botocore/1.35.44"
CLI_UA = "aws-cli/2.18.9 md/awscrt#0.22.0 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off command/s3.cp"
CONSOLE_UA = "[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15]"
CURL_UA = "curl/8.7.1"


class Log:
    def __init__(self):
        self.rng = random.Random(20261110)
        self.lines = []

    def token(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def add(self, at, requester, ip, operation, key, status, ua, error="-", query="", size=None, method=None):
        method = method or operation.split(".")[1]
        encoded = urllib.parse.quote(key, safe="/-_.~") if key != "-" else "-"
        uri = f"{method} /{BUCKET}" + (f"/{encoded}" if key != "-" else "") + query + " HTTP/1.1"
        size = size if size is not None else self.rng.randint(2_000, 900_000) if key != "-" else self.rng.randint(600, 4_000)
        sent = size if status == 200 and method == "GET" else self.rng.randint(200, 400)
        turn = self.rng.randint(4, 40)
        total = turn + self.rng.randint(1, 60)
        host_id = self.token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 76)
        request_id = self.token("0123456789ABCDEF", 16)
        tls, cipher = ("TLSv1.3", "TLS_AES_128_GCM_SHA256")
        auth = "-" if requester == "-" else "AuthHeader"
        sig = "-" if requester == "-" else "SigV4"
        object_size = size if key != "-" else "-"
        self.lines.append((at, f"{OWNER} {BUCKET} [{at:%d/%b/%Y:%H:%M:%S} +0000] {ip} {requester} {request_id} {operation} {encoded} "
                               f"\"{uri}\" {status} {error} {sent if status < 400 or method == 'GET' else '-'} {object_size} {total} {turn} \"-\" \"{ua}\" - "
                               f"{host_id}= {sig} {cipher} {auth} {BUCKET}.s3.{REGION}.amazonaws.com {tls} - - {REGION}"))


def at(hour, minute=0, second=0):
    return dt.datetime(2026, 11, 10, hour, minute, second, tzinfo=dt.timezone.utc)


def routine(log):
    invoices = [f"invoices/2026/11/inv-{n:05d}.pdf" for n in range(41200, 41236)]
    exports = [f"exports/daily/2026-11-{d:02d}.csv.gz" for d in range(1, 10)] + ["exports/daily/summary 2026-11-09.csv"]
    configs = ["config/app.json", "config/feature-flags.json", "config/regions/us-east-1.json", "config/regions/us-west-2.json"]
    for i, key in enumerate(invoices):
        t = at(8) + dt.timedelta(minutes=11 * i, seconds=log.rng.randint(0, 59))
        instance = INSTANCES[i % 2]
        ip = f"10.20.{log.rng.randint(1, 3)}.{log.rng.randint(10, 200)}"
        if i % 6 == 0:
            log.add(t - dt.timedelta(seconds=2), f"{APP_ROLE}/{instance}", ip, "REST.GET.BUCKET", "-", 200, SDK_UA, query="?list-type=2&prefix=invoices%2F2026%2F11%2F")
        if i % 4 == 1:
            log.add(t - dt.timedelta(seconds=1), f"{APP_ROLE}/{instance}", ip, "REST.HEAD.OBJECT", key, 200, SDK_UA)
        log.add(t, f"{APP_ROLE}/{instance}", ip, "REST.GET.OBJECT", key, 200, SDK_UA)
    for i, key in enumerate(exports):
        t = at(9, 5 * i, log.rng.randint(0, 59))
        log.add(t, f"{APP_ROLE}/{INSTANCES[0]}", "10.20.1.17", "REST.GET.OBJECT", key, 200, SDK_UA)
    for hour in (7, 13, 19):
        ip = "198.51.100.40"
        log.add(at(hour, 0, 3), SCANNER, ip, "REST.GET.BUCKET", "-", 200, SCANNER_UA, query="?list-type=2&prefix=config%2F")
        for j, key in enumerate(configs):
            log.add(at(hour, 0, 4 + j), SCANNER, ip, "REST.GET.OBJECT", key, 200, SCANNER_UA, size=log.rng.randint(300, 4000))
    for j, key in enumerate(["reports/2026/11/weekly-45.xlsx", "reports/2026/11/weekly-45-notes.md"]):
        log.add(at(11, 20, 10 + j * 7), ALICE, "198.51.100.10", "REST.PUT.OBJECT", key, 200, CLI_UA)


def story(log):
    # Denied writes by a role and a user.
    log.add(at(10, 12, 31), f"{APP_ROLE}/{INSTANCES[1]}", "10.20.2.44", "REST.PUT.OBJECT", "config/app.json", 403, SDK_UA, error="AccessDenied", size=1874)
    log.add(at(11, 40, 2), ALICE, "198.51.100.10", "REST.DELETE.OBJECT", "invoices/2026/11/inv-41201.pdf", 403, CLI_UA, error="AccessDenied", size=0)
    # Root reads through the console, after the root session removed the local trail's data events (17:33).
    log.add(at(17, 41, 11), ROOT, "203.0.113.66", "REST.GET.BUCKET", "-", 200, CONSOLE_UA, query="?list-type=2&prefix=exports%2Fdaily%2F&delimiter=%2F")
    for k, day in enumerate((7, 8, 9)):
        log.add(at(17, 41, 40 + k * 6), ROOT, "203.0.113.66", "REST.GET.OBJECT", f"exports/daily/2026-11-{day:02d}.csv.gz", 200, CONSOLE_UA)
    # Anonymous reads that S3 granted, then denied probes.
    for k, day in enumerate((1, 2, 3, 4, 5, 6)):
        log.add(at(15, 30, 5 + k * 3), "-", "198.51.100.200", "REST.GET.OBJECT", f"exports/daily/2026-11-{day:02d}.csv.gz", 200, CURL_UA)
    log.add(at(15, 30, 40), "-", "198.51.100.200", "REST.GET.OBJECT", "exports/daily/summary 2026-11-09.csv", 200, CURL_UA)
    for k, key in enumerate(["invoices/2026/11/inv-41200.pdf", "invoices/2026/11/inv-41201.pdf", "config/app.json"]):
        log.add(at(15, 34, 2 + k * 4), "-", "198.51.100.200", "REST.GET.OBJECT", key, 403, CURL_UA, error="AccessDenied", size=0)
    log.add(at(15, 34, 30), "-", "198.51.100.200", "REST.GET.BUCKET", "-", 403, CURL_UA, error="AccessDenied", size=0)
    log.add(at(15, 35, 1), "-", "198.51.100.200", "REST.PUT.OBJECT", "exports/daily/pwned.txt", 403, CURL_UA, error="AccessDenied", size=31)
    # S3's own lifecycle work (requester is S3's service principal; the reader skips S3.* operations).
    log.add(at(23, 59, 30), "AmazonS3", "-", "S3.EXPIRE.OBJECT", "exports/daily/2026-08-10.csv.gz", 200, "-", method="DELETE", size=0)


def sqs_message(log, key, data):
    t = at(1, 12, 44) + dt.timedelta(days=1)
    body = json.dumps({"Records": [{
        "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": REGION, "eventTime": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "eventName": "ObjectCreated:Put", "userIdentity": {"principalId": "AWS:AROA5S3LOGDELIVERY:s3-log-delivery"},
        "requestParameters": {"sourceIPAddress": "192.0.2.10"}, "responseElements": {"x-amz-request-id": log.token("0123456789ABCDEF", 16)},
        "s3": {"s3SchemaVersion": "1.0", "configurationId": "access-logs-to-monitor",
               "bucket": {"name": LOG_BUCKET, "ownerIdentity": {"principalId": "A3NL1KOZZKExample"}, "arn": f"arn:aws:s3:::{LOG_BUCKET}"},
               "object": {"key": key, "size": len(data), "eTag": hashlib.md5(data).hexdigest(), "sequencer": log.token("0123456789ABCDEF", 18)}}}]},
        separators=(",", ":"))
    millis = str(int(t.timestamp() * 1000))
    return {"messageId": "5d0f3c1e-7a2b-4c8d-9e6f-0a1b2c3d4e5f",
            "receiptHandle": "AQEB" + log.token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 60),
            "body": body, "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": millis, "SenderId": "AIDAJHIPRHEMV73VRJEBU",
                                         "ApproximateFirstReceiveTimestamp": millis},
            "messageAttributes": {}, "md5OfBody": hashlib.md5(body.encode()).hexdigest(), "eventSource": "aws:sqs",
            "eventSourceARN": f"arn:aws:sqs:{REGION}:{PROD}:monitor-access-log-ingest", "awsRegion": REGION}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "events"
    if not os.path.isdir(out):
        sys.exit(f"'{out}' does not exist: run from the repository root or pass the events folder.")
    log = Log()
    routine(log)
    story(log)
    text = "".join(line + "\n" for _, line in sorted(log.lines, key=lambda l: l[0]))
    data = text.encode()
    # Partitioned prefix, PartitionDateSource EventTime: [prefix][SourceAccountId]/[SourceRegion]/[SourceBucket]/YYYY/MM/DD/YYYY-MM-DD-00-00-00-[unique]
    key = f"s3-access/{PROD}/{REGION}/{BUCKET}/2026/11/10/2026-11-10-00-00-00-{log.token('0123456789ABCDEF', 16)}"
    path = os.path.join(out, "objects", LOG_BUCKET, key)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    with open(os.path.join(out, "07-sqs-access-log.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"Records": [sqs_message(log, key, data)]}, f, indent=2)
        f.write("\n")
    print(f"{len(log.lines)} lines -> {path}")


if __name__ == "__main__":
    main()
