using Amazon;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;

namespace Monitor.Aws;

/// <summary>Builds the low-level SDK clients (AOT-safe) for a region, honouring endpoint overrides.</summary>
public static class AwsClients
{
    public static IAmazonS3 S3(AwsEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(endpoints.Region) };
        if (endpoints.S3 is { } url)
        {
            // Emulators serve buckets by path, not by virtual host.
            config.ServiceURL = url.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = endpoints.Region;
        }

        return new AmazonS3Client(config);
    }

    public static IAmazonDynamoDB DynamoDb(AwsEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var config = new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(endpoints.Region) };
        if (endpoints.DynamoDb is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = endpoints.Region;
        }

        return new AmazonDynamoDBClient(config);
    }

    public static IAmazonSQS Sqs(AwsEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var config = new AmazonSQSConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(endpoints.Region) };
        if (endpoints.Sqs is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = endpoints.Region;
        }

        return new AmazonSQSClient(config);
    }
}
