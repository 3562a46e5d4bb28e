// The AssumeRoot story: an Admin locks everyone out of a bucket; the management account unlocks it with sts:AssumeRoot.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    /// <summary>An Admin writes a bucket policy that denies everyone, then is locked out (AccessDenied burst).</summary>
    private void BucketLockout(LogObject f, Actor alice, DateTime t)
    {
        var s3 = alice with { Agent = Org.S3Console };
        var bucketArn = $"arn:aws:s3:::{Org.LockedBucket}";
        Story("alice (Admin) writes a deny-all bucket policy", Add(f, t, s3, new Call("s3", "PutBucketPolicy")
        {
            Request = new JsonObject
            {
                ["bucketPolicy"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(new JsonObject
                    {
                        ["Sid"] = "OnlyPaymentsApp",
                        ["Effect"] = "Deny",
                        ["Principal"] = "*",
                        ["Action"] = "s3:*",
                        ["Resource"] = new JsonArray(bucketArn, bucketArn + "/*"),
                        ["Condition"] = new JsonObject { ["StringNotLike"] = new JsonObject { ["aws:PrincipalArn"] = $"arn:aws:iam::{Org.Prod}:role/payments-app-rol" } },
                    }),
                },
                ["bucketName"] = Org.LockedBucket,
                ["policy"] = "",
            },
            Resources = [new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = bucketArn }],
        }));
        foreach (var (seconds, name) in new[] { (55, "GetBucketPolicy"), (131, "PutBucketPolicy"), (362, "DeleteBucketPolicy") })
        {
            Add(f, t.AddSeconds(seconds), s3, new Call("s3", name)
            {
                ErrorCode = "AccessDenied",
                ErrorMessage = "Access Denied",
                Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
                Resources = [new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = bucketArn }],
            });
        }
    }

    private void UnlockWithAssumeRoot(LogObject f, DateTime t)
    {
        var created = Time.At(2026, 11, 10, 11, 20, 14);
        Actor Cli(string command) => new(() => Who.RootTask(Org.Prod, Org.AssumeRootKey, created), Org.Office, Org.Cli(command));
        var bucket = new JsonArray(new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = $"arn:aws:s3:::{Org.LockedBucket}" });
        Story("AssumeRoot session: GetBucketPolicy on the locked bucket", Add(f, t, Cli("s3api.get-bucket-policy"), new Call("s3", "GetBucketPolicy")
        {
            Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
            Resources = bucket,
        }));
        Story("AssumeRoot session: DeleteBucketPolicy unlocks the bucket", Add(f, t.AddSeconds(44), Cli("s3api.delete-bucket-policy"), new Call("s3", "DeleteBucketPolicy")
        {
            Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
            Resources = bucket,
        }));
    }

    /// <summary>Management account: dana signs in through Identity Center, chains to OrgSecurityAdmin, calls AssumeRoot.</summary>
    private void ManagementDay(LogObject f, DateTime start, DateTime end)
    {
        Config(f, start, end);
        var t = Time.At(2026, 11, 10, 11, 12, 5);
        var ssoKey = _ids.Key("ASIA");
        const string path = "/aws-reserved/sso.amazonaws.com/";
        var ssoRoleArn = $"arn:aws:iam::{Org.Mgmt}:role{path}{SsoSecurityAdmin}";
        var provider = $"arn:aws:iam::{Org.Mgmt}:saml-provider/AWSSSO_1a2b3c4d5e6f7089_DO_NOT_DELETE";
        var saml = new Actor(() => new JsonObject
        {
            ["type"] = "SAMLUser",
            ["principalId"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=:dana@example.com",
            ["userName"] = "dana@example.com",
            ["identityProvider"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
        }, "192.0.2.15", "aws-sdk-java/1.12.770 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard");
        Add(f, t, saml, new Call("sts", "AssumeRoleWithSAML")
        {
            Request = new JsonObject { ["sAMLAssertionID"] = "_" + _ids.Uuid(), ["roleSessionName"] = "dana@example.com", ["roleArn"] = ssoRoleArn, ["principalArn"] = provider, ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(ssoKey, t.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_mgmtSsoRoleId}:dana@example.com", ["arn"] = $"arn:aws:sts::{Org.Mgmt}:assumed-role/{SsoSecurityAdmin}/dana@example.com" },
                ["subject"] = "dana@example.com",
                ["subjectType"] = "persistent",
                ["issuer"] = "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/ODQ0NDU1NTU2NjY2X2lucy1leGFtcGxl",
                ["audience"] = "https://signin.aws.amazon.com/saml",
                ["nameQualifier"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
            },
            Resources = RoleResource(Org.Mgmt, ssoRoleArn),
        });
        var sso = new Actor(() => Who.Role(Org.Mgmt, SsoSecurityAdmin, _mgmtSsoRoleId, "dana@example.com", ssoKey, t, false, path), Org.Office, Org.Cli("sts.get-caller-identity"));
        Add(f, t.AddSeconds(135), sso, new Call("sts", "GetCallerIdentity"));
        Add(f, t.AddSeconds(177), sso with { Agent = Org.Cli("organizations.describe-organization") }, new Call("organizations", "DescribeOrganization"));
        Add(f, t.AddSeconds(181), sso with { Agent = Org.Cli("organizations.list-accounts") }, new Call("organizations", "ListAccounts"));
        var chained = t.AddSeconds(395);
        var osaKey = _ids.Key("ASIA");
        var osaArn = $"arn:aws:iam::{Org.Mgmt}:role/OrgSecurityAdmin";
        Add(f, chained, sso with { Agent = Org.Cli("sts.assume-role") }, new Call("sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = osaArn, ["roleSessionName"] = "dana", ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(osaKey, chained.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_orgSecurityAdminId}:dana", ["arn"] = $"arn:aws:sts::{Org.Mgmt}:assumed-role/OrgSecurityAdmin/dana" },
            },
            Resources = RoleResource(Org.Mgmt, osaArn),
        });
        Actor Osa(string command) => new(() => Who.Role(Org.Mgmt, "OrgSecurityAdmin", _orgSecurityAdminId, "dana", osaKey, chained, false), Org.Office, Org.Cli(command));
        Add(f, Time.At(2026, 11, 10, 11, 19, 30), Osa("organizations.describe-account"), new Call("organizations", "DescribeAccount") { Request = new JsonObject { ["accountId"] = Org.Prod } });
        var assumeRoot = Time.At(2026, 11, 10, 11, 20, 14);
        Story("management: OrgSecurityAdmin calls sts:AssumeRoot for 111122223333", Add(f, assumeRoot, Osa("sts.assume-root"), new Call("sts", "AssumeRoot")
        {
            Request = new JsonObject
            {
                ["targetPrincipal"] = Org.Prod,
                ["taskPolicyArn"] = new JsonObject { ["arn"] = "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy" },
                ["durationSeconds"] = 900,
            },
            Response = new JsonObject
            {
                ["credentials"] = new JsonObject
                {
                    ["accessKeyId"] = Org.AssumeRootKey,
                    ["sessionToken"] = _ids.FakeToken(),
                    ["expiration"] = Time.Us(assumeRoot.AddSeconds(900)),
                },
            },
        }));
        Add(f, Time.At(2026, 11, 10, 11, 31, 40), Osa("organizations.list-policies-for-target"), new Call("organizations", "ListPoliciesForTarget")
        {
            Request = new JsonObject { ["targetId"] = Org.Prod, ["filter"] = "SERVICE_CONTROL_POLICY" },
        });
    }
}
