namespace Monitor.Records.AccessLogs;

/// <summary>
/// Maps access-log operations (<c>REST.&lt;METHOD&gt;.&lt;TYPE&gt;</c>, <c>WEBSITE.*</c>, <c>BATCH.DELETE.OBJECT</c>,
/// <c>S3.*</c>) to the IAM action that authorizes them. The name of the operation is not the name of the action:
/// the exceptions follow the service authorization reference and AWS's policy generators (HEAD object is s3:GetObject, GET bucket is s3:ListBucket, multipart
/// steps are s3:PutObject, deleting a bucket's CORS, lifecycle or encryption is its Put* action, and so on). ACL and
/// tagging operations name the object action when the line has a key, else the bucket action. A copy is logged
/// twice: <c>REST.COPY.OBJECT</c> (s3:PutObject on the destination) and <c>REST.COPY.OBJECT_GET</c> (s3:GetObject
/// on the source).
/// </summary>
internal static class S3OperationActions
{
    private static readonly S3Operation Unknown = new(null, S3ResourceScope.None);
    private static readonly S3Operation Internal = new(null, S3ResourceScope.None) { IsServiceInternal = true };

    private static readonly Dictionary<string, (string? Bucket, string? Object)> Rest = new(StringComparer.Ordinal)
    {
        ["GET.OBJECT"] = (null, "GetObject"),
        ["HEAD.OBJECT"] = (null, "GetObject"),
        ["GET.TORRENT"] = (null, "GetObjectTorrent"),
        ["GET.OBJECT_ATTRIBUTES"] = (null, "GetObject"),
        ["POST.SELECT"] = (null, "GetObject"),
        ["GET.LEGAL_HOLD"] = (null, "GetObjectLegalHold"),
        ["PUT.LEGAL_HOLD"] = (null, "PutObjectLegalHold"),
        ["GET.RETENTION"] = (null, "GetObjectRetention"),
        ["PUT.RETENTION"] = (null, "PutObjectRetention"),
        ["PUT.OBJECT"] = (null, "PutObject"),
        ["POST.OBJECT"] = (null, "PutObject"),
        ["PUT.PART"] = (null, "PutObject"),
        ["POST.UPLOADS"] = (null, "PutObject"),
        ["POST.UPLOAD"] = (null, "PutObject"),
        ["DELETE.UPLOAD"] = (null, "AbortMultipartUpload"),
        ["GET.UPLOAD"] = (null, "ListMultipartUploadParts"),
        ["COPY.OBJECT"] = (null, "PutObject"),
        ["COPY.PART"] = (null, "PutObject"),
        ["COPY.OBJECT_GET"] = (null, "GetObject"),
        ["COPY.PART_GET"] = (null, "GetObject"),
        ["DELETE.OBJECT"] = (null, "DeleteObject"),
        ["POST.RESTORE"] = (null, "RestoreObject"),
        ["GET.ACL"] = ("GetBucketAcl", "GetObjectAcl"),
        ["PUT.ACL"] = ("PutBucketAcl", "PutObjectAcl"),
        ["GET.TAGGING"] = ("GetBucketTagging", "GetObjectTagging"),
        ["PUT.TAGGING"] = ("PutBucketTagging", "PutObjectTagging"),
        ["DELETE.TAGGING"] = ("PutBucketTagging", "DeleteObjectTagging"),
        ["GET.SERVICE"] = ("ListAllMyBuckets", null),
        ["GET.BUCKET"] = ("ListBucket", null),
        ["HEAD.BUCKET"] = ("ListBucket", null),
        ["GET.BUCKETVERSIONS"] = ("ListBucketVersions", null),
        ["GET.UPLOADS"] = ("ListBucketMultipartUploads", null),
        ["PUT.BUCKET"] = ("CreateBucket", null),
        ["DELETE.BUCKET"] = ("DeleteBucket", null),
        ["POST.MULTI_OBJECT_DELETE"] = ("DeleteObject", null),
        ["GET.LOCATION"] = ("GetBucketLocation", null),
        ["GET.VERSIONING"] = ("GetBucketVersioning", null),
        ["PUT.VERSIONING"] = ("PutBucketVersioning", null),
        ["GET.LOGGING_STATUS"] = ("GetBucketLogging", null),
        ["PUT.LOGGING_STATUS"] = ("PutBucketLogging", null),
        ["GET.BUCKETPOLICY"] = ("GetBucketPolicy", null),
        ["PUT.BUCKETPOLICY"] = ("PutBucketPolicy", null),
        ["DELETE.BUCKETPOLICY"] = ("DeleteBucketPolicy", null),
        ["GET.POLICY_STATUS"] = ("GetBucketPolicyStatus", null),
        ["GET.CORS"] = ("GetBucketCORS", null),
        ["PUT.CORS"] = ("PutBucketCORS", null),
        ["DELETE.CORS"] = ("PutBucketCORS", null),
        ["GET.LIFECYCLE"] = ("GetLifecycleConfiguration", null),
        ["PUT.LIFECYCLE"] = ("PutLifecycleConfiguration", null),
        ["DELETE.LIFECYCLE"] = ("PutLifecycleConfiguration", null),
        ["GET.NOTIFICATION"] = ("GetBucketNotification", null),
        ["PUT.NOTIFICATION"] = ("PutBucketNotification", null),
        ["GET.REPLICATION"] = ("GetReplicationConfiguration", null),
        ["PUT.REPLICATION"] = ("PutReplicationConfiguration", null),
        ["DELETE.REPLICATION"] = ("PutReplicationConfiguration", null),
        ["GET.WEBSITE"] = ("GetBucketWebsite", null),
        ["PUT.WEBSITE"] = ("PutBucketWebsite", null),
        ["DELETE.WEBSITE"] = ("DeleteBucketWebsite", null),
        ["GET.ENCRYPTION"] = ("GetEncryptionConfiguration", null),
        ["PUT.ENCRYPTION"] = ("PutEncryptionConfiguration", null),
        ["DELETE.ENCRYPTION"] = ("PutEncryptionConfiguration", null),
        ["GET.ACCELERATE"] = ("GetAccelerateConfiguration", null),
        ["PUT.ACCELERATE"] = ("PutAccelerateConfiguration", null),
        ["GET.ANALYTICS"] = ("GetAnalyticsConfiguration", null),
        ["PUT.ANALYTICS"] = ("PutAnalyticsConfiguration", null),
        ["DELETE.ANALYTICS"] = ("PutAnalyticsConfiguration", null),
        ["GET.INVENTORY"] = ("GetInventoryConfiguration", null),
        ["PUT.INVENTORY"] = ("PutInventoryConfiguration", null),
        ["DELETE.INVENTORY"] = ("PutInventoryConfiguration", null),
        ["GET.METRICS"] = ("GetMetricsConfiguration", null),
        ["PUT.METRICS"] = ("PutMetricsConfiguration", null),
        ["DELETE.METRICS"] = ("PutMetricsConfiguration", null),
        ["GET.INTELLIGENT_TIERING"] = ("GetIntelligentTieringConfiguration", null),
        ["PUT.INTELLIGENT_TIERING"] = ("PutIntelligentTieringConfiguration", null),
        ["DELETE.INTELLIGENT_TIERING"] = ("PutIntelligentTieringConfiguration", null),
        ["GET.OBJECT_LOCK_CONFIGURATION"] = ("GetBucketObjectLockConfiguration", null),
        ["PUT.OBJECT_LOCK_CONFIGURATION"] = ("PutBucketObjectLockConfiguration", null),
        ["GET.PUBLIC_ACCESS_BLOCK"] = ("GetBucketPublicAccessBlock", null),
        ["PUT.PUBLIC_ACCESS_BLOCK"] = ("PutBucketPublicAccessBlock", null),
        ["DELETE.PUBLIC_ACCESS_BLOCK"] = ("PutBucketPublicAccessBlock", null),
        ["GET.OWNERSHIP_CONTROLS"] = ("GetBucketOwnershipControls", null),
        ["PUT.OWNERSHIP_CONTROLS"] = ("PutBucketOwnershipControls", null),
        ["DELETE.OWNERSHIP_CONTROLS"] = ("PutBucketOwnershipControls", null),
        ["GET.REQUEST_PAYMENT"] = ("GetBucketRequestPayment", null),
        ["PUT.REQUEST_PAYMENT"] = ("PutBucketRequestPayment", null),
    };

