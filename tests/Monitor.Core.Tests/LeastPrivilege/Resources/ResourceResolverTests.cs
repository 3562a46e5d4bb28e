using Monitor.LeastPrivilege.Mapping;
using Monitor.Testing;

namespace Monitor.Core.Tests.LeastPrivilege.Resources;

public sealed class ResourceResolverTests
{
    private const string Acct = "123456789012";

    [Theory]
    [InlineData("s3.amazonaws.com", "GetObject", """{"bucketName":"data","key":"in/a.csv"}""", "s3:GetObject", "arn:aws:s3:::data/in/a.csv")]
    [InlineData("s3.amazonaws.com", "ListObjects", """{"bucketName":"data"}""", "s3:ListBucket", "arn:aws:s3:::data")]
    [InlineData("iam.amazonaws.com", "GetRole", """{"roleName":"app"}""", "iam:GetRole", $"arn:aws:iam::{Acct}:role/app")]
    [InlineData("iam.amazonaws.com", "CreateAccessKey", """{"userName":"bob"}""", "iam:CreateAccessKey", $"arn:aws:iam::{Acct}:user/bob")]
    [InlineData("iam.amazonaws.com", "AddUserToGroup", """{"groupName":"ops","userName":"bob"}""", "iam:AddUserToGroup", $"arn:aws:iam::{Acct}:group/ops")]
    [InlineData("iam.amazonaws.com", "GetPolicy", $$"""{"policyArn":"arn:aws:iam::{{Acct}}:policy/p"}""", "iam:GetPolicy", $"arn:aws:iam::{Acct}:policy/p")]
    [InlineData("lambda.amazonaws.com", "Invoke", """{"functionName":"resize"}""", "lambda:InvokeFunction", $"arn:aws:lambda:us-east-1:{Acct}:function:resize")]
    [InlineData("dynamodb.amazonaws.com", "GetItem", """{"tableName":"orders"}""", "dynamodb:GetItem", $"arn:aws:dynamodb:us-east-1:{Acct}:table/orders")]
    [InlineData("sqs.amazonaws.com", "SendMessage", $$"""{"queueUrl":"https://sqs.us-east-1.amazonaws.com/{{Acct}}/jobs"}""", "sqs:SendMessage", $"arn:aws:sqs:us-east-1:{Acct}:jobs")]
    [InlineData("sns.amazonaws.com", "Publish", $$"""{"topicArn":"arn:aws:sns:us-east-1:{{Acct}}:alerts"}""", "sns:Publish", $"arn:aws:sns:us-east-1:{Acct}:alerts")]
    [InlineData("kms.amazonaws.com", "Decrypt", """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab"}""", "kms:Decrypt", $"arn:aws:kms:us-east-1:{Acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("secretsmanager.amazonaws.com", "GetSecretValue", """{"secretId":"prod/db"}""", "secretsmanager:GetSecretValue", $"arn:aws:secretsmanager:us-east-1:{Acct}:secret:prod/db-??????")]
    [InlineData("ssm.amazonaws.com", "GetParameter", """{"name":"/app/db/password"}""", "ssm:GetParameter", $"arn:aws:ssm:us-east-1:{Acct}:parameter/app/db/password")]
    [InlineData("logs.amazonaws.com", "CreateLogStream", """{"logGroupName":"/aws/lambda/f","logStreamName":"s1"}""", "logs:CreateLogStream", $"arn:aws:logs:us-east-1:{Acct}:log-group:/aws/lambda/f:log-stream:s1")]
    [InlineData("cloudtrail.amazonaws.com", "StopLogging", """{"name":"main"}""", "cloudtrail:StopLogging", $"arn:aws:cloudtrail:us-east-1:{Acct}:trail/main")]
    [InlineData("ec2.amazonaws.com", "StopInstances", """{"instancesSet":{"items":[{"instanceId":"i-0abc"}]}}""", "ec2:StopInstances", $"arn:aws:ec2:us-east-1:{Acct}:instance/i-0abc")]
    [InlineData("ecr.amazonaws.com", "BatchGetImage", """{"repositoryName":"web"}""", "ecr:BatchGetImage", $"arn:aws:ecr:us-east-1:{Acct}:repository/web")]
    [InlineData("rds.amazonaws.com", "StopDBInstance", """{"dBInstanceIdentifier":"main"}""", "rds:StopDBInstance", $"arn:aws:rds:us-east-1:{Acct}:db:main")]
    [InlineData("kinesis.amazonaws.com", "PutRecord", """{"streamName":"clicks"}""", "kinesis:PutRecord", $"arn:aws:kinesis:us-east-1:{Acct}:stream/clicks")]
    [InlineData("eks.amazonaws.com", "DescribeCluster", """{"name":"prod","clusterName":"prod"}""", "eks:DescribeCluster", $"arn:aws:eks:us-east-1:{Acct}:cluster/prod")]
    [InlineData("guardduty.amazonaws.com", "GetDetector", """{"detectorId":"d1"}""", "guardduty:GetDetector", $"arn:aws:guardduty:us-east-1:{Acct}:detector/d1")]
    [InlineData("cloudformation.amazonaws.com", "DescribeStacks", """{"stackName":"web"}""", "cloudformation:DescribeStacks", $"arn:aws:cloudformation:us-east-1:{Acct}:stack/web/*")]
    public void Resolve_BuildsArnsFromRequestValuesAndTemplates(string source, string name, string parameters, string action, string expected)
    {
        var use = ActionMapper.Embedded.Map(Some.Call(source, name, parameters)).Uses.Single(u => u.Action.ToString() == action);

        use.Resources.ShouldBe([expected]);
    }

    [Fact]
    public void Resolve_PrefersArnsTheRecordNames()
    {
        var role = $"arn:aws:iam::{Acct}:role/path/deploy";
        var use = ActionMapper.Embedded.Map(Some.Call("sts.amazonaws.com", "AssumeRole", "{}", resources: [role])).Uses.Single();

        use.Resources.ShouldBe([role]);
    }

    [Fact]
    public void Resolve_UsesStar_OnlyWhenTheActionTakesNoResource()
    {
        ActionMapper.Embedded.Map(Some.Call("s3.amazonaws.com", "ListBuckets")).Uses.Single().Resources.ShouldBe(["*"]);
        ActionMapper.Embedded.Map(Some.Call("iam.amazonaws.com", "ListRoles")).Uses.Single().Resources.ShouldBe(["*"]);
    }

    [Fact]
    public void Resolve_GrantsNewResourcesByTypeWildcard_WhenTheCallCreatesThem()
    {
        var use = ActionMapper.Embedded.Map(Some.Call("ec2.amazonaws.com", "RunInstances", """{"instancesSet":{"items":[{"imageId":"ami-1"}]}}""")).Uses.Single();

        use.Resources.ShouldContain($"arn:aws:ec2:us-east-1:{Acct}:instance/*");
        use.Resources.ShouldContain("arn:aws:ec2:us-east-1::image/ami-1");
        use.Resources.ShouldAllBe(r => r.StartsWith("arn:aws:ec2:us-east-1:"));
    }

    [Fact]
    public void Resolve_CopySourceIsReadOnTheSourceObject()
    {
        var uses = ActionMapper.Embedded.Map(Some.Call("s3.amazonaws.com", "CopyObject", """{"bucketName":"dst","key":"k","x-amz-copy-source":"src/a%20b.txt?versionId=1"}""")).Uses;

        uses.Single(u => u.Action.Name == "GetObject").Resources.ShouldBe(["arn:aws:s3:::src/a b.txt"]);
        uses.Single(u => u.Action.Name == "PutObject").Resources.ShouldBe(["arn:aws:s3:::dst/k"]);
    }

    [Fact]
    public void Resolve_ReEncrypt_ScopesFromAndToToTheirOwnKeys()
    {
        var uses = ActionMapper.Embedded.Map(Some.Call("kms.amazonaws.com", "ReEncrypt", """{"sourceKeyId":"k1","destinationKeyId":"k2"}""")).Uses;

        uses.Single(u => u.Action.Name == "ReEncryptFrom").Resources.ShouldBe([$"arn:aws:kms:us-east-1:{Acct}:key/k1"]);
        uses.Single(u => u.Action.Name == "ReEncryptTo").Resources.ShouldBe([$"arn:aws:kms:us-east-1:{Acct}:key/k2"]);
    }

    [Fact]
    public void Resolve_IgnoresRedactedValues()
    {
        var use = ActionMapper.Embedded.Map(Some.Call("ssm.amazonaws.com", "GetParameter", """{"name":"HIDDEN_DUE_TO_SECURITY_REASONS"}""")).Uses.Single();

        use.Resources.ShouldBe([$"arn:aws:ssm:us-east-1:{Acct}:parameter/*"]);
    }
}
