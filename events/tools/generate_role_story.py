#!/usr/bin/env python3
"""Generates the role-assumption story under events/: four weeks of normal role use in account 111122223333
(2026-10-01 .. 2026-10-27: an EC2 instance profile, a chained workload role, Lambda and an RDS service-linked role,
Identity Center (SAML) admins, GitHub Actions OIDC into a CI role that chains into a deploy role, a cross-account
auditor, GetSessionToken, GetFederationToken, console switch-role, a Terraform CreateRole followed by IAM propagation
denials), then on 2026-10-28 an attack:

  14:02  the instance's role credentials are used from 203.0.113.66 with the AWS CLI (stolen from IMDS)
  14:06  the stolen session assumes role/deploy (never assumed by the instance role before)
  14:08  the deploy session assumes role/admin (chain depth 2)
  14:10  the admin session adds account 999988887777 to the trust policy of role/ops-readonly
  14:15  account 999988887777 assumes role/ops-readonly (a new, untrusted external account)
  14:16  that session probes: a burst of AccessDenied calls, including AssumeRole on three roles

Deterministic: one seeded random.Random drawn in a fixed order, gzip mtime 0, no wall clock. Run from the repository
root:  python3 events/tools/generate_role_story.py   (writes events/objects/... and events/00-sqs-role-story.json)
The sample is numbered 00- so that replaying the whole events/ folder (name order) is chronological: October's
history comes before the November root-usage story in the same account.
"""
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import random
import sys

PROD = "111122223333"
MGMT = "444455556666"
EXTERNAL = "999988887777"
BUCKET = "example-org-cloudtrail"
REGION = "us-east-1"
INSTANCE = "i-0a1b2c3d4e5f60718"
INSTANCE_IP = "54.210.12.34"
OFFICE = "198.51.100.10"
BOB_HOME = "203.0.113.52"
CAROL_HOME = "203.0.113.40"
ATTACKER = "203.0.113.66"
EXTERNAL_IP = "192.0.2.200"
AUDITOR_NET = "3.80.15."
GITHUB_SUB = "repo:example-org/app:ref:refs/heads/main"
GITHUB_PROVIDER = f"arn:aws:iam::{PROD}:oidc-provider/token.actions.githubusercontent.com"
SAML_PROVIDER = f"arn:aws:iam::{PROD}:saml-provider/AWSSSO_5c1a2b3c4d5e6f70_DO_NOT_DELETE"
SSO_ADMIN = f"arn:aws:iam::{PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef"
SSO_READONLY = f"arn:aws:iam::{PROD}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_ReadOnlyAccess_fedcba9876543210"

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
SSM_AGENT = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0"
APP_SDK = "aws-sdk-java/2.28.16 Linux/6.1.112-122.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard"
GITHUB_SDK = "aws-sdk-js/3.679.0 ua/2.1 os/linux#6.5.0-1025-azure lang/js md/nodejs#20.18.0 api/sts#3.679.0 configure-aws-credentials-for-github-actions"
BOTO = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.10.227-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.35.54"


def cli(command):
    return f"aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-1016-aws md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#{command}"


def role(name, path="/"):
    return f"arn:aws:iam::{PROD}:role{path}{name}"


ROLES = {
    "app-server": role("app-server"),
    "data-pipeline": role("data-pipeline"),
    "lambda-exec": role("lambda-exec", "/service-role/"),
    "rds-slr": role("AWSServiceRoleForRDS", "/aws-service-role/rds.amazonaws.com/"),
    "ci-deploy": role("ci-deploy"),
    "deploy": role("deploy"),
    "admin": role("admin"),
    "ops-readonly": role("ops-readonly"),
    "billing-viewer": role("billing-viewer"),
    "report-exporter": role("report-exporter"),
}


