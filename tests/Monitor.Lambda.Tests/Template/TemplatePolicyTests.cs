using System.Text.Json.Nodes;

namespace Monitor.Lambda.Tests.Template;

/// <summary>
/// IAM and resource policies in template.yaml grant exact actions on exact resources. Deny statements may use
/// wildcards (they only take away); key policies use "*" for "this key", which is how KMS spells it.
/// </summary>
public sealed class TemplatePolicyTests
{
    // Actions IAM authorizes only against "*" (no resource-level permissions).
    private static readonly HashSet<string> ActionsWithoutResources = new(StringComparer.OrdinalIgnoreCase)
    {
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "cloudwatch:PutMetricData", "sts:GetCallerIdentity",
        "iam:GenerateCredentialReport", "iam:GetCredentialReport", "iam:GetAccountAuthorizationDetails",
    };

    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void AllowStatements_NameExactActions()
    {
        var statements = Statements().Where(s => Effect(s.Statement) == "Allow").ToList();

        statements.Count.ShouldBeGreaterThan(5);
        foreach (var (where, statement, _) in statements)
        {
            statement.ContainsKey("NotAction").ShouldBeFalse(where);
            Values(statement["Action"]).ShouldNotBeEmpty(where);
            Values(statement["Action"]).Where(a => a.Contains('*', StringComparison.Ordinal)).ShouldBeEmpty(where);
        }
    }

    [Fact]
    public void AllowStatements_UseWildcardResources_OnlyForActionsWithoutResources()
    {
        foreach (var (where, statement, kind) in Statements().Where(s => Effect(s.Statement) == "Allow" && s.Kind == PolicyKind.Identity))
        {
            statement.ContainsKey("NotResource").ShouldBeFalse(where);
            var resources = Values(statement["Resource"]);
            resources.ShouldNotBeEmpty(where);
            if (resources.Any(r => r == "*"))
            {
                Values(statement["Action"]).Where(a => !ActionsWithoutResources.Contains(a)).ShouldBeEmpty($"{where} ({kind})");
            }
        }
    }

    [Fact]
    public void Roles_AttachNoManagedPolicies()
    {
        foreach (var (name, role) in _template.OfType("AWS::IAM::Role"))
        {
            role["Properties"]?["ManagedPolicyArns"].ShouldBeNull(name);
        }
    }

    [Fact]
    public void Checker_FlagsAWildcardAction()
    {
        var statement = new JsonObject { ["Effect"] = "Allow", ["Action"] = new JsonArray("s3:GetObject", "dynamodb:*"), ["Resource"] = "arn:aws:s3:::b/*" };

        Values(statement["Action"]).Where(a => a.Contains('*', StringComparison.Ordinal)).ShouldBe(["dynamodb:*"]);
    }

    private enum PolicyKind
    {
        Identity,
        Trust,
        Resource,
        Key,
    }

    private IEnumerable<(string Where, JsonObject Statement, PolicyKind Kind)> Statements()
    {
        foreach (var (name, resource) in _template.Resources.Select(r => (r.Key, r.Value!.AsObject())))
        {
            var properties = resource["Properties"];
            var documents = resource["Type"]!.GetValue<string>() switch
            {
                "AWS::IAM::Role" => ((properties?["Policies"] as JsonArray) ?? []).Select(p => (p!["PolicyDocument"], PolicyKind.Identity))
                    .Append((properties?["AssumeRolePolicyDocument"], PolicyKind.Trust)),
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" => [(properties?["PolicyDocument"], PolicyKind.Identity)],
                "AWS::SQS::QueuePolicy" or "AWS::S3::BucketPolicy" or "AWS::SNS::TopicPolicy" => [(properties?["PolicyDocument"], PolicyKind.Resource)],
                "AWS::KMS::Key" => [(properties?["KeyPolicy"], PolicyKind.Key)],
                _ => Enumerable.Empty<(JsonNode?, PolicyKind)>(),
            };

            foreach (var (document, kind) in documents)
            {
                var list = document?["Statement"] as JsonArray ?? [];
                for (var i = 0; i < list.Count; i++)
                {
                    yield return ($"{name} statement {i}", list[i]!.AsObject(), kind);
                }
            }
        }
    }

    private static string? Effect(JsonObject statement) => statement["Effect"]?.GetValue<string>();

    /// <summary>The literal strings of a policy field (intrinsics such as !GetAtt are exact by construction).</summary>
    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.SelectMany(Values).ToList(),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonObject => ["<intrinsic>"],
        _ => [],
    };
}
