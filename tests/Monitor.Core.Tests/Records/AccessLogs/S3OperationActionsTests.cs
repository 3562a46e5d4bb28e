using Monitor.Records.AccessLogs;

namespace Monitor.Core.Tests.Records.AccessLogs;

public sealed class S3OperationActionsTests
{
    [Theory]
    [InlineData("REST.GET.OBJECT", true, "GetObject", S3ResourceScope.Object)]
    [InlineData("REST.HEAD.OBJECT", true, "GetObject", S3ResourceScope.Object)]
    [InlineData("REST.PUT.OBJECT", true, "PutObject", S3ResourceScope.Object)]
    [InlineData("REST.POST.UPLOADS", true, "PutObject", S3ResourceScope.Object)]
    [InlineData("REST.PUT.PART", true, "PutObject", S3ResourceScope.Object)]
    [InlineData("REST.POST.UPLOAD", true, "PutObject", S3ResourceScope.Object)]
    [InlineData("REST.COPY.OBJECT", true, "PutObject", S3ResourceScope.Object)]
    [InlineData("REST.COPY.OBJECT_GET", true, "GetObject", S3ResourceScope.Object)]
    [InlineData("REST.DELETE.OBJECT", true, "DeleteObject", S3ResourceScope.Object)]
    [InlineData("BATCH.DELETE.OBJECT", true, "DeleteObject", S3ResourceScope.Object)]
    [InlineData("REST.POST.MULTI_OBJECT_DELETE", false, "DeleteObject", S3ResourceScope.None)]
    [InlineData("REST.GET.BUCKET", false, "ListBucket", S3ResourceScope.Bucket)]
    [InlineData("REST.HEAD.BUCKET", false, "ListBucket", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.BUCKETVERSIONS", false, "ListBucketVersions", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.UPLOADS", false, "ListBucketMultipartUploads", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.SERVICE", false, "ListAllMyBuckets", S3ResourceScope.Account)]
    [InlineData("REST.GET.ACL", true, "GetObjectAcl", S3ResourceScope.Object)]
    [InlineData("REST.GET.ACL", false, "GetBucketAcl", S3ResourceScope.Bucket)]
    [InlineData("REST.PUT.TAGGING", true, "PutObjectTagging", S3ResourceScope.Object)]
    [InlineData("REST.DELETE.TAGGING", false, "PutBucketTagging", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.VERSIONING", false, "GetBucketVersioning", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.LOGGING_STATUS", false, "GetBucketLogging", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.BUCKETPOLICY", false, "GetBucketPolicy", S3ResourceScope.Bucket)]
    [InlineData("REST.DELETE.CORS", false, "PutBucketCORS", S3ResourceScope.Bucket)]
    [InlineData("REST.DELETE.LIFECYCLE", false, "PutLifecycleConfiguration", S3ResourceScope.Bucket)]
    [InlineData("REST.DELETE.ENCRYPTION", false, "PutEncryptionConfiguration", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.PUBLIC_ACCESS_BLOCK", false, "GetBucketPublicAccessBlock", S3ResourceScope.Bucket)]
    [InlineData("REST.GET.OBJECT_LOCK_CONFIGURATION", false, "GetBucketObjectLockConfiguration", S3ResourceScope.Bucket)]
    [InlineData("WEBSITE.GET.OBJECT", true, "GetObject", S3ResourceScope.Object)]
    public void MapsOperationToAction_WithPolicygenExceptions(string operation, bool hasKey, string action, S3ResourceScope scope)
    {
        S3OperationActions.For(operation, hasKey, versioned: false).ShouldBe(new S3Operation(action, scope));
    }

    [Theory]
    [InlineData("REST.GET.OBJECT", "GetObjectVersion")]
    [InlineData("REST.DELETE.OBJECT", "DeleteObjectVersion")]
    [InlineData("REST.PUT.ACL", "PutObjectVersionAcl")]
    public void UsesVersionAction_WhenVersioned(string operation, string action)
    {
        S3OperationActions.For(operation, hasKey: true, versioned: true).Action.ShouldBe(action);
    }

    [Fact]
    public void MarksServiceWork_WhenS3Operation()
    {
        S3OperationActions.For("S3.TRANSITION_SIA.OBJECT", hasKey: true, versioned: false).IsServiceInternal.ShouldBeTrue();
    }

    [Theory]
    [InlineData("REST.OPTIONS.PREFLIGHT")]
    [InlineData("REST.GET.SOMETHING_NEW")]
    [InlineData("SOAP.CreateBucket")]
    public void HasNoAction_WhenUnauthorizedOrUnknown(string operation)
    {
        S3OperationActions.For(operation, hasKey: false, versioned: false).Action.ShouldBeNull();
    }

    [Fact]
    public void NamesAnS3ActionForEveryKnownRestOperation()
    {
        foreach (var operation in S3OperationActions.KnownRestOperations)
        {
            var mapped = S3OperationActions.For(operation, hasKey: true, versioned: false);
            mapped.Action.ShouldNotBeNullOrEmpty(operation);
            char.IsUpper(mapped.Action![0]).ShouldBeTrue(operation);
        }
    }
}