class Story:
    def __init__(self):
        self.rng = random.Random(20261028)
        self.records = []
        self.role_ids = {}

    # ───────────────────────── identifiers ─────────────────────────
    def token(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def key(self):
        return "ASIA" + self.token("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)

    def uuid(self):
        h = "".join(self.rng.choice("0123456789abcdef") for _ in range(32))
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def role_id(self, arn):
        if arn not in self.role_ids:
            self.role_ids[arn] = "AROA" + hashlib.sha256(arn.encode()).hexdigest()[:17].upper()
        return self.role_ids[arn]

    # ───────────────────────── identities ─────────────────────────
    def session(self, role_arn, session_name, access_key, at, mfa=False, issuer_account=PROD, console=False):
        name = role_arn.rsplit("/", 1)[1]
        identity = {
            "type": "AssumedRole",
            "principalId": f"{self.role_id(role_arn)}:{session_name}",
            "arn": f"arn:aws:sts::{issuer_account}:assumed-role/{name}/{session_name}",
            "accountId": issuer_account,
            "accessKeyId": access_key,
            "sessionContext": {
                "sessionIssuer": {"type": "Role", "principalId": self.role_id(role_arn), "arn": role_arn, "accountId": issuer_account, "userName": name},
                "attributes": {"creationDate": iso(at - dt.timedelta(minutes=5)), "mfaAuthenticated": "true" if mfa else "false"},
            },
        }
        if session_name.startswith("i-"):
            identity["sessionContext"]["ec2RoleDelivery"] = "2.0"
        return identity

    @staticmethod
    def user(name, access_key):
        return {"type": "IAMUser", "principalId": "AIDA" + hashlib.sha256(name.encode()).hexdigest()[:17].upper(),
                "arn": f"arn:aws:iam::{PROD}:user/{name}", "accountId": PROD, "accessKeyId": access_key, "userName": name}

    @staticmethod
    def service(name):
        return {"type": "AWSService", "invokedBy": name}

    # ───────────────────────── records ─────────────────────────
    def add(self, at, identity, source, name, ip, ua, request=None, response=None, error=None, extra=None, read_only=None):
        record = {
            "eventVersion": "1.09",
            "userIdentity": identity,
            "eventTime": iso(at),
            "eventSource": f"{source}.amazonaws.com",
            "eventName": name,
            "awsRegion": REGION,
            "sourceIPAddress": ip,
            "userAgent": ua,
        }
        if error:
            record["errorCode"], record["errorMessage"] = error
        record["requestParameters"] = request
        record["responseElements"] = response
        record["requestID"] = self.uuid()
        record["eventID"] = self.uuid()
        record["readOnly"] = bool(read_only) if read_only is not None else name.startswith(("Get", "List", "Describe"))
        record["eventType"] = "AwsApiCall"
        record["managementEvent"] = True
        record["recipientAccountId"] = PROD
        record["eventCategory"] = "Management"
        if extra:
            record.update(extra)
        self.records.append(record)
        return record

    def credentials(self, at, role_arn=None, session_name=None, hours=1):
        key = self.key()
        response = {"credentials": {"accessKeyId": key, "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLE" + self.token("abcdefghijklmnopqrstuvwxyz0123456789", 40),
                                    "expiration": iso(at + dt.timedelta(hours=hours)).replace("Z", "").replace("T", " ")[:19]}}
        if role_arn:
            name = role_arn.rsplit("/", 1)[1]
            response["assumedRoleUser"] = {"assumedRoleId": f"{self.role_id(role_arn)}:{session_name}",
                                           "arn": f"arn:aws:sts::{PROD}:assumed-role/{name}/{session_name}"}
        return key, response

    def assume(self, at, identity, role_arn, session_name, ip, ua, extra=None):
        key, response = self.credentials(at, role_arn, session_name)
        self.add(at, identity, "sts", "AssumeRole", ip, ua,
                 {"roleArn": role_arn, "roleSessionName": session_name, "durationSeconds": 3600}, response,
                 extra={"resources": [{"accountId": PROD, "type": "AWS::IAM::Role", "ARN": role_arn}], **(extra or {})})
        return key


def iso(at):
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def at(day, hour, minute=0, second=0):
    return dt.datetime(2026, 10, day, hour, minute, second, tzinfo=dt.timezone.utc)


def runner_ip(rng):
    return f"20.{rng.randint(40, 120)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def normal_day(s, day):
    """One ordinary day. Every actor keeps its hours, networks and clients, so the weeks after learning stay quiet."""
    weekday = at(day, 0).weekday() < 5
    rng = s.rng
    instance_keys = {}
    for hour in (0, 6, 12, 18):
        t = at(day, hour, 5)
        instance_keys[hour] = s.assume(t, s.service("ec2.amazonaws.com"), ROLES["app-server"], INSTANCE, "ec2.amazonaws.com", "ec2.amazonaws.com")
        ident = s.session(ROLES["app-server"], INSTANCE, instance_keys[hour], t + dt.timedelta(minutes=5))
        s.add(t + dt.timedelta(minutes=5), ident, "ssm", "UpdateInstanceInformation", INSTANCE_IP, SSM_AGENT,
              {"instanceId": INSTANCE, "agentVersion": "3.3.987.0", "platformType": "Linux"}, None, read_only=False)
    for hour in (9, 15):
        t = at(day, hour, 30)
        key = instance_keys[6] if hour < 12 else instance_keys[12]
        s.add(t, s.session(ROLES["app-server"], INSTANCE, key, t), "kms", "Decrypt", INSTANCE_IP, APP_SDK,
              {"encryptionAlgorithm": "SYMMETRIC_DEFAULT"}, None, read_only=True)

    # The instance role chains into the workload role every night (depth 1: normal).
    t = at(day, 2)
    pipeline_key = s.assume(t, s.session(ROLES["app-server"], INSTANCE, instance_keys[0], t), ROLES["data-pipeline"], "nightly-export", INSTANCE_IP, APP_SDK)
    s.add(t + dt.timedelta(minutes=1), s.session(ROLES["data-pipeline"], "nightly-export", pipeline_key, t), "athena", "StartQueryExecution", INSTANCE_IP, APP_SDK,
          {"workGroup": "exports"}, {"queryExecutionId": s.uuid()})

    # AWS services assume their roles (never alerted): Lambda and the RDS service-linked role.
    s.assume(at(day, 3), s.service("lambda.amazonaws.com"), ROLES["lambda-exec"], f"awslambda_{day}_2026100{day % 10}", "lambda.amazonaws.com", "lambda.amazonaws.com")
    s.assume(at(day, 4), s.service("rds.amazonaws.com"), ROLES["rds-slr"], "SLRManagement", "rds.amazonaws.com", "rds.amazonaws.com")

    # The organisation's auditor (management account) reads every morning: cross-account, known.
    t = at(day, 6, 30)
    audit_ip = AUDITOR_NET + str(rng.randint(10, 200))
    audit_key = s.assume(t, {"type": "AWSAccount", "principalId": "AROAMGMTAUDITOREXAMPL:audit-run", "accountId": MGMT},
                         ROLES["ops-readonly"], "audit-run", audit_ip, BOTO)
    s.add(t + dt.timedelta(seconds=20), s.session(ROLES["ops-readonly"], "audit-run", audit_key, t), "iam", "GetAccountSummary", audit_ip, BOTO)

    if not weekday:
        return

    # Identity Center: alice (console) and bob (CLI) sign in through SAML.
    t = at(day, 9, rng.randint(0, 40))
    alice_key, response = s.credentials(t, SSO_ADMIN, "alice@example.org")
    response.update({"subject": "alice@example.org", "subjectType": "persistent", "issuer": "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/MDEyMzQ1Njc4OWFi",
                     "audience": "https://signin.aws.amazon.com/saml", "nameQualifier": "Zm9vYmFyZXhhbXBsZQ=="})
    s.add(t, {"type": "SAMLUser", "principalId": "Zm9vYmFyZXhhbXBsZQ==:alice@example.org", "userName": "alice@example.org",
              "identityProvider": "Zm9vYmFyZXhhbXBsZQ=="}, "sts", "AssumeRoleWithSAML", OFFICE, CHROME,
          {"roleArn": SSO_ADMIN, "principalArn": SAML_PROVIDER, "durationSeconds": 43200}, response)
    t = at(day, 10, rng.randint(0, 40))
    bob_key, response = s.credentials(t, SSO_READONLY, "bob@example.org")
    response.update({"subject": "bob@example.org", "subjectType": "persistent", "issuer": "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/MDEyMzQ1Njc4OWFi"})
    s.add(t, {"type": "SAMLUser", "principalId": "Zm9vYmFyZXhhbXBsZQ==:bob@example.org", "userName": "bob@example.org",
              "identityProvider": "Zm9vYmFyZXhhbXBsZQ=="}, "sts", "AssumeRoleWithSAML", BOB_HOME, cli("sso.login"),
          {"roleArn": SSO_READONLY, "principalArn": SAML_PROVIDER, "durationSeconds": 43200}, response)
    s.add(t + dt.timedelta(minutes=3), s.session(SSO_READONLY, "bob@example.org", bob_key, t), "ec2", "DescribeInstances", BOB_HOME, cli("ec2.describe-instances"),
          {"instancesSet": {}, "filterSet": {}})

    # Alice's admin work goes through role/admin on Mondays and Wednesdays (chained from her SSO session).
    if at(day, 0).weekday() in (0, 2):
        t = at(day, 11, rng.randint(0, 50))
        admin_key = s.assume(t, s.session(SSO_ADMIN, "alice@example.org", alice_key, t), ROLES["admin"], "alice-admin", OFFICE, cli("sts.assume-role"))
        s.add(t + dt.timedelta(minutes=2), s.session(ROLES["admin"], "alice-admin", admin_key, t), "iam", "ListRoles", OFFICE, cli("iam.list-roles"))

    # GitHub Actions: OIDC into ci-deploy, which chains into deploy, three runs a day.
    for hour in (13, 15, 17):
        t = at(day, hour, rng.randint(0, 50))
        ip = runner_ip(rng)
        ci_key, response = s.credentials(t, ROLES["ci-deploy"], "GitHubActions")
        response.update({"subjectFromWebIdentityToken": GITHUB_SUB, "audience": "sts.amazonaws.com", "provider": GITHUB_PROVIDER})
        s.add(t, {"type": "WebIdentityUser", "principalId": f"{GITHUB_PROVIDER}:sts.amazonaws.com:{GITHUB_SUB}", "userName": GITHUB_SUB,
                  "identityProvider": GITHUB_PROVIDER}, "sts", "AssumeRoleWithWebIdentity", ip, GITHUB_SDK,
              {"roleArn": ROLES["ci-deploy"], "roleSessionName": "GitHubActions", "durationSeconds": 3600}, response)
        t2 = t + dt.timedelta(seconds=30)
        deploy_key = s.assume(t2, s.session(ROLES["ci-deploy"], "GitHubActions", ci_key, t2), ROLES["deploy"], "deploy-app", ip, GITHUB_SDK)
        s.add(t2 + dt.timedelta(seconds=40), s.session(ROLES["deploy"], "deploy-app", deploy_key, t2), "cloudformation", "DescribeStacks", ip, GITHUB_SDK,
              {"stackName": "app"})
        if day == 20 and hour == 13:
            terraform_new_role(s, t2 + dt.timedelta(minutes=2), ci_key, ip)

    # GetSessionToken (Tuesdays), GetFederationToken (Thursdays), console switch-role (every weekday).
    if at(day, 0).weekday() == 1:
        t = at(day, 8, 0)
        key, response = s.credentials(t, hours=12)
        s.add(t, s.user("backup-operator", "AKIAEXAMPLEBACKUPOP1"), "sts", "GetSessionToken", OFFICE, cli("sts.get-session-token"),
              {"durationSeconds": 43200, "serialNumber": f"arn:aws:iam::{PROD}:mfa/backup-operator"}, response)
    if at(day, 0).weekday() == 3:
        t = at(day, 7, 0)
        key, response = s.credentials(t, hours=1)
        response["federatedUser"] = {"federatedUserId": f"{PROD}:cost-report", "arn": f"arn:aws:sts::{PROD}:federated-user/cost-report"}
        s.add(t, s.user("report-bot", "AKIAEXAMPLEREPORTBT1"), "sts", "GetFederationToken", OFFICE, BOTO,
              {"name": "cost-report", "durationSeconds": 3600}, response)
        federated = {"type": "FederatedUser", "principalId": f"{PROD}:cost-report", "arn": f"arn:aws:sts::{PROD}:federated-user/cost-report",
                     "accountId": PROD, "accessKeyId": key,
                     "sessionContext": {"sessionIssuer": {"type": "IAMUser", "principalId": "AIDAREPORTBOTEXAMPLE", "arn": f"arn:aws:iam::{PROD}:user/report-bot",
                                                          "accountId": PROD, "userName": "report-bot"},
                                        "attributes": {"creationDate": iso(t), "mfaAuthenticated": "false"}}}
        s.add(t + dt.timedelta(minutes=1), federated, "ce", "GetCostAndUsage", OFFICE, BOTO, {"granularity": "DAILY"})
    t = at(day, 16, rng.randint(0, 30))
    s.add(t, s.user("carol", None) | {"sessionContext": {"attributes": {"creationDate": iso(t - dt.timedelta(hours=1)), "mfaAuthenticated": "true"}}},
          "signin", "SwitchRole", CAROL_HOME, CHROME, None, {"SwitchRole": "Success"},
          extra={"eventType": "AwsConsoleSignIn", "additionalEventData": {"SwitchFrom": f"arn:aws:iam::{PROD}:user/carol",
                                                                           "SwitchTo": ROLES["billing-viewer"], "RedirectTo": "https://console.aws.amazon.com/billing/home"}})


def terraform_new_role(s, t, ci_key, ip):
    """Terraform creates a role and assumes it at once: IAM has not propagated the trust yet (AccessDenied twice)."""
    ci = s.session(ROLES["ci-deploy"], "GitHubActions", ci_key, t)
    tf = "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.72.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/iam#1.37.2"
    s.add(t, ci, "iam", "CreateRole", ip, tf, {"roleName": "report-exporter", "path": "/", "assumeRolePolicyDocument": "{}"},
          {"role": {"arn": ROLES["report-exporter"], "roleName": "report-exporter", "path": "/"}})
    message = f"User: arn:aws:sts::{PROD}:assumed-role/ci-deploy/GitHubActions is not authorized to perform: sts:AssumeRole on resource: {ROLES['report-exporter']}"
    for seconds in (4, 9):
        s.add(t + dt.timedelta(seconds=seconds), ci, "sts", "AssumeRole", ip, tf, None, None, ("AccessDenied", message))
    s.assume(t + dt.timedelta(seconds=15), ci, ROLES["report-exporter"], "terraform-check", ip, tf)


def attack(s):
    """2026-10-28 afternoon: the instance's credentials leave the instance, chain to admin, open a back door, probe."""
    stolen = next(r["responseElements"]["credentials"]["accessKeyId"] for r in reversed(s.records)
                  if r["eventName"] == "AssumeRole" and r["requestParameters"]["roleSessionName"] == INSTANCE and r["eventTime"].startswith("2026-10-28T12"))
    t = at(28, 14, 2)
    thief = s.session(ROLES["app-server"], INSTANCE, stolen, t)
    s.add(t, thief, "sts", "GetCallerIdentity", ATTACKER, cli("sts.get-caller-identity"), None,
          {"userId": f"{s.role_id(ROLES['app-server'])}:{INSTANCE}", "account": PROD, "arn": thief["arn"]})
    s.add(t + dt.timedelta(seconds=40), thief, "iam", "ListRoles", ATTACKER, cli("iam.list-roles"))
    t = at(28, 14, 6)
    deploy_key = s.assume(t, thief, ROLES["deploy"], "maintenance", ATTACKER, cli("sts.assume-role"))
    t = at(28, 14, 8)
    admin_key = s.assume(t, s.session(ROLES["deploy"], "maintenance", deploy_key, t), ROLES["admin"], "maintenance", ATTACKER, cli("sts.assume-role"))
    t = at(28, 14, 10)
    trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{MGMT}:root"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{EXTERNAL}:root"}, "Action": "sts:AssumeRole"}]})
    s.add(t, s.session(ROLES["admin"], "maintenance", admin_key, t), "iam", "UpdateAssumeRolePolicy", ATTACKER, cli("iam.update-assume-role-policy"),
          {"roleName": "ops-readonly", "policyDocument": trust}, None)
    t = at(28, 14, 15)
    outsider = {"type": "AWSAccount", "principalId": "AROAEXTERNALEXAMPLE01:probe", "accountId": EXTERNAL}
    probe_key = s.assume(t, outsider, ROLES["ops-readonly"], "probe", EXTERNAL_IP, cli("sts.assume-role"))
    probe = s.session(ROLES["ops-readonly"], "probe", probe_key, t)
    denied = [("iam", "CreateUser", {"userName": "svc-backup"}), ("iam", "CreateAccessKey", {"userName": "admin"}),
              ("iam", "AttachRolePolicy", {"roleName": "ops-readonly", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}),
              ("secretsmanager", "GetSecretValue", {"secretId": "prod/db"}), ("secretsmanager", "GetSecretValue", {"secretId": "prod/api"}),
              ("kms", "Decrypt", None), ("ssm", "GetParameter", {"name": "/prod/db/password", "withDecryption": True}),
              ("s3", "GetBucketPolicy", {"bucketName": "example-prod-payments-data"}), ("ec2", "GetPasswordData", {"instanceId": INSTANCE}),
              ("lambda", "GetFunction", {"functionName": "payments"})]
    t = at(28, 14, 16)
    for i, (source, name, request) in enumerate(denied):
        action = f"{source}:{name}"
        s.add(t + dt.timedelta(seconds=7 * i), probe, source, name, EXTERNAL_IP, cli(f"{source}.{name.lower()}"), request, None,
              ("AccessDenied", f"User: {probe['arn']} is not authorized to perform: {action} because no identity-based policy allows the {action} action"))
    for i, target in enumerate(("admin", "deploy", "ci-deploy")):
        message = f"User: {probe['arn']} is not authorized to perform: sts:AssumeRole on resource: {ROLES[target]}"
        s.add(t + dt.timedelta(seconds=80 + 5 * i), probe, "sts", "AssumeRole", EXTERNAL_IP, cli("sts.assume-role"), None, None, ("AccessDenied", message))


