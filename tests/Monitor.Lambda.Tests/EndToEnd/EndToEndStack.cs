using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Monitor.Testing.Emulators;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>What every end-to-end test of the bootstrap sets up: clients of the emulators, a state table, objects, the environment.</summary>
internal static class EndToEndStack
{
    private static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    public static AmazonDynamoDBClient DynamoDb(LocalEmulators emulators) =>
        new(Credentials, new AmazonDynamoDBConfig { ServiceURL = emulators.DynamoDb.ToString(), AuthenticationRegion = "us-east-1" });

    public static AmazonS3Client S3(LocalEmulators emulators) =>
        new(Credentials, new AmazonS3Config { ServiceURL = emulators.S3.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>A fresh state table (the deployed key schema), ready to use.</summary>
    public static async Task<string> CreateTableAsync(IAmazonDynamoDB dynamo, string prefix)
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..12];
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        while ((await dynamo.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(10);
        }

        return name;
    }

    /// <summary>Creates the bucket (if needed) and uploads every file under <paramref name="folder"/>, keyed by its relative path.</summary>
    public static async Task UploadFolderAsync(IAmazonS3 s3, string bucket, string folder)
    {
        try
        {
            await s3.PutBucketAsync(bucket);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(folder, file).Replace('\\', '/');

            // s3rver stores SDK v4's aws-chunked framing verbatim unless chunk encoding is off.
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file, UseChunkEncoding = false });
        }
    }

    /// <summary>The environment Lambda would give the bootstrap, pointed at the emulators; callers add what their handler needs.</summary>
    public static Dictionary<string, string> Environment(string runtimeApi, string handler, string table, LocalEmulators emulators, FakeSqs? alerts = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["_HANDLER"] = handler,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "monitor-e2e-" + handler,
            [Settings.Names.StateTable] = table,
            [Settings.Names.AlertQueueUrl] = alerts?.QueueUrl() ?? "http://127.0.0.1:1/queue/unused",
            [Settings.Names.DynamoDbEndpoint] = emulators.DynamoDb.ToString(),
            [Settings.Names.S3Endpoint] = emulators.S3.ToString(),
        };
        if (alerts is not null)
        {
            environment[Settings.Names.SqsEndpoint] = alerts.Endpoint.ToString();
        }

        return environment;
    }
}
