// People: IAM users sign in with MFA and switch to Admin, browse the console, and make changes.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private static readonly string LoginTo =
        "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_7f3c2a9e1b5d4c80";

    private Actor AdminSession(string name, string ip, string browser, DateTime created)
    {
        var key = _ids.Key("ASIA");
        return new Actor(() => Who.Role(Org.Prod, "Admin", _adminRoleId, name, key, created, mfa: true), ip, browser, Console: true);
    }

    /// <summary>IAM user signs in with MFA, then switches to the Admin role.</summary>
    private Actor HumanLogin(LogObject f, string name, string userId, string ip, string browser, DateTime t)
    {
        var signIn = new Actor(() => Who.IamUserSignIn(Org.Prod, name, userId), ip, browser);
        Add(f, t.AddSeconds(-9), signIn with { Identity = () => new JsonObject { ["type"] = "IAMUser", ["principalId"] = userId, ["accountId"] = Org.Prod, ["accessKeyId"] = "", ["userName"] = name } },
            new Call("signin", "CheckMfa")
            {
                EventType = "AwsConsoleSignIn",
                ReadOnly = false,
                NoRequestId = true,
                Response = new JsonObject { ["CheckMfa"] = "Success" },
                Additional = new JsonObject { ["MfaType"] = "Virtual MFA" },
            });
        Add(f, t, signIn, new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject
            {
                ["LoginTo"] = LoginTo,
                ["MobileVersion"] = "No",
                ["MFAIdentifier"] = $"arn:aws:iam::{Org.Prod}:mfa/{name}",
                ["MFAUsed"] = "Yes",
            },
        });
        var switched = t.AddSeconds(47);
        Add(f, switched, new Actor(() => Who.Role(Org.Prod, "Admin", _adminRoleId, name, "", switched, mfa: true), ip, browser), new Call("signin", "SwitchRole")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["SwitchRole"] = "Success" },
            Additional = new JsonObject
            {
                ["SwitchFrom"] = $"arn:aws:iam::{Org.Prod}:user/{name}",
                ["RedirectTo"] = "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
            },
        });
        return AdminSession(name, ip, browser, switched);
    }

    private void ConsoleBrowse(LogObject f, Actor who, DateTime from, DateTime to, int count)
    {
        var span = (int)(to - from).TotalSeconds;
        var times = Enumerable.Range(0, count).Select(_ => from.AddSeconds(_ids.Next(0, span))).Order().ToList();
        foreach (var t in times)
        {
            var call = BrowseCall(f.Region);
            if (call.Service == "s3")
            {
                call = call with { Agent = Org.S3Console };
            }
            else if (_ids.Chance(15))
            {
                call = call with { Ip = "AWS Internal", Agent = "AWS Internal", InvokedBy = "AWS Internal" };
            }

            Add(f, t, who, call);
        }
    }

    private Call BrowseCall(string region)
    {
        var n = _ids.Next(0, region == East ? 16 : 11);
        return n switch
        {
            0 => new Call("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject(), ["maxResults"] = 1000 } },
            1 => new Call("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            2 => new Call("ec2", "DescribeVpcs") { Request = new JsonObject { ["vpcSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            3 => new Call("lambda", "ListFunctions20150331") { Request = new JsonObject { ["maxItems"] = 50 } },
            4 => new Call("lambda", "GetFunction20150331v2") { Request = new JsonObject { ["functionName"] = _ids.Pick(["orders-api", "nightly-report", "secret-rotation"]) } },
            5 => new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } },
            6 => new Call("monitoring", "DescribeAlarms") { Request = new JsonObject { ["maxRecords"] = 100 } },
            7 => new Call("logs", "DescribeLogGroups") { Request = new JsonObject { ["limit"] = 50 } },
            8 => new Call("ssm", "DescribeParameters") { Request = new JsonObject { ["maxResults"] = 50 } },
            9 => new Call("kms", "ListAliases") { Request = new JsonObject { ["limit"] = 100 } },
            10 => new Call("cloudtrail", "GetTrailStatus") { Request = new JsonObject { ["name"] = $"arn:aws:cloudtrail:us-east-1:{Org.Prod}:trail/prod-local-trail" } },
            11 => new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } },
            12 => new Call("s3", "GetBucketEncryption") { Request = new JsonObject { ["bucketName"] = _ids.Pick(Buckets), ["encryption"] = "" } },
            13 => new Call("iam", "ListRoles") { Request = new JsonObject { ["maxItems"] = 1000 } },
            14 => new Call("iam", "GetRole") { Request = new JsonObject { ["roleName"] = _ids.Pick(["app-server-role", "orders-api-role", "ci-deploy"]) } },
            _ => new Call("iam", "GetAccountSummary"),
        };
    }

    private void BobWrites(LogObject f, Actor bob, DateTime t, bool first)
    {
        if (first)
        {
            Add(f, t, bob, new Call("ec2", "AuthorizeSecurityGroupIngress")
            {
                Request = new JsonObject
                {
                    ["groupId"] = "sg-0a1b2c3d4e5f60718",
                    ["ipPermissions"] = new JsonObject
                    {
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["ipProtocol"] = "tcp",
                            ["fromPort"] = 443,
                            ["toPort"] = 443,
                            ["ipRanges"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["cidrIp"] = "10.20.0.0/16", ["description"] = "internal https" }) },
                        }),
                    },
                },
                Response = new JsonObject { ["requestId"] = _ids.Uuid(), ["_return"] = true },
            });
            Add(f, t.AddMinutes(3).AddSeconds(12), bob, new Call("ssm", "PutParameter")
            {
                Request = new JsonObject { ["name"] = "/prod/orders/feature-flags", ["value"] = "HIDDEN_DUE_TO_SECURITY_REASONS", ["type"] = "String", ["overwrite"] = true },
                Response = new JsonObject { ["version"] = 7, ["tier"] = "Standard" },
            });
            Add(f, t.AddMinutes(6).AddSeconds(40), bob, new Call("kms", "EnableKeyRotation")
            {
                Request = new JsonObject { ["keyId"] = KmsKeyArn(f.Region) },
                Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
            });
            return;
        }

        Add(f, t, bob, new Call("dynamodb", "UpdateContinuousBackups")
        {
            Request = new JsonObject { ["tableName"] = "orders", ["pointInTimeRecoverySpecification"] = new JsonObject { ["pointInTimeRecoveryEnabled"] = true } },
            Response = new JsonObject { ["continuousBackupsDescription"] = new JsonObject { ["continuousBackupsStatus"] = "ENABLED" } },
        });
        Add(f, t.AddMinutes(2).AddSeconds(5), bob, new Call("lambda", "UpdateFunctionConfiguration20150331v2")
        {
            Request = new JsonObject { ["functionName"] = "nightly-report", ["timeout"] = 120 },
            Response = new JsonObject { ["functionName"] = "nightly-report", ["functionArn"] = $"arn:aws:lambda:us-east-1:{Org.Prod}:function:nightly-report", ["timeout"] = 120, ["version"] = "$LATEST" },
        });
        Add(f, t.AddMinutes(9), bob with { Agent = Org.S3Console }, new Call("s3", "PutBucketTagging")
        {
            Request = new JsonObject
            {
                ["bucketName"] = "example-prod-artifacts",
                ["tagging"] = "",
                ["Tagging"] = new JsonObject { ["TagSet"] = new JsonObject { ["Tag"] = new JsonObject { ["Key"] = "cost-center", ["Value"] = "platform" } } },
            },
        });
        Add(f, t.AddMinutes(11).AddSeconds(30), bob, new Call("ec2", "CreateTags")
        {
            Request = new JsonObject
            {
                ["resourcesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["resourceId"] = "i-0abc1234def567890" }) },
                ["tagSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["key"] = "owner", ["value"] = "platform-team" }) },
            },
            Response = new JsonObject { ["requestId"] = _ids.Uuid(), ["_return"] = true },
        });
    }
}
