// The CI pipeline: deploy-bot deploys through ci-deploy and CloudFormation, and is denied once.

using System.Globalization;
using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    /// <summary>CI: deploy-bot's access key assumes ci-deploy; CloudFormation then acts with that session.</summary>
    private void Deploy(LogObject f, DateTime t, string run, bool announce)
    {
        Add(f, t, DeployBot("sts.get-caller-identity"), new Call("sts", "GetCallerIdentity"));
        var key = _ids.Key("ASIA");
        var created = t.AddSeconds(2);
        var roleArn = $"arn:aws:iam::{Org.Prod}:role/ci-deploy";
        Add(f, created, DeployBot("sts.assume-role"), new Call("sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = run, ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(key, created.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_ciDeployRoleId}:{run}", ["arn"] = $"arn:aws:sts::{Org.Prod}:assumed-role/ci-deploy/{run}" },
            },
            Resources = RoleResource(Org.Prod, roleArn),
        });
        var ci = new Actor(() => Who.Role(Org.Prod, "ci-deploy", _ciDeployRoleId, run, key, created, false), Org.CiRunner, Org.Cli("cloudformation.deploy"));
        var stackId = $"arn:aws:cloudformation:us-east-1:{Org.Prod}:stack/orders-api/{_ids.Uuid()}";
        var changeSet = "samcli-deploy" + _ids.Next(1_700_000, 1_799_999).ToString(CultureInfo.InvariantCulture);
        var artifact = "orders-api/" + _ids.Hex(32);
        Add(f, t.AddSeconds(6), ci with { Agent = Org.Cli("ecr.get-login-password") }, new Call("ecr", "GetAuthorizationToken"));
        Add(f, t.AddSeconds(12), ci, new Call("cloudformation", "DescribeStacks") { Request = new JsonObject { ["stackName"] = "orders-api" } });
        Add(f, t.AddSeconds(15), ci, new Call("cloudformation", "CreateChangeSet")
        {
            Request = new JsonObject
            {
                ["stackName"] = "orders-api",
                ["templateURL"] = $"https://example-prod-artifacts.s3.us-east-1.amazonaws.com/{artifact}.template",
                ["capabilities"] = new JsonArray("CAPABILITY_IAM"),
                ["changeSetName"] = changeSet,
                ["changeSetType"] = "UPDATE",
            },
            Response = new JsonObject { ["id"] = $"arn:aws:cloudformation:us-east-1:{Org.Prod}:changeSet/{changeSet}/{_ids.Uuid()}", ["stackId"] = stackId },
        });
        for (var i = 0; i < 3; i++)
        {
            Add(f, t.AddSeconds(20 + (5 * i)), ci, new Call("cloudformation", "DescribeChangeSet") { Request = new JsonObject { ["changeSetName"] = changeSet, ["stackName"] = "orders-api" } });
        }

        Add(f, t.AddSeconds(38), ci, new Call("cloudformation", "ExecuteChangeSet") { Request = new JsonObject { ["changeSetName"] = changeSet, ["stackName"] = "orders-api" } });
        var fnArn = $"arn:aws:lambda:us-east-1:{Org.Prod}:function:orders-api";
        var viaCfn = new Call("lambda", "UpdateFunctionCode20150331v2") { Ip = "cloudformation.amazonaws.com", Agent = "cloudformation.amazonaws.com", InvokedBy = "cloudformation.amazonaws.com" };
        Add(f, t.AddSeconds(44), ci, viaCfn with
        {
            Request = new JsonObject { ["functionName"] = fnArn, ["s3Bucket"] = "example-prod-artifacts", ["s3Key"] = artifact, ["publish"] = false },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = fnArn, ["runtime"] = "nodejs20.x", ["codeSize"] = 1843302, ["version"] = "$LATEST", ["lastUpdateStatus"] = "InProgress" },
        });
        Add(f, t.AddSeconds(49), ci, viaCfn with
        {
            Name = "UpdateFunctionConfiguration20150331v2",
            Request = new JsonObject { ["functionName"] = fnArn, ["environment"] = new JsonObject { ["variables"] = "HIDDEN_DUE_TO_SECURITY_REASONS" } },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = fnArn, ["version"] = "$LATEST" },
        });
        for (var i = 0; i < 6; i++)
        {
            Add(f, t.AddSeconds(45 + (10 * i)), ci, new Call("cloudformation", "DescribeStackEvents") { Request = new JsonObject { ["stackName"] = "orders-api" } });
        }

        var version = _ids.Next(40, 90).ToString(CultureInfo.InvariantCulture);
        var publish = Add(f, t.AddSeconds(112), DeployBot("lambda.publish-version"), new Call("lambda", "PublishVersion20150331")
        {
            Request = new JsonObject { ["functionName"] = "orders-api", ["description"] = run },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = $"{fnArn}:{version}", ["version"] = version, ["state"] = "Active" },
        });
        Add(f, t.AddSeconds(115), DeployBot("lambda.update-alias"), new Call("lambda", "UpdateAlias20150331")
        {
            Request = new JsonObject { ["functionName"] = "orders-api", ["name"] = "live", ["functionVersion"] = version },
            Response = new JsonObject { ["aliasArn"] = $"{fnArn}:live", ["name"] = "live", ["functionVersion"] = version },
        });
        if (announce)
        {
            Story("deploy-bot PublishVersion (IAM user, AKIA key)", publish);
        }
    }

    private void DeployBotDenied(LogObject f, DateTime t)
    {
        for (var i = 0; i < 2; i++)
        {
            Add(f, t.AddSeconds(31 * i), DeployBot("iam.create-role"), new Call("iam", "CreateRole")
            {
                ErrorCode = "AccessDenied",
                ErrorMessage = $"User: arn:aws:iam::{Org.Prod}:user/deploy-bot is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::{Org.Prod}:role/orders-api-canary-role because no identity-based policy allows the iam:CreateRole action",
            });
        }
    }
}
