using System.Text.Json.Nodes;

namespace Monitor.Lambda.Tests.Template;

/// <summary>Everything in template.yaml that stores data is encrypted at rest, and buckets are private and TLS-only.</summary>
public sealed class TemplateEncryptionTests
{
    // Types that hold no customer data at rest (or, for log groups, are always encrypted by CloudWatch Logs).
    private static readonly HashSet<string> StoresNoData =
    [
        "AWS::Serverless::Function", "AWS::IAM::Role", "AWS::SQS::QueuePolicy", "AWS::S3::BucketPolicy", "AWS::KMS::Key",
        "AWS::SNS::Subscription", "AWS::Pipes::Pipe", "AWS::CloudWatch::Alarm", "AWS::CloudTrail::Trail", "AWS::Logs::LogGroup",
    ];

    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void EveryResourceType_IsClassified()
    {
        var checkedTypes = new[] { "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic" };
        _template.Resources.Select(r => r.Value!["Type"]!.GetValue<string>())
            .Where(t => !StoresNoData.Contains(t) && !checkedTypes.Contains(t))
            .ShouldBeEmpty("a new resource type must be checked for encryption here");
    }

    [Fact]
    public void Buckets_AreEncrypted_Private_AndTlsOnly()
    {
        var buckets = _template.OfType("AWS::S3::Bucket").ToList();
        buckets.ShouldNotBeEmpty();
        foreach (var (name, bucket) in buckets)
        {
            var properties = bucket["Properties"]!;
            properties["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?.AsArray().Count.ShouldBeGreaterThan(0, name);
            var block = properties["PublicAccessBlockConfiguration"]!.AsObject();
            foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
            {
                block[flag]!.GetValue<bool>().ShouldBeTrue($"{name}.{flag}");
            }

            var policy = _template.OfType("AWS::S3::BucketPolicy").Select(p => p.Resource["Properties"]!)
                .SingleOrDefault(p => SamTemplate.TargetOf(p["Bucket"]) == name);
            policy.ShouldNotBeNull($"{name} has no bucket policy");
            policy["PolicyDocument"]!["Statement"]!.AsArray()
                .ShouldContain(s => s!["Effect"]!.GetValue<string>() == "Deny" && s["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>() == "false", name);
        }
    }

    [Fact]
    public void StateTable_IsEncrypted_Recoverable_AndExpiresByTtl()
    {
        foreach (var (name, table) in _template.OfType("AWS::DynamoDB::Table"))
        {
            var properties = table["Properties"]!;
            properties["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>().ShouldBeTrue(name);
            properties["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>().ShouldBeTrue(name);
            properties["BillingMode"]!.GetValue<string>().ShouldBe("PAY_PER_REQUEST");
            properties["TimeToLiveSpecification"]!["Enabled"]!.GetValue<bool>().ShouldBeTrue(name);

            // The attribute DynamoStateStore writes (Monitor.Aws StateTableLayout.TimeToLive).
            properties["TimeToLiveSpecification"]!["AttributeName"]!.GetValue<string>().ShouldBe("ttl");
        }
    }

    [Fact]
    public void QueuesAndTopics_AreEncrypted()
    {
        foreach (var (name, queue) in _template.OfType("AWS::SQS::Queue"))
        {
            var properties = queue["Properties"] as JsonObject ?? [];
            (properties["SqsManagedSseEnabled"]?.GetValue<bool>() == true || properties.ContainsKey("KmsMasterKeyId")).ShouldBeTrue(name);
        }

        foreach (var (name, topic) in _template.OfType("AWS::SNS::Topic"))
        {
            topic["Properties"]?["KmsMasterKeyId"].ShouldNotBeNull(name);
        }
    }
}
