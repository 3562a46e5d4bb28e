using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;

namespace Monitor.Aws.Tests;

/// <summary>SDK clients pointed at the local emulators, with explicit credentials (no probing of the machine's chain).</summary>
public static class TestClients
{
    private static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    public static AmazonDynamoDBClient DynamoDb(Uri endpoint) =>
        new(Credentials, new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });

    public static AmazonS3Client S3(Uri endpoint) =>
        new(Credentials, new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    public static AmazonSQSClient Sqs(Uri endpoint) =>
        new(Credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    /// <summary>Creates a state table shaped as in template.yaml, with a fresh name.</summary>
    public static async Task<string> CreateStateTableAsync(IAmazonDynamoDB dynamo)
    {
        var name = "state-" + Guid.NewGuid().ToString("N");
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });

        // Even with --createTableMs 0, dynalite answers CREATING first; items written then are refused.
        while ((await dynamo.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(10);
        }

        return name;
    }

    /// <summary>s3rver stores SDK v4's aws-chunked framing verbatim, so uploads must not be chunk-encoded.</summary>
    public static Task PutObjectAsync(IAmazonS3 s3, string bucket, string key, byte[] content) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false });
}
