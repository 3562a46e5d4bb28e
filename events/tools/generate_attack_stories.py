#!/usr/bin/env python3
"""Generates three attack stories of account 111122223333 on 2026-11-10 (the sample day), each a folder under events/
with its own README, its attack amid normal traffic, and ordinary clients only (no tool names itself):

  stolen-workloads/       three workloads' role sessions replayed from elsewhere (below)
  anonymous-data-events/  CloudTrail S3 data events of anonymous callers reading and listing a bucket not meant to be public
  persistence/            a leaked IAM user key creates an admin user with keys, backdoors a role's trust, and turns off logging

stolen-workloads, in detail.

Normal, all day:
  - Lambda function orders-api: lambda.amazonaws.com assumes orders-api-role-k3v9x2qa for it (every ~2 hours) and the
    function reads DynamoDB and S3 with the Node.js SDK (exec-env/AWS_Lambda_nodejs20.x), from AWS addresses
  - ECS Fargate task 7c1f0e9a2b3d4c5e8f90a1b2c3d4e5f6 (service web): ecs-tasks.amazonaws.com assumes web-task-role,
    the task reads Secrets Manager and SQS with the Java SDK (exec-env/AWS_ECS_FARGATE) from 10.40.7.21
  - EC2 instance i-0f1e2d3c4b5a69788 (batch-worker-role, ec2RoleDelivery 2.0): SSM agent and the AWS CLI on Amazon Linux
  - CodeBuild builds (AWSCodeBuild-<uuid>) pushing images with the CLI on Linux
  - alice, an Identity Center admin, on her Mac (CLI and console): a person, not a workload

The thefts (every client an ordinary one; no tool names itself):
  10:14  the orders-api session is used from 203.0.113.77 by the AWS CLI on macOS: GetCallerIdentity, ListBuckets,
         GetObject of customer exports                                         -> desktop-os, read-data (high)
  13:31  the web task's session is used from 198.51.100.201 by boto3 on Linux: ListSecrets, GetSecretValue x2
         (the task's own calls carry exec-env/AWS_ECS_FARGATE and come from 10.40.7.0/24) -> client-and-network-changed (high)
  16:05  the instance's session is used from 192.0.2.150 by boto3 on macOS: ListUsers, CreateAccessKey for alice-admin
                                                                                -> desktop-os, changed-iam (critical)

Deterministic: each story draws from its own seeded random.Random in a fixed order, gzip mtime 0, no wall clock. Run from the repository
root:  python3 events/tools/generate_attack_stories.py
"""
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import random

PROD = "111122223333"
REGION = "us-east-1"
EVENTS = "events"

LAMBDA_ROLE = f"arn:aws:iam::{PROD}:role/service-role/orders-api-role-k3v9x2qa"
TASK_ROLE = f"arn:aws:iam::{PROD}:role/web-task-role"
INSTANCE_ROLE = f"arn:aws:iam::{PROD}:role/batch-worker-role"
BUILD_ROLE = f"arn:aws:iam::{PROD}:role/service-role/codebuild-app-service-role"
SSO_ADMIN = f"arn:aws:iam::{PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef"
TASK_ID = "7c1f0e9a2b3d4c5e8f90a1b2c3d4e5f6"
INSTANCE = "i-0f1e2d3c4b5a69788"

LAMBDA_SDK = "aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 api/dynamodb#3.679.0 exec-env/AWS_Lambda_nodejs20.x"
ECS_SDK = "aws-sdk-java/2.28.16 ua/2.1 os/Linux#5.10.227-219.884.amzn2.x86_64 lang/java#21.0.5 md/OpenJDK_64-Bit_Server_VM#21.0.5+11-LTS md/vendor#Amazon.com_Inc. exec-env/AWS_ECS_FARGATE cfg/retry-mode#standard"
SSM_AGENT = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0"
AL2023_CLI = "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.112-124.190.amzn2023.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off md/command#"
BUILD_CLI = "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#5.10.227-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#"
MAC_CLI = "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/macos#23.6.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#"
MAC_SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
LINUX_BOTO3 = "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36"
MAC_BOTO3 = "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.13.0 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36"

