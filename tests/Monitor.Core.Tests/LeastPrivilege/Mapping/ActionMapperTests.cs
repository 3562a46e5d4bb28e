using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.LeastPrivilege.Mapping;

public sealed class ActionMapperTests
{
    private const string Role = "arn:aws:iam::123456789012:role/worker";

    [Theory]
    // Same-named actions across services.
    [InlineData("iam.amazonaws.com", "CreateUser", null, "iam:CreateUser")]
    [InlineData("iam.amazonaws.com", "ListUsers", null, "iam:ListUsers")]
    [InlineData("iam.amazonaws.com", "AttachRolePolicy", """{"roleName":"app","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}""", "iam:AttachRolePolicy")]
    [InlineData("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/worker","roleSessionName":"s"}""", "sts:AssumeRole")]
    [InlineData("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""", "s3:GetObject")]
    [InlineData("kms.amazonaws.com", "Decrypt", null, "kms:Decrypt")]
    [InlineData("ec2.amazonaws.com", "DescribeInstances", null, "ec2:DescribeInstances")]
    [InlineData("ssm.amazonaws.com", "GetParameters", """{"names":["/app/db"]}""", "ssm:GetParameters")]
    [InlineData("ssm.amazonaws.com", "UpdateInstanceInformation", null, "ssm:UpdateInstanceInformation")]
    [InlineData("secretsmanager.amazonaws.com", "GetSecretValue", """{"secretId":"db"}""", "secretsmanager:GetSecretValue")]
    [InlineData("es.amazonaws.com", "CreateDomain", """{"domainName":"d"}""", "es:CreateDomain")]
    [InlineData("guardduty.amazonaws.com", "ListDetectors", null, "guardduty:ListDetectors")]
    // Event source → prefix exceptions.
    [InlineData("monitoring.amazonaws.com", "PutMetricAlarm", null, "cloudwatch:PutMetricAlarm")]
    [InlineData("pricelist.amazonaws.com", "GetProducts", null, "pricing:GetProducts")]
    [InlineData("tagging.amazonaws.com", "GetResources", null, "tag:GetResources")]
    [InlineData("opensearchservice.amazonaws.com", "ListDomainNames", null, "es:ListDomainNames")]
    // Version suffixes: stripped only where real (Lambda, CloudFront), never from real trailing digits.
    [InlineData("lambda.amazonaws.com", "UpdateFunctionCode20150331v2", """{"functionName":"f"}""", "lambda:UpdateFunctionCode")]
    [InlineData("lambda.amazonaws.com", "ListVersionsByFunction20150331", """{"functionName":"f"}""", "lambda:ListVersionsByFunction")]
    [InlineData("lambda.amazonaws.com", "ListTags20170331", null, "lambda:ListTags")]
    [InlineData("cloudfront.amazonaws.com", "UpdateDistribution2016_11_25", null, "cloudfront:UpdateDistribution")]
    [InlineData("rds.amazonaws.com", "RestoreDBInstanceFromS3", null, "rds:RestoreDBInstanceFromS3")]
    [InlineData("cloud9.amazonaws.com", "CreateEnvironmentEC2", null, "cloud9:CreateEnvironmentEC2")]
    // S3 CloudTrail names and SDK operations whose action differs.
    [InlineData("s3.amazonaws.com", "ListBuckets", null, "s3:ListAllMyBuckets")]
    [InlineData("s3.amazonaws.com", "HeadBucket", """{"bucketName":"b"}""", "s3:ListBucket")]
    [InlineData("s3.amazonaws.com", "ListObjects", """{"bucketName":"b"}""", "s3:ListBucket")]
    [InlineData("s3.amazonaws.com", "ListObjectsV2", """{"bucketName":"b"}""", "s3:ListBucket")]
    [InlineData("s3.amazonaws.com", "ListObjectVersions", """{"bucketName":"b"}""", "s3:ListBucketVersions")]
    [InlineData("s3.amazonaws.com", "HeadObject", """{"bucketName":"b","key":"k"}""", "s3:GetObject")]
    [InlineData("s3.amazonaws.com", "UploadPart", """{"bucketName":"b","key":"k"}""", "s3:PutObject")]
    [InlineData("s3.amazonaws.com", "CompleteMultipartUpload", """{"bucketName":"b","key":"k"}""", "s3:PutObject")]
    [InlineData("s3.amazonaws.com", "DeleteObjects", """{"bucketName":"b"}""", "s3:DeleteObject")]
    [InlineData("s3.amazonaws.com", "GetBucketEncryption", """{"bucketName":"b"}""", "s3:GetEncryptionConfiguration")]
    [InlineData("s3.amazonaws.com", "DeleteBucketPublicAccessBlock", """{"bucketName":"b"}""", "s3:PutBucketPublicAccessBlock")]
    [InlineData("s3.amazonaws.com", "DeleteBucketOwnershipControls", """{"bucketName":"b"}""", "s3:PutBucketOwnershipControls")]
    [InlineData("s3.amazonaws.com", "GetBucketLifecycleConfiguration", """{"bucketName":"b"}""", "s3:GetLifecycleConfiguration")]
    [InlineData("s3.amazonaws.com", "DeleteBucketTagging", """{"bucketName":"b"}""", "s3:PutBucketTagging")]
    [InlineData("s3.amazonaws.com", "GetObjectLockConfiguration", """{"bucketName":"b"}""", "s3:GetBucketObjectLockConfiguration")]
    [InlineData("lambda.amazonaws.com", "Invoke", """{"functionName":"f"}""", "lambda:InvokeFunction")]
    [InlineData("lambda.amazonaws.com", "GetLayerVersionByArn", null, "lambda:GetLayerVersion")]
    [InlineData("sso-oauth.amazonaws.com", "CreateToken", null, "sso-oauth:CreateTokenWithIAM")]
    [InlineData("bedrock.amazonaws.com", "Converse", null, "bedrock:InvokeModel")]
    [InlineData("glue.amazonaws.com", "GetColumnStatisticsForTable", null, "glue:GetTable")]
    [InlineData("budgets.amazonaws.com", "DescribeBudgets", null, "budgets:ViewBudget")]
    [InlineData("budgets.amazonaws.com", "UpdateBudget", null, "budgets:ModifyBudget")]
    [InlineData("cassandra.amazonaws.com", "GetKeyspace", null, "cassandra:Select")]
    [InlineData("apigateway.amazonaws.com", "GetRestApis", null, "apigateway:GET")]
    [InlineData("apigateway.amazonaws.com", "CreateRestApi", null, "apigateway:POST")]
    [InlineData("kafka.amazonaws.com", "CreateTopic", null, "kafka-cluster:Connect,kafka-cluster:CreateTopic")]
    [InlineData("timestream.amazonaws.com", "Query", null, "timestream:Select")]
    // Case fixes: catalog casing.
    [InlineData("s3.amazonaws.com", "PutBucketCors", """{"bucketName":"b"}""", "s3:PutBucketCORS")]
    [InlineData("s3.amazonaws.com", "DeleteBucketCors", """{"bucketName":"b"}""", "s3:PutBucketCORS")]
    [InlineData("amplify.amazonaws.com", "CreateWebhook", null, "amplify:CreateWebHook")]
    [InlineData("memorydb.amazonaws.com", "CreateACL", null, "memorydb:CreateAcl")]
    [InlineData("cleanrooms-ml.amazonaws.com", "UntagResource", null, "cleanrooms-ml:UnTagResource")]
    [InlineData("appflow.amazonaws.com", "UnregisterConnector", null, "appflow:UnRegisterConnector")]
    // V2 twins and Batch wrappers.
    [InlineData("access-analyzer.amazonaws.com", "GetFindingV2", null, "access-analyzer:GetFinding")]
    [InlineData("securityhub.amazonaws.com", "GetFindingsV2", null, "securityhub:GetFindings")]
    [InlineData("redshift-data.amazonaws.com", "GetStatementResultV2", null, "redshift-data:GetStatementResult")]
    [InlineData("sqs.amazonaws.com", "SendMessageBatch", """{"queueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q"}""", "sqs:SendMessage")]
    [InlineData("sqs.amazonaws.com", "DeleteMessageBatch", null, "sqs:DeleteMessage")]
    [InlineData("sns.amazonaws.com", "PublishBatch", null, "sns:Publish")]
    [InlineData("deadline.amazonaws.com", "BatchGetJob", null, "deadline:GetJob")]
    [InlineData("route53resolver.amazonaws.com", "BatchCreateFirewallRule", null, "route53resolver:CreateFirewallRule")]
    // Secondary actions proven by the record.
    [InlineData("iam.amazonaws.com", "CreateRole", """{"roleName":"r","tags":[{"key":"team","value":"a"}]}""", "iam:CreateRole,iam:TagRole")]
    [InlineData("iam.amazonaws.com", "CreateUser", """{"userName":"u","tags":[{"key":"team","value":"a"}]}""", "iam:CreateUser,iam:TagUser")]
    [InlineData("iam.amazonaws.com", "CreateRole", """{"roleName":"r","tags":[]}""", "iam:CreateRole")]
    [InlineData("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/worker","tags":[{"key":"k","value":"v"}],"sourceIdentity":"alice"}""", "sts:AssumeRole,sts:SetSourceIdentity,sts:TagSession")]
    [InlineData("s3.amazonaws.com", "CopyObject", """{"bucketName":"dst","key":"k","x-amz-copy-source":"src/a%20b.txt"}""", "s3:GetObject,s3:PutObject")]
    [InlineData("s3.amazonaws.com", "PutBucketReplication", """{"bucketName":"b","ReplicationConfiguration":{"Role":"arn:aws:iam::123456789012:role/worker"}}""", "iam:PassRole,s3:PutReplicationConfiguration")]
    [InlineData("lambda.amazonaws.com", "CreateFunction20150331", """{"functionName":"f","role":"arn:aws:iam::123456789012:role/worker","layers":["arn:aws:lambda:us-east-1:123456789012:layer:l:3"],"tags":{"team":"a"}}""", "iam:PassRole,lambda:CreateFunction,lambda:GetLayerVersion,lambda:TagResource")]
    [InlineData("states.amazonaws.com", "CreateStateMachine", """{"name":"m","roleArn":"arn:aws:iam::123456789012:role/worker"}""", "iam:PassRole,states:CreateStateMachine")]
    [InlineData("ecs.amazonaws.com", "RunTask", """{"cluster":"c","overrides":{"taskRoleArn":"arn:aws:iam::123456789012:role/worker"}}""", "ecs:RunTask,iam:PassRole")]
    [InlineData("cloudtrail.amazonaws.com", "CreateTrail", """{"name":"t","cloudWatchLogsRoleArn":"arn:aws:iam::123456789012:role/worker","tagsList":[{"key":"k","value":"v"}]}""", "cloudtrail:AddTags,cloudtrail:CreateTrail,iam:PassRole")]
    [InlineData("ec2.amazonaws.com", "RunInstances", """{"instancesSet":{"items":[{"imageId":"ami-1"}]},"tagSpecificationSet":{"items":[{"resourceType":"instance","tags":[{"key":"k","value":"v"}]}]}}""", "ec2:CreateTags,ec2:RunInstances")]
    [InlineData("ec2.amazonaws.com", "CreateVolume", """{"size":8,"tagSpecificationSet":{"items":[{"resourceType":"volume"}]}}""", "ec2:CreateTags,ec2:CreateVolume")]
    [InlineData("logs.amazonaws.com", "CreateLogGroup", """{"logGroupName":"g","tags":{"k":"v"}}""", "logs:CreateLogGroup,logs:TagResource")]
    [InlineData("kms.amazonaws.com", "ReEncrypt", """{"sourceKeyId":"1111","destinationKeyId":"arn:aws:kms:us-east-1:123456789012:key/2222"}""", "kms:ReEncryptFrom,kms:ReEncryptTo")]
    [InlineData("dynamodb.amazonaws.com", "TransactWriteItems", """{"transactItems":[{"put":{"tableName":"t"}},{"delete":{"tableName":"t"}},{"conditionCheck":{"tableName":"u"}}]}""", "dynamodb:ConditionCheckItem,dynamodb:DeleteItem,dynamodb:PutItem")]
    [InlineData("dynamodb.amazonaws.com", "TransactGetItems", """{"transactItems":[{"get":{"tableName":"t"}}]}""", "dynamodb:GetItem")]
    [InlineData("dynamodb.amazonaws.com", "ExecuteStatement", """{"statement":"SELECT * FROM \"orders\" WHERE id = ?"}""", "dynamodb:PartiQLSelect")]
    [InlineData("dynamodb.amazonaws.com", "BatchExecuteStatement", """{"statements":[{"statement":"INSERT INTO \"t\" VALUE {'a':1}"},{"statement":"UPDATE \"t\" SET a=2"}]}""", "dynamodb:PartiQLInsert,dynamodb:PartiQLUpdate")]
    public void Map_EmitsCatalogActions(string source, string name, string? parameters, string expected)
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call(source, name, parameters));

        mapping.Kind.ShouldBe(MappingKind.Used, mapping.Reason);
        string.Join(',', mapping.Uses.Select(u => u.Action.ToString()).Distinct().Order(StringComparer.Ordinal)).ShouldBe(expected);
        mapping.Uses.ShouldAllBe(u => ActionMapper.Embedded.Catalog.Find(u.Action.ToString()) != null);
    }

    [Fact]
    public void Map_RoutesRootAway()
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call("iam.amazonaws.com", "CreateUser", principal: Some.RootPrincipal()));

        mapping.Kind.ShouldBe(MappingKind.Root);
        mapping.Uses.ShouldBeEmpty();
    }

    [Fact]
    public void Map_RoutesServiceCallsAway()
    {
        var service = new Principal(PrincipalType.AwsService, "service:config.amazonaws.com");

        ActionMapper.Embedded.Map(Some.Call("s3.amazonaws.com", "GetBucketAcl", principal: service)).Kind.ShouldBe(MappingKind.NotIamPrincipal);
    }

    [Theory]
    [InlineData("AwsServiceEvent")]
    [InlineData("AwsConsoleSignIn")]
    public void Map_RoutesNonApiEventsAway(string eventType) =>
        ActionMapper.Embedded.Map(Some.Call("signin.amazonaws.com", "ConsoleLogin", eventType: eventType)).Kind.ShouldBe(MappingKind.NotApiCall);

    [Theory]
    [InlineData("sts.amazonaws.com", "GetCallerIdentity")]
    [InlineData("sts.amazonaws.com", "GetSessionToken")]
    [InlineData("dynamodb.amazonaws.com", "DescribeEndpoints")]
    [InlineData("sso.amazonaws.com", "GetRoleCredentials")]
    public void Map_DropsCallsThatNeedNoPermission(string source, string name) =>
        ActionMapper.Embedded.Map(Some.Call(source, name)).Kind.ShouldBe(MappingKind.NoPermissionNeeded);

    [Fact]
    public void Map_KeepsDeniedCallsApart_WithTheirActions()
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call("iam.amazonaws.com", "CreateAccessKey", """{"userName":"bob"}""", Outcome.Denied));

        mapping.Kind.ShouldBe(MappingKind.Denied);
        mapping.Uses.Single().Action.ToString().ShouldBe("iam:CreateAccessKey");
    }

    [Fact]
    public void Map_CountsOtherErrorsAsUsed_BecauseAuthorizationPassed()
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call("s3.amazonaws.com", "GetBucketLifecycle", """{"bucketName":"b"}""", Outcome.Failure));

        mapping.Kind.ShouldBe(MappingKind.Used);
        mapping.Uses.Single().Action.ToString().ShouldBe("s3:GetLifecycleConfiguration");
    }

    [Theory]
    [InlineData("s3.amazonaws.com", "NotAnOperation")]
    [InlineData("rds.amazonaws.com", "RestoreDBInstanceFromS")]
    [InlineData("a4b.amazonaws.com", "GetProducts")]
    public void Map_NeverEmitsAnActionOutsideTheCatalog(string source, string name)
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call(source, name));

        mapping.Kind.ShouldBe(MappingKind.Unmapped);
        mapping.Uses.ShouldBeEmpty();
        mapping.Reason.ShouldNotBeNull().ShouldContain(name);
    }

    [Fact]
    public void Map_UnreadablePartiQl_IsUnmappedRatherThanGuessed() =>
        ActionMapper.Embedded.Map(Some.Call("dynamodb.amazonaws.com", "ExecuteStatement", """{"statement":"HIDDEN_DUE_TO_SECURITY_REASONS"}""")).Kind.ShouldBe(MappingKind.Unmapped);

    [Fact]
    public void Map_TakesS3AccessLogActionsAsNamed()
    {
        var mapping = ActionMapper.Embedded.Map(Some.AccessLogRequest("GetObject", "arn:aws:s3:::logs/2025/a.gz"));

        mapping.Kind.ShouldBe(MappingKind.Used);
        mapping.Uses.Single().Action.ToString().ShouldBe("s3:GetObject");
        mapping.Uses[0].Resources.ShouldBe(["arn:aws:s3:::logs/2025/a.gz"]);
    }

    [Fact]
    public void Map_PassRole_NamesTheRoleAndTheServiceItWasPassedTo()
    {
        var mapping = ActionMapper.Embedded.Map(Some.Call("lambda.amazonaws.com", "CreateFunction20150331", $$"""{"functionName":"f","role":"{{Role}}"}"""));

        var passRole = mapping.Uses.Single(u => u.Action.ToString() == "iam:PassRole");
        passRole.Resources.ShouldBe([Role]);
        passRole.PassedToService.ShouldBe("lambda.amazonaws.com");
    }
}