def write(out, s):
    by_file = {}
    for record in s.records:
        t = dt.datetime.strptime(record["eventTime"], "%Y-%m-%dT%H:%M:%SZ")
        stamp = f"{t:%Y%m%d}T1200Z" if t.day == 28 and t.hour < 12 else f"{t:%Y%m%d}T2355Z"
        by_file.setdefault(stamp, []).append(record)
    messages = []
    for stamp in sorted(by_file):
        records = sorted(by_file[stamp], key=lambda r: r["eventTime"])
        name = f"{PROD}_CloudTrail_{REGION}_{stamp}_{s.token('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 16)}.json.gz"
        key = f"AWSLogs/{PROD}/CloudTrail/{REGION}/{stamp[:4]}/{stamp[4:6]}/{stamp[6:8]}/{name}"
        raw = json.dumps({"Records": records}, separators=(",", ":")).encode()
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0) as z:
            z.write(raw)
        data = buffer.getvalue()
        path = os.path.join(out, "objects", BUCKET, key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        messages.append(sqs_message(s, stamp, key, data))
    with open(os.path.join(out, "00-sqs-role-story.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"Records": messages}, f, indent=2)
        f.write("\n")


def sqs_message(s, stamp, key, data):
    t = dt.datetime.strptime(stamp, "%Y%m%dT%H%MZ").replace(tzinfo=dt.timezone.utc) + dt.timedelta(minutes=5)
    body = json.dumps({"Records": [{
        "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": REGION, "eventTime": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "eventName": "ObjectCreated:Put", "userIdentity": {"principalId": "AWS:AROA5CLOUDTRAILDELIV:regionalDeliverySession"},
        "requestParameters": {"sourceIPAddress": "192.0.2.10"}, "responseElements": {"x-amz-request-id": s.token("0123456789ABCDEF", 16)},
        "s3": {"s3SchemaVersion": "1.0", "configurationId": "cloudtrail-to-monitor",
               "bucket": {"name": BUCKET, "ownerIdentity": {"principalId": "A3NL1KOZZKExample"}, "arn": f"arn:aws:s3:::{BUCKET}"},
               "object": {"key": key, "size": len(data), "eTag": hashlib.md5(data).hexdigest(), "sequencer": s.token("0123456789ABCDEF", 18)}}}]},
        separators=(",", ":"))
    millis = str(int(t.timestamp() * 1000))
    return {"messageId": s.uuid(), "receiptHandle": "AQEB" + s.token("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 60),
            "body": body, "attributes": {"ApproximateReceiveCount": "1", "SentTimestamp": millis, "SenderId": "AIDAJHIPRHEMV73VRJEBU",
                                         "ApproximateFirstReceiveTimestamp": millis},
            "messageAttributes": {}, "md5OfBody": hashlib.md5(body.encode()).hexdigest(), "eventSource": "aws:sqs",
            "eventSourceARN": f"arn:aws:sqs:{REGION}:{MGMT}:monitor-cloudtrail-ingest", "awsRegion": REGION}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "events"
    if not os.path.isdir(out):
        sys.exit(f"'{out}' does not exist: run from the repository root or pass the events folder.")
    s = Story()
    for day in range(1, 29):
        normal_day(s, day)
    attack(s)
    write(out, s)


if __name__ == "__main__":
    main()