LAMBDA_IPS = ["3.231.48.17", "44.204.95.102", "54.160.211.9"]
TASK_IP = "10.40.7.21"
INSTANCE_IP = "10.20.14.63"
ALICE_IP = "198.51.100.10"


class Story:
    def __init__(self, seed=20261110):
        self.rng = random.Random(seed)
        self.records = []

    def token(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def key(self):
        return "ASIA" + self.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)

    def uuid(self):
        h = self.token("0123456789abcdef", 32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    @staticmethod
    def role_id(arn):
        return "AROA" + hashlib.sha256(arn.encode()).hexdigest()[:17].upper()

    def session(self, role_arn, session_name, key, created):
        name = role_arn.rsplit("/", 1)[1]
        identity = {
            "type": "AssumedRole",
            "principalId": f"{self.role_id(role_arn)}:{session_name}",
            "arn": f"arn:aws:sts::{PROD}:assumed-role/{name}/{session_name}",
            "accountId": PROD,
            "accessKeyId": key,
            "sessionContext": {
                "sessionIssuer": {"type": "Role", "principalId": self.role_id(role_arn), "arn": role_arn, "accountId": PROD, "userName": name},
                "attributes": {"creationDate": iso(created), "mfaAuthenticated": "false"},
            },
        }
        if session_name.startswith("i-"):
            identity["sessionContext"]["ec2RoleDelivery"] = "2.0"
        return identity

    def add(self, at, identity, source, name, ip, ua, request=None, response=None, read_only=None, extra=None):
        record = {
            "eventVersion": "1.10",
            "userIdentity": identity,
            "eventTime": iso(at),
            "eventSource": f"{source}.amazonaws.com",
            "eventName": name,
            "awsRegion": REGION,
            "sourceIPAddress": ip,
            "userAgent": ua,
            "requestParameters": request,
            "responseElements": response,
            "requestID": self.uuid(),
            "eventID": self.uuid(),
            "readOnly": bool(read_only) if read_only is not None else name.startswith(("Get", "List", "Describe", "Receive")),
            "eventType": "AwsApiCall",
            "managementEvent": True,
            "recipientAccountId": PROD,
            "eventCategory": "Management",
        }
        if extra:
            record.update(extra)
        self.records.append(record)
        return record

    def service_assume(self, at, service, role_arn, session_name):
        """The AssumeRole a service makes to hand a role's credentials to a workload: returns the issued key."""
        key = self.key()
        name = role_arn.rsplit("/", 1)[1]
        self.add(at, {"type": "AWSService", "invokedBy": service}, "sts", "AssumeRole", service, service,
                 {"roleArn": role_arn, "roleSessionName": session_name},
                 {"credentials": {"accessKeyId": key, "sessionToken": "EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-" + self.token("abcdef0123456789", 24),
                                  "expiration": (at + dt.timedelta(hours=12)).strftime("%b %d, %Y, %I:%M:%S %p")},
                  "assumedRoleUser": {"assumedRoleId": f"{self.role_id(role_arn)}:{session_name}", "arn": f"arn:aws:sts::{PROD}:assumed-role/{name}/{session_name}"}},
                 read_only=True,
                 extra={"resources": [{"accountId": PROD, "type": "AWS::IAM::Role", "ARN": role_arn}], "sharedEventID": self.uuid()})
        return key


def iso(at):
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def at(hour, minute=0, second=0):
    return dt.datetime(2026, 11, 10, hour, minute, second, tzinfo=dt.timezone.utc)


def lambda_day(s):
    """orders-api: a fresh execution environment (and session) every two hours; the 08:00 one is stolen."""
    stolen = None
    for hour in range(0, 24, 2):
        start = at(hour, 0, 3)
        key = s.service_assume(start, "lambda.amazonaws.com", LAMBDA_ROLE, "orders-api")
        identity = s.session(LAMBDA_ROLE, "orders-api", key, start)
        ip = LAMBDA_IPS[(hour // 2) % len(LAMBDA_IPS)]
        for i in range(6):
            t = start + dt.timedelta(minutes=3 + 17 * i, seconds=s.rng.randint(0, 50))
            order = f"ord-{s.token('0123456789', 6)}"
            s.add(t, identity, "dynamodb", "GetItem", ip, LAMBDA_SDK, {"tableName": "orders", "key": {"id": {"S": order}}}, None, read_only=True)
            s.add(t + dt.timedelta(seconds=1), identity, "kms", "Decrypt", ip, LAMBDA_SDK, {"encryptionAlgorithm": "SYMMETRIC_DEFAULT"}, None, read_only=True)
        if hour == 8:
            stolen = identity
    return stolen


def ecs_day(s):
    """The web task runs all day on one task-role session, renewed by ECS every six hours (same task id)."""
    sessions = []
    for hour in range(0, 24, 6):
        start = at(hour, 0, 11)
        key = s.service_assume(start, "ecs-tasks.amazonaws.com", TASK_ROLE, TASK_ID)
        identity = s.session(TASK_ROLE, TASK_ID, key, start)
        sessions.append(identity)
        for i in range(8):
            t = start + dt.timedelta(minutes=20 + 40 * i, seconds=s.rng.randint(0, 50))
            s.add(t, identity, "sqs", "ReceiveMessage", TASK_IP, ECS_SDK, {"queueUrl": f"https://sqs.us-east-1.amazonaws.com/{PROD}/web-jobs"}, None, read_only=True,
                  extra={"eventCategory": "Data", "managementEvent": False})
        s.add(start + dt.timedelta(minutes=1), identity, "secretsmanager", "GetSecretValue", TASK_IP, ECS_SDK, {"secretId": "prod/web/db"}, None, read_only=True)
    return sessions[2]


def instance_day(s):
    """batch-worker: IMDS credentials rotate every six hours; the SSM agent and the nightly CLI use them."""
    current = None
    for hour in range(0, 24, 6):
        key = s.key()
        identity = s.session(INSTANCE_ROLE, INSTANCE, key, at(hour))
        for i in range(6):
            t = at(hour, 5 + 9 * i, s.rng.randint(0, 59))
            s.add(t, identity, "ssm", "UpdateInstanceInformation", INSTANCE_IP, SSM_AGENT, {"instanceId": INSTANCE, "agentVersion": "3.3.987.0"}, None, read_only=False)
        s.add(at(hour, 40, 2), identity, "s3", "ListObjects", INSTANCE_IP, AL2023_CLI + "s3.ls", {"bucketName": "example-prod-batch-input", "prefix": "incoming/"}, None, read_only=True)
        if hour == 12:
            current = identity
    return current


def codebuild_day(s):
    for hour in (9, 14):
        build = s.uuid()
        session = f"AWSCodeBuild-{build}"
        key = s.service_assume(at(hour, 2), "codebuild.amazonaws.com", BUILD_ROLE, session)
        identity = s.session(BUILD_ROLE, session, key, at(hour, 2))
        s.add(at(hour, 4, 10), identity, "ecr", "GetAuthorizationToken", "34.228.10.77", BUILD_CLI + "ecr.get-login-password", {}, None, read_only=True)
        s.add(at(hour, 6, 40), identity, "ecr", "InitiateLayerUpload", "34.228.10.77", "docker/25.0.6 go/go1.21.13 git-commit/b08a51f kernel/5.10.227 os/linux arch/amd64", {"repositoryName": "web"}, None, read_only=False)


def alice_day(s):
    """alice on her Mac: CLI and console through Identity Center (a person's session: never a workload's)."""
    key = s.key()
    identity = s.session(SSO_ADMIN, "alice@example.com", key, at(9, 30))
    for i, (source, name) in enumerate((("lambda", "ListFunctions20150331"), ("logs", "FilterLogEvents"), ("ecs", "DescribeServices"), ("s3", "ListBuckets"))):
        s.add(at(9, 31 + 4 * i), identity, source, name, ALICE_IP, MAC_CLI + f"{source}.x", {}, None, read_only=True)
    console_key = s.key()
    console = s.session(SSO_ADMIN, "alice@example.com", console_key, at(10, 2))
    s.add(at(10, 3, 5), console, "cloudwatch", "DescribeAlarms", ALICE_IP, MAC_SAFARI, {}, None, read_only=True, extra={"sessionCredentialFromConsole": "true"})


def thefts(s, lambda_session, task_session, instance_session):
    # 10:14, the orders-api session (issued at 08:00, valid 12 hours) replayed from a Mac.
    laptop = "203.0.113.77"
    s.add(at(10, 14, 2), lambda_session, "sts", "GetCallerIdentity", laptop, MAC_CLI + "sts.get-caller-identity", {}, None, read_only=True)
    s.add(at(10, 14, 31), lambda_session, "s3", "ListBuckets", laptop, MAC_CLI + "s3.ls", {"Host": "s3.amazonaws.com"}, None, read_only=True)
    s.add(at(10, 15, 7), lambda_session, "s3", "GetObject", laptop, MAC_CLI + "s3.cp", {"bucketName": "example-prod-customer-exports", "key": "exports/2026-11-09.csv"}, None, read_only=True,
          extra={"eventCategory": "Data", "managementEvent": False, "resources": [{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::example-prod-customer-exports/exports/2026-11-09.csv"}]})

    # 13:31, the web task's session replayed by a script on a Linux VPS.
    vps = "198.51.100.201"
    s.add(at(13, 31, 40), task_session, "secretsmanager", "ListSecrets", vps, LINUX_BOTO3, {}, None, read_only=True)
    for i, secret in enumerate(("prod/web/db", "prod/payments/stripe")):
        s.add(at(13, 32, 5 + 9 * i), task_session, "secretsmanager", "GetSecretValue", vps, LINUX_BOTO3, {"secretId": secret}, None, read_only=True)

    # 16:05, the instance's session used from a Mac to plant a key on an admin user.
    mac = "192.0.2.150"
    s.add(at(16, 5, 12), instance_session, "iam", "ListUsers", mac, MAC_BOTO3, {}, None, read_only=True)
    s.add(at(16, 6, 48), instance_session, "iam", "CreateAccessKey", mac, MAC_BOTO3, {"userName": "alice-admin"},
          {"accessKey": {"userName": "alice-admin", "accessKeyId": "AKIA" + s.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), "status": "Active", "createDate": "Nov 10, 2026, 4:06:48 PM"}}, read_only=False)


def write(s, folder):
    out = os.path.join(EVENTS, folder)
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".json.gz"):
            os.remove(os.path.join(out, old))
    by_hour = {}
    for record in s.records:
        by_hour.setdefault(record["eventTime"][11:13], []).append(record)
    # CloudTrail delivers about every five minutes; here one object per six hours keeps the folder small.
    for start in range(0, 24, 6):
        records = sorted((r for h, rs in by_hour.items() if start <= int(h) < start + 6 for r in rs), key=lambda r: (r["eventTime"], r["eventID"]))
        if not records:
            continue
        name = f"{PROD}_CloudTrail_{REGION}_20261110T{start + 5:02d}55Z_{s.token('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 16)}.json.gz"
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as z:
            z.write(json.dumps({"Records": records}, separators=(",", ":")).encode())
        with open(os.path.join(out, name), "wb") as f:
            f.write(buffer.getvalue())


# ───────────────────────── anonymous-data-events ─────────────────────────
REPORTS = "example-prod-reports"
PAYROLL = "example-prod-payroll"
READER_ROLE = f"arn:aws:iam::{PROD}:role/report-reader-role"
CURL = "curl/8.5.0"


def data_event(s, at_, identity, name, bucket, key, ip, ua, read_only=True, error=None, vpce=None):
    resources = [{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::{bucket}/{key}"}] if key else []
    resources.append({"accountId": PROD, "type": "AWS::S3::Bucket", "ARN": f"arn:aws:s3:::{bucket}"})
    request = {"bucketName": bucket, "Host": f"{bucket}.s3.us-east-1.amazonaws.com"}
    if key:
        request["key"] = key
    extra = {"eventCategory": "Data", "managementEvent": False, "resources": resources,
             "additionalEventData": {"CipherSuite": "TLS_AES_128_GCM_SHA256", "bytesTransferredIn": 0, "x-amz-id-2": s.token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 56),
                                     "bytesTransferredOut": 0 if error else 18231},
             "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": request["Host"]}}
    if vpce:
        extra["vpcEndpointId"] = vpce
        extra["vpcEndpointAccountId"] = PROD
    if error:
        extra["errorCode"], extra["errorMessage"] = error
    return s.add(at_, identity, "s3", name, ip, ua, request, None, read_only=read_only, extra=extra)


ANONYMOUS = {"type": "AWSAccount", "principalId": "", "accountId": "ANONYMOUS_PRINCIPAL"}


def anonymous_story():
    s = Story(20261111)
    # Normal: the reporting service reads its reports through the VPC endpoint all day; dana uploads two.
    for hour in range(0, 24, 3):
        key = s.key()
        identity = s.session(READER_ROLE, "report-renderer", key, at(hour))
        for i in range(3):
            data_event(s, at(hour, 10 + 15 * i, s.rng.randint(0, 59)), identity, "GetObject", REPORTS, f"reports/2026-11/daily-{hour:02d}{i}.pdf",
                       "10.20.8.14", LINUX_BOTO3, vpce="vpce-0a1b2c3d4e5f60718")
    dana = {"type": "IAMUser", "principalId": "AIDA" + hashlib.sha256(b"dana").hexdigest()[:17].upper(), "arn": f"arn:aws:iam::{PROD}:user/dana",
            "accountId": PROD, "accessKeyId": "AKIA4DANAUPLOADKEY01", "userName": "dana"}
    for i, name in enumerate(("q3-board.pdf", "q3-finance.xlsx")):
        data_event(s, at(9, 41, 10 + 20 * i), dana, "PutObject", REPORTS, f"reports/quarterly/{name}", "198.51.100.10", MAC_CLI + "s3.cp", read_only=False)

    # 03:12 onwards, someone without credentials reads, probes and lists the reports bucket (its policy grants "*" read and list).
    stranger = "198.51.100.66"
    data_event(s, at(3, 12, 4), ANONYMOUS, "GetObject", REPORTS, "reports/quarterly/q3-board.pdf", stranger, CURL)
    data_event(s, at(3, 12, 9), ANONYMOUS, "GetObject", REPORTS, "reports/quarterly/q3-finance.xlsx", stranger, CURL)
    data_event(s, at(3, 13, 30), ANONYMOUS, "GetObject", REPORTS, "reports/quarterly/q4-board.pdf", stranger, CURL,
               error=("NoSuchKey", "The specified key does not exist."))
    data_event(s, at(3, 14, 2), ANONYMOUS, "ListObjects", REPORTS, None, stranger, CURL)
    # ... and is turned away elsewhere: a denied read of the payroll bucket and a denied upload. Neither is reported.
    data_event(s, at(3, 15, 40), ANONYMOUS, "GetObject", PAYROLL, "payroll/2026-10.csv", stranger, CURL, error=("AccessDenied", "Access Denied"))
    data_event(s, at(3, 16, 5), ANONYMOUS, "PutObject", REPORTS, "reports/quarterly/index.html", stranger, CURL, read_only=False, error=("AccessDenied", "Access Denied"))
    write(s, "anonymous-data-events")


# ───────────────────────── persistence ─────────────────────────
TERRAFORM_ROLE = f"arn:aws:iam::{PROD}:role/terraform-deployer"
TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.74.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/iam#1.38.0"
OUTSIDE = "999988887777"


def user(name, key):
    return {"type": "IAMUser", "principalId": "AIDA" + hashlib.sha256(name.encode()).hexdigest()[:17].upper(), "arn": f"arn:aws:iam::{PROD}:user/{name}",
            "accountId": PROD, "accessKeyId": key, "userName": name}


def persistence_story():
    s = Story(20261112)
    # Normal: the Terraform pipeline creates a role its EC2 fleet assumes and gives it a policy; dana reviews users in the console.
    tf_key = s.key()
    tf = s.session(TERRAFORM_ROLE, "gh-run-7731", tf_key, at(9, 2))
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    s.add(at(9, 4, 20), tf, "iam", "CreateRole", "198.51.100.77", TERRAFORM,
          {"roleName": "reports-worker", "assumeRolePolicyDocument": json.dumps(trust)},
          {"role": {"roleName": "reports-worker", "arn": f"arn:aws:iam::{PROD}:role/reports-worker", "path": "/"}}, read_only=False)
    s.add(at(9, 4, 22), tf, "iam", "PutRolePolicy", "198.51.100.77", TERRAFORM,
          {"roleName": "reports-worker", "policyName": "read-reports", "policyDocument": json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-prod-reports/*"}]})},
          None, read_only=False)
    own = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{PROD}:root"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
    s.add(at(9, 5, 1), tf, "iam", "UpdateAssumeRolePolicy", "198.51.100.77", TERRAFORM, {"roleName": "ops-audit", "policyDocument": json.dumps(own)}, None, read_only=False)
    dana = user("dana", "ASIA4DANACONSOLE0001")
    for i, name in enumerate(("ListUsers", "GetUser", "ListAttachedUserPolicies", "ListAccessKeys")):
        s.add(at(10, 15, 5 * i), dana, "iam", name, "198.51.100.10", MAC_SAFARI, {"userName": "ci-deploy"} if name != "ListUsers" else {}, None, read_only=True,
              extra={"sessionCredentialFromConsole": "true"})

    # 02:10, the CI user's leaked key, from a VPS, with boto3: look around, plant an admin user with keys, backdoor a role, go dark.
    ci = user("ci-deploy", "AKIA4CIDEPLOYLEAKED1")
    vps = "203.0.113.200"
    s.add(at(2, 10, 3), ci, "sts", "GetCallerIdentity", vps, LINUX_BOTO3, {}, None, read_only=True)
    s.add(at(2, 10, 41), ci, "iam", "ListUsers", vps, LINUX_BOTO3, {}, None, read_only=True)
    s.add(at(2, 12, 5), ci, "iam", "CreateUser", vps, LINUX_BOTO3, {"userName": "svc-backup-sync"},
          {"user": {"userName": "svc-backup-sync", "userId": "AIDA" + s.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17), "arn": f"arn:aws:iam::{PROD}:user/svc-backup-sync", "path": "/", "createDate": "Nov 10, 2026, 2:12:05 AM"}}, read_only=False)
    s.add(at(2, 12, 9), ci, "iam", "AttachUserPolicy", vps, LINUX_BOTO3, {"userName": "svc-backup-sync", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, None, read_only=False)
    s.add(at(2, 12, 14), ci, "iam", "CreateAccessKey", vps, LINUX_BOTO3, {"userName": "svc-backup-sync"},
          {"accessKey": {"userName": "svc-backup-sync", "accessKeyId": "AKIA4SVCBACKUPSYNC01", "status": "Active", "createDate": "Nov 10, 2026, 2:12:14 AM"}}, read_only=False)
    backdoor = {"Version": "2012-10-17", "Statement": [own["Statement"][0], {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{OUTSIDE}:root"}, "Action": "sts:AssumeRole"}]}
    s.add(at(2, 15, 30), ci, "iam", "UpdateAssumeRolePolicy", vps, LINUX_BOTO3, {"roleName": "ops-audit", "policyDocument": json.dumps(backdoor)}, None, read_only=False)
    s.add(at(2, 18, 2), ci, "cloudtrail", "StopLogging", vps, LINUX_BOTO3, {"name": f"arn:aws:cloudtrail:us-east-1:{PROD}:trail/prod-trail"}, None, read_only=False)
    s.add(at(2, 18, 40), ci, "guardduty", "UpdateDetector", vps, LINUX_BOTO3, {"detectorId": "12abc34d567e8fa901bc2d34e56789f0", "enable": False}, None, read_only=False)
    write(s, "persistence")


def main():
    s = Story()
    lambda_session = lambda_day(s)
    task_session = ecs_day(s)
    instance_session = instance_day(s)
    codebuild_day(s)
    alice_day(s)
    thefts(s, lambda_session, task_session, instance_session)
    write(s, "stolen-workloads")
    anonymous_story()
    persistence_story()


if __name__ == "__main__":
    main()
