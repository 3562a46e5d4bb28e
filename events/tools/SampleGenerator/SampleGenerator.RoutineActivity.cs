// Routine activity in every object: instance profiles, Lambda, AWS Config, the inventory scanner.

using System.Globalization;
using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private static readonly string[] Buckets = ["example-prod-artifacts", Org.LockedBucket, "example-prod-customer-exports", "example-prod-app-logs"];
    private static readonly DateTime LockedFrom = Time.At(2026, 11, 10, 10, 52, 10);
    private static readonly DateTime LockedUntil = Time.At(2026, 11, 10, 11, 24, 32);

    private void Background(LogObject f, DateTime start, DateTime end, bool busy)
    {
        var instances = f.Region == East
            ? new[] { ("i-0abc1234def567890", "10.20.1.15"), ("i-0abc1234def567891", "10.20.2.31") }
            : new[] { ("i-0abc1234def5678a2", "10.40.1.12") };
        foreach (var (instance, ip) in instances)
        {
            Instance(f, instance, ip, start, end, busy);
        }

        if (f.Region == East)
        {
            OrdersApi(f, start, end, busy);
        }

        Config(f, start, end);
        for (var hour = start.Date.AddHours(start.Hour); hour < end; hour = hour.AddHours(1))
        {
            var at = hour.AddMinutes(7).AddSeconds(_ids.Next(0, 40));
            if (at >= start && at < end)
            {
                ScannerRun(f, at);
            }
        }
    }

    private void Instance(LogObject f, string instance, string ip, DateTime start, DateTime end, bool busy)
    {
        var created = start.AddSeconds(_ids.Next(5, 120));
        var key = ServiceAssumeRole(f, created, "ec2.amazonaws.com", "app-server-role", "/", _appRoleId, instance, 6);
        var region = f.Region;
        var app = new Actor(() => Who.Role(f.Account, "app-server-role", _appRoleId, instance, key, created, false, ec2Delivery: "2.0"), ip, Org.AppSdk, Vpce: Org.Vpce);
        var agent = app with { Agent = Org.SsmAgent };
        var host = $"ip-{ip.Replace('.', '-')}.{(region == East ? "ec2.internal" : region + ".compute.internal")}";
        var tick = 0;
        for (var t = created.AddSeconds(_ids.Next(10, 290)); t < end; t = t.AddMinutes(5).AddSeconds(_ids.Next(-3, 4)))
        {
            Add(f, t, agent, new Call("ssm", "UpdateInstanceInformation")
            {
                Request = new JsonObject
                {
                    ["instanceId"] = instance,
                    ["agentVersion"] = "3.3.987.0",
                    ["agentStatus"] = "Active",
                    ["platformType"] = "Linux",
                    ["platformName"] = "Amazon Linux",
                    ["platformVersion"] = "2023",
                    ["iPAddress"] = ip,
                    ["computerName"] = host,
                    ["agentName"] = "amazon-ssm-agent",
                    ["availabilityZone"] = region + "a",
                },
            });
            if (tick++ % 2 == 0)
            {
                Add(f, t.AddSeconds(1), agent, new Call("ssm", "ListInstanceAssociations")
                {
                    Request = new JsonObject { ["instanceId"] = instance, ["maxResults"] = 50 },
                });
            }
        }

        var secretArn = $"arn:aws:secretsmanager:{region}:{f.Account}:secret:prod/orders/db-AbC123";
        for (var t = created.AddSeconds(_ids.Next(20, 200)); t < end; t = t.AddSeconds(busy ? _ids.Next(70, 200) : _ids.Next(200, 480)))
        {
            var roll = _ids.Next(0, 100);
            if (roll < 55)
            {
                Add(f, t, app, new Call("secretsmanager", "GetSecretValue") { Request = new JsonObject { ["secretId"] = "prod/orders/db" } });
                Add(f, t, app, new Call("kms", "Decrypt")
                {
                    Ip = "secretsmanager.amazonaws.com",
                    Agent = "secretsmanager.amazonaws.com",
                    InvokedBy = "secretsmanager.amazonaws.com",
                    Request = new JsonObject
                    {
                        ["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
                        ["encryptionContext"] = new JsonObject { ["SecretARN"] = secretArn, ["SecretVersionId"] = _secretsKey },
                    },
                    Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(region) }],
                });
            }
            else if (roll < 85)
            {
                Add(f, t, app, new Call("ssm", "GetParameter") { Request = new JsonObject { ["name"] = "/prod/orders/feature-flags", ["withDecryption"] = false } });
            }
            else
            {
                Add(f, t, app, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
            }
        }
    }

    private void OrdersApi(LogObject f, DateTime start, DateTime end, bool busy)
    {
        for (var t = start.AddSeconds(_ids.Next(30, 400)); t < end; t = t.AddSeconds(busy ? _ids.Next(420, 900) : _ids.Next(1200, 2100)))
        {
            var created = t;
            var key = ServiceAssumeRole(f, t, "lambda.amazonaws.com", "orders-api-role", "/service-role/", _ordersRoleId, "orders-api", 12);
            var fn = new Actor(() => Who.Role(f.Account, "orders-api-role", _ordersRoleId, "orders-api", key, created, false, "/service-role/"),
                "10.20.11." + _ids.Next(10, 250).ToString(CultureInfo.InvariantCulture), Org.LambdaSdk, Vpce: Org.Vpce);
            Add(f, t.AddSeconds(1), fn, new Call("ssm", "GetParameters")
            {
                Request = new JsonObject { ["names"] = new JsonArray("/prod/orders/api-config", "/prod/orders/payment-endpoint"), ["withDecryption"] = true },
            });
            Add(f, t.AddSeconds(1), fn, new Call("kms", "Decrypt")
            {
                Ip = "ssm.amazonaws.com",
                Agent = "ssm.amazonaws.com",
                InvokedBy = "ssm.amazonaws.com",
                Request = new JsonObject
                {
                    ["encryptionContext"] = new JsonObject { ["PARAMETER_ARN"] = $"arn:aws:ssm:{f.Region}:{f.Account}:parameter/prod/orders/payment-endpoint" },
                    ["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
                },
                Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
            });
            Add(f, t.AddSeconds(2), fn, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
        }
    }

    private void Config(LogObject f, DateTime start, DateTime end)
    {
        var roleId = f.Account == Org.Prod ? _configRoleId : _mgmtConfigRoleId;
        const string path = "/aws-service-role/config.amazonaws.com/";
        var t0 = start.AddSeconds(_ids.Next(0, 300));
        var key = ServiceAssumeRole(f, t0, "config.amazonaws.com", "AWSServiceRoleForConfig", path, roleId, "AWSConfig-Describe", 1);
        var config = new Actor(() => Who.With(Who.Role(f.Account, "AWSServiceRoleForConfig", roleId, "AWSConfig-Describe", key, t0, false, path), "config.amazonaws.com"),
            "config.amazonaws.com", "config.amazonaws.com", Tls: false);
        for (var t = t0.AddSeconds(_ids.Next(5, 60)); t < end; t = t.AddSeconds(_ids.Next(240, 720)))
        {
            var n = _ids.Next(2, 6);
            for (var i = 0; i < n; i++)
            {
                Add(f, t.AddSeconds(i), config, _ids.Next(0, 6) switch
                {
                    0 => new Call("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                    1 => new Call("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                    2 when f.Region == East => new Call("iam", "GetRole") { Request = new JsonObject { ["roleName"] = _ids.Pick(["app-server-role", "orders-api-role", "Admin", "ci-deploy"]) } },
                    3 => new Call("s3", "GetBucketAcl") { Request = new JsonObject { ["bucketName"] = _ids.Pick(Buckets), ["acl"] = "" } },
                    4 => new Call("kms", "DescribeKey") { Request = new JsonObject { ["keyId"] = KmsKeyArn(f.Region) } },
                    _ => new Call("ec2", "DescribeVolumes") { Request = new JsonObject { ["volumeSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                });
            }
        }
    }

    private void ScannerRun(LogObject f, DateTime t)
    {
        var scanner = Scanner();
        var calls = new List<Call>
        {
            new("sts", "GetCallerIdentity"),
            new("ec2", "DescribeRegions") { Request = new JsonObject { ["regionSet"] = new JsonObject(), ["allRegions"] = false } },
            new("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("ec2", "DescribeVolumes") { Request = new JsonObject { ["volumeSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("lambda", "ListFunctions20150331"),
            new("rds", "DescribeDBInstances"),
            new("kms", "ListKeys"),
        };
        if (f.Region == East)
        {
            calls.Add(new("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } });
            foreach (var bucket in Buckets)
            {
                var locked = bucket == Org.LockedBucket && t > LockedFrom && t < LockedUntil;
                calls.Add(new("s3", "GetBucketLocation") { Request = new JsonObject { ["bucketName"] = bucket, ["location"] = "" } });
                calls.Add(locked
                    ? new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" }, ErrorCode = "AccessDenied", ErrorMessage = "Access Denied" }
                    : bucket == "example-prod-app-logs"
                        ? new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" }, ErrorCode = "NoSuchBucketPolicy", ErrorMessage = "The bucket policy does not exist" }
                        : new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" } });
            }

            calls.Add(new("iam", "ListUsers"));
            foreach (var user in new[] { "alice", "bob", "deploy-bot", "inventory-scanner" })
            {
                calls.Add(new("iam", "ListAccessKeys") { Request = new JsonObject { ["userName"] = user } });
            }

            calls.Add(new("iam", "GetAccessKeyLastUsed") { Request = new JsonObject { ["accessKeyId"] = _deployBotKey } });
            calls.Add(new("iam", "GenerateCredentialReport") { ReadOnly = false, Response = new JsonObject { ["state"] = "STARTED", ["description"] = "No report exists. Starting a new report generation task" } });
            calls.Add(new("iam", "GetCredentialReport"));
        }

        var at = t;
        foreach (var call in calls)
        {
            Add(f, at, scanner, call);
            at = at.AddSeconds(_ids.Next(0, 3));
        }
    }
}
