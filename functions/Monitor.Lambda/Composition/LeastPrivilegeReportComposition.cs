using Amazon.Runtime;
using Monitor.Aws;
using Monitor.Aws.Iam;
using Monitor.Aws.Objects;
using Monitor.Aws.State;
using Monitor.Lambda.Handlers;
using Monitor.Lambda.Runtime;
using Monitor.LeastPrivilege.Mapping;

namespace Monitor.Lambda.Composition;

/// <summary>Wires the scheduled least-privilege report: IAM authorization details (signed Query API), DynamoDB usage, S3 report bucket.</summary>
internal static class LeastPrivilegeReportComposition
{
    public static IInvocationHandler Create(Settings settings, TimeProvider time, TextWriter output)
    {
        var bucket = settings.ReportBucket ?? throw new SettingsException(Settings.Names.ReportBucket, "is not set");
        var endpoints = new AwsEndpoints(settings.Region, settings.S3Endpoint, settings.DynamoDbEndpoint, settings.SqsEndpoint);
        var store = new DynamoStateStore(AwsClients.DynamoDb(endpoints), settings.StateTable, settings.StateRetention);
        var http = IamQueryClient.CreateSignedHttpClient(new EnvironmentVariablesAWSCredentials());
        var iamOptions = settings.IamEndpoint is { } endpoint ? new IamQueryOptions { Endpoint = endpoint } : new IamQueryOptions();
        var granted = new IamAuthorizationDetailsSource(new IamQueryClient(http, iamOptions));
        return new LeastPrivilegeReportHandler(granted, store, new S3ObjectWriter(AwsClients.S3(endpoints)), bucket, ActionMapper.Embedded, time);
    }
}
