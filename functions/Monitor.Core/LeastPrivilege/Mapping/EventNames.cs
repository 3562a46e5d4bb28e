using System.Text.RegularExpressions;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>
/// CloudTrail eventName → IAM action name(s) of the same service (or <c>prefix:Name</c> for another one).
/// Only the renames AWS's service reference lists (its Operations → AuthorizedActions entries) and CloudTrail's own
/// S3 names; every result is validated against the
/// catalog by the caller. Case-only differences (<c>PutBucketCors</c> → <c>s3:PutBucketCORS</c>) need no entry:
/// catalog lookups ignore case and answer in catalog casing.
/// </summary>
internal static partial class EventNames
{
    private static readonly Dictionary<string, string[]> Renames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s3:ListBuckets"] = ["ListAllMyBuckets"],
        ["s3:HeadBucket"] = ["ListBucket"],
        ["s3:ListObjects"] = ["ListBucket"],
        ["s3:ListObjectsV2"] = ["ListBucket"],
        ["s3:ListObjectVersions"] = ["ListBucketVersions"],
        ["s3:ListMultipartUploads"] = ["ListBucketMultipartUploads"],
        ["s3:ListParts"] = ["ListMultipartUploadParts"],
        ["s3:HeadObject"] = ["GetObject"],
        ["s3:GetObjectAttributes"] = ["GetObject"],
        ["s3:GetObjectTorrent"] = ["GetObject"],
        ["s3:SelectObjectContent"] = ["GetObject"],
        ["s3:CopyObject"] = ["PutObject"],
        ["s3:UploadPartCopy"] = ["PutObject"],
        ["s3:CreateMultipartUpload"] = ["PutObject"],
        ["s3:UploadPart"] = ["PutObject"],
        ["s3:CompleteMultipartUpload"] = ["PutObject"],
        ["s3:DeleteObjects"] = ["DeleteObject"],
        ["s3:GetBucketAccelerateConfiguration"] = ["GetAccelerateConfiguration"],
        ["s3:PutBucketAccelerateConfiguration"] = ["PutAccelerateConfiguration"],
        ["s3:GetBucketAnalyticsConfiguration"] = ["GetAnalyticsConfiguration"],
        ["s3:ListBucketAnalyticsConfigurations"] = ["GetAnalyticsConfiguration"],
        ["s3:PutBucketAnalyticsConfiguration"] = ["PutAnalyticsConfiguration"],
        ["s3:DeleteBucketAnalyticsConfiguration"] = ["PutAnalyticsConfiguration"],
        ["s3:GetBucketEncryption"] = ["GetEncryptionConfiguration"],
        ["s3:PutBucketEncryption"] = ["PutEncryptionConfiguration"],
        ["s3:DeleteBucketEncryption"] = ["PutEncryptionConfiguration"],
        ["s3:GetBucketInventoryConfiguration"] = ["GetInventoryConfiguration"],
        ["s3:ListBucketInventoryConfigurations"] = ["GetInventoryConfiguration"],
        ["s3:PutBucketInventoryConfiguration"] = ["PutInventoryConfiguration"],
        ["s3:DeleteBucketInventoryConfiguration"] = ["PutInventoryConfiguration"],
        ["s3:GetBucketMetricsConfiguration"] = ["GetMetricsConfiguration"],
        ["s3:ListBucketMetricsConfigurations"] = ["GetMetricsConfiguration"],
        ["s3:PutBucketMetricsConfiguration"] = ["PutMetricsConfiguration"],
        ["s3:DeleteBucketMetricsConfiguration"] = ["PutMetricsConfiguration"],
        ["s3:GetBucketIntelligentTieringConfiguration"] = ["GetIntelligentTieringConfiguration"],
        ["s3:ListBucketIntelligentTieringConfigurations"] = ["GetIntelligentTieringConfiguration"],
        ["s3:PutBucketIntelligentTieringConfiguration"] = ["PutIntelligentTieringConfiguration"],
        ["s3:DeleteBucketIntelligentTieringConfiguration"] = ["PutIntelligentTieringConfiguration"],
        ["s3:GetBucketLifecycle"] = ["GetLifecycleConfiguration"],
        ["s3:GetBucketLifecycleConfiguration"] = ["GetLifecycleConfiguration"],
        ["s3:PutBucketLifecycle"] = ["PutLifecycleConfiguration"],
        ["s3:PutBucketLifecycleConfiguration"] = ["PutLifecycleConfiguration"],
        ["s3:DeleteBucketLifecycle"] = ["PutLifecycleConfiguration"],
        ["s3:GetBucketReplication"] = ["GetReplicationConfiguration"],
        ["s3:PutBucketReplication"] = ["PutReplicationConfiguration"],
        ["s3:DeleteBucketReplication"] = ["PutReplicationConfiguration"],
        ["s3:DeleteBucketTagging"] = ["PutBucketTagging"],
        ["s3:GetBucketNotificationConfiguration"] = ["GetBucketNotification"],
        ["s3:PutBucketNotificationConfiguration"] = ["PutBucketNotification"],
        ["s3:DeleteBucketCors"] = ["PutBucketCORS"],
        ["s3:GetPublicAccessBlock"] = ["GetBucketPublicAccessBlock"],
        ["s3:PutPublicAccessBlock"] = ["PutBucketPublicAccessBlock"],
        ["s3:DeletePublicAccessBlock"] = ["PutBucketPublicAccessBlock"],
        ["s3:DeleteBucketPublicAccessBlock"] = ["PutBucketPublicAccessBlock"],
        ["s3:DeleteBucketOwnershipControls"] = ["PutBucketOwnershipControls"],
        ["s3:GetObjectLockConfiguration"] = ["GetBucketObjectLockConfiguration"],
        ["s3:PutObjectLockConfiguration"] = ["PutBucketObjectLockConfiguration"],
        ["s3:GetBucketMetadataConfiguration"] = ["GetBucketMetadataTableConfiguration"],
        ["s3:DeleteBucketMetadataConfiguration"] = ["DeleteBucketMetadataTableConfiguration"],
        ["lambda:Invoke"] = ["InvokeFunction"],
        ["lambda:InvokeWithResponseStream"] = ["InvokeFunction"],
        ["lambda:InvokeAsync"] = ["InvokeFunction"],
        ["lambda:GetLayerVersionByArn"] = ["GetLayerVersion"],
        ["sqs:SendMessageBatch"] = ["SendMessage"],
        ["sqs:DeleteMessageBatch"] = ["DeleteMessage"],
        ["sqs:ChangeMessageVisibilityBatch"] = ["ChangeMessageVisibility"],
        ["sns:PublishBatch"] = ["Publish"],
        ["dynamodb:TransactGetItems"] = ["GetItem"],
        ["sso-oauth:CreateToken"] = ["CreateTokenWithIAM"],
        ["securityhub:GetFindingStatisticsV2"] = ["GetAdhocInsightResults"],
        ["bedrock:Converse"] = ["InvokeModel"],
        ["bedrock:ConverseStream"] = ["InvokeModelWithResponseStream"],
        ["bedrock:InvokeModelWithBidirectionalStream"] = ["InvokeModel"],
        ["bedrock:StartAsyncInvoke"] = ["InvokeModel"],
        ["timestream:Query"] = ["Select"],
        ["timestream:PrepareQuery"] = ["Select"],
        ["glue:GetColumnStatisticsForTable"] = ["GetTable"],
        ["glue:UpdateColumnStatisticsForTable"] = ["UpdateTable"],
        ["glue:DeleteColumnStatisticsForTable"] = ["UpdateTable"],
        ["glue:GetColumnStatisticsForPartition"] = ["GetPartition"],
        ["glue:UpdateColumnStatisticsForPartition"] = ["UpdatePartition"],
        ["glue:DeleteColumnStatisticsForPartition"] = ["UpdatePartition"],
        ["glue:CreatePartitionIndex"] = ["UpdateTable"],
        ["glue:DeletePartitionIndex"] = ["UpdateTable"],
        ["dms:DescribeDataProviders"] = ["ListDataProviders"],
        ["dms:DescribeInstanceProfiles"] = ["ListInstanceProfiles"],
        ["dms:DescribeMigrationProjects"] = ["ListMigrationProjects"],
        ["dms:ModifyDataProvider"] = ["UpdateDataProvider"],
        ["dms:ModifyInstanceProfile"] = ["UpdateInstanceProfile"],
        ["dms:ModifyMigrationProject"] = ["UpdateMigrationProject"],
        ["cloudtrail:ListInsightsMetricData"] = ["ListInsightsData"],
        ["lakeformation:GetTemporaryDataLocationCredentials"] = ["GetDataAccess"],
        ["resource-explorer-2:ListResources"] = ["Search"],
        ["sagemaker:InvokeEndpointWithResponseStream"] = ["InvokeEndpoint"],
        ["connect:UpdateUserConfig"] = ["UpdateUserPhoneConfig"],
        ["detective:ListOrganizationAdminAccounts"] = ["ListOrganizationAdminAccount"],
        ["iotjobsdata:StartCommandExecution"] = ["iot:StartCommandExecution"],
        ["kafka:CreateTopic"] = ["kafka-cluster:Connect", "kafka-cluster:CreateTopic"],
        ["kafka:DeleteTopic"] = ["kafka-cluster:Connect", "kafka-cluster:DeleteTopic"],
        ["kafka:DescribeTopic"] = ["kafka-cluster:Connect", "kafka-cluster:DescribeTopic"],
        ["kafka:ListTopics"] = ["kafka-cluster:Connect", "kafka-cluster:DescribeTopic"],
        ["tax:GetTaxExemptionTypes"] = ["GetExemptions"],
        ["tax:ListTaxExemptions"] = ["GetExemptions"],
        ["tax:PutTaxExemption"] = ["UpdateExemptions"],
        ["signin:CreateOAuth2TokenWithIAM"] = ["CreateOAuth2Token"],
        ["qapps:CreatePresignedUrl"] = ["ImportDocument"],
    };

    /// <summary>
    /// The action names one call authorizes as its primary need, before validation. Specific renames first; then
    /// the API-version suffix Lambda and CloudFront put on event names; then the service reference's two generic
    /// patterns (<c>...V2</c> twins and <c>Batch...</c> wrappers), tried only when the exact name is no action.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string prefix, string eventName)
    {
        if (Renames.TryGetValue($"{prefix}:{eventName}", out var renamed))
        {
            return renamed;
        }

        if (FamilyRename(prefix, eventName) is { } family)
        {
            return [family];
        }

        var name = StripVersionSuffix(prefix, eventName);
        var candidates = new List<string> { name };
        if (name.EndsWith("V2", StringComparison.Ordinal) && name.Length > 2)
        {
            candidates.Add(name[..^2]);
        }

        if (name.StartsWith("Batch", StringComparison.Ordinal) && name.Length > 5 && char.IsUpper(name[5]))
        {
            candidates.Add(name[5..]);
            if (name.EndsWith('s'))
            {
                candidates.Add(name[5..^1]);
            }
        }

        return candidates;
    }

    /// <summary>
    /// Lambda (<c>UpdateFunctionCode20150331v2</c>) and CloudFront (<c>UpdateDistribution2016_11_25</c>) log the
    /// REST API version in the event name. Only those two, and only a full date: a looser rule turns
    /// <c>RestoreDBInstanceFromS3</c> into the non-action <c>RestoreDBInstanceFromS</c>.
    /// </summary>
    public static string StripVersionSuffix(string prefix, string eventName)
    {
        if (prefix is not ("lambda" or "cloudfront"))
        {
            return eventName;
        }

        var match = VersionSuffix().Match(eventName);
        return match.Success ? match.Groups[1].Value : eventName;
    }

    // Whole API families whose operations share a few actions (service reference: budgets, Keyspaces, API Gateway).
    private static string? FamilyRename(string prefix, string eventName) => prefix switch
    {
        "budgets" => eventName.StartsWith("Describe", StringComparison.Ordinal) ? "ViewBudget"
            : eventName.StartsWith("Create", StringComparison.Ordinal) || eventName.StartsWith("Update", StringComparison.Ordinal) || eventName.StartsWith("Delete", StringComparison.Ordinal) ? "ModifyBudget" : null,
        "cassandra" => eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("List", StringComparison.Ordinal) ? "Select"
            : eventName.StartsWith("Create", StringComparison.Ordinal) ? "Create"
            : eventName.StartsWith("Delete", StringComparison.Ordinal) ? "Drop"
            : eventName.StartsWith("Update", StringComparison.Ordinal) ? "Alter" : null,
        "apigateway" => eventName.StartsWith("Get", StringComparison.Ordinal) ? "GET"
            : eventName.StartsWith("Create", StringComparison.Ordinal) || eventName.StartsWith("Import", StringComparison.Ordinal) ? "POST"
            : eventName.StartsWith("Update", StringComparison.Ordinal) ? "PATCH"
            : eventName.StartsWith("Delete", StringComparison.Ordinal) ? "DELETE"
            : eventName.StartsWith("Put", StringComparison.Ordinal) ? "PUT" : null,
        _ => null,
    };

    [GeneratedRegex(@"^(.+?)(\d{8}(v\d+)?|\d{4}_\d{2}_\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VersionSuffix();
}
