namespace Monitor.Aws;

/// <summary>
/// Where the AWS clients connect. Null endpoints mean the real regional service; tests set them to local
/// emulators (dynalite, s3rver, a fake SQS) so the deployed artifact itself can be exercised without AWS.
/// </summary>
public sealed record AwsEndpoints(string Region, Uri? S3 = null, Uri? DynamoDb = null, Uri? Sqs = null);