    // The version-specific actions authorize requests that name a versionId (in the request URI).
    private static readonly Dictionary<string, string> Versioned = new(StringComparer.Ordinal)
    {
        ["GetObject"] = "GetObjectVersion",
        ["DeleteObject"] = "DeleteObjectVersion",
        ["GetObjectAcl"] = "GetObjectVersionAcl",
        ["PutObjectAcl"] = "PutObjectVersionAcl",
        ["GetObjectTagging"] = "GetObjectVersionTagging",
        ["PutObjectTagging"] = "PutObjectVersionTagging",
        ["DeleteObjectTagging"] = "DeleteObjectVersionTagging",
        ["GetObjectTorrent"] = "GetObjectVersionTorrent",
    };

    /// <summary>Every REST operation this table knows, as <c>REST.&lt;METHOD&gt;.&lt;TYPE&gt;</c>.</summary>
    public static IEnumerable<string> KnownRestOperations => Rest.Keys.Select(k => "REST." + k);

    /// <summary>The action for <paramref name="operation"/>; <paramref name="hasKey"/> picks object or bucket ACL/tagging, <paramref name="versioned"/> the *Version action.</summary>
    public static S3Operation For(string operation, bool hasKey, bool versioned)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.StartsWith("S3.", StringComparison.Ordinal))
        {
            return Internal;
        }

        if (operation == "BATCH.DELETE.OBJECT")
        {
            return Object("DeleteObject", versioned);
        }

        if (operation.StartsWith("WEBSITE.", StringComparison.Ordinal))
        {
            // Website endpoints only serve reads, authorized as s3:GetObject on the page served.
            return operation.EndsWith(".OBJECT", StringComparison.Ordinal) ? Object("GetObject", versioned: false) : Unknown;
        }

        if (!operation.StartsWith("REST.", StringComparison.Ordinal))
        {
            return Unknown;
        }

        var rest = operation["REST.".Length..];
        if (rest.StartsWith("OPTIONS.", StringComparison.Ordinal))
        {
            // CORS preflight is answered without authorization.
            return new S3Operation(null, S3ResourceScope.None);
        }

        if (!Rest.TryGetValue(rest, out var actions))
        {
            return Unknown;
        }

        if (actions.Object is { } objectAction && (hasKey || actions.Bucket is null))
        {
            return Object(objectAction, versioned);
        }

        return actions.Bucket switch
        {
            "ListAllMyBuckets" => new S3Operation("ListAllMyBuckets", S3ResourceScope.Account),
            "DeleteObject" => new S3Operation("DeleteObject", S3ResourceScope.None),
            var bucketAction => new S3Operation(bucketAction, S3ResourceScope.Bucket),
        };
    }

    private static S3Operation Object(string action, bool versioned) =>
        new(versioned && Versioned.TryGetValue(action, out var version) ? version : action, S3ResourceScope.Object);
}
