using Amazon.Runtime;
using Monitor.Aws;
using Monitor.Aws.Alerts;
using Monitor.Aws.Iam;
using Monitor.Aws.State;
using Monitor.Lambda.Handlers;
using Monitor.Lambda.Runtime;
using Monitor.Pipeline;

namespace Monitor.Lambda.Composition;

/// <summary>Wires the scheduled credential audit: IAM credential report (signed Query API), DynamoDB ledger, SQS alerts.</summary>
internal static class CredentialAuditComposition
{
    public static IInvocationHandler Create(Settings settings, TimeProvider time, TextWriter output)
    {
        var endpoints = new AwsEndpoints(settings.Region, settings.S3Endpoint, settings.DynamoDbEndpoint, settings.SqsEndpoint);
        var store = new DynamoStateStore(AwsClients.DynamoDb(endpoints), settings.StateTable, settings.StateRetention);
        var alerts = new SqsFindingSink(AwsClients.Sqs(endpoints), settings.AlertQueueUrl.ToString(), time);

        // Lambda hands the function its role's credentials in the environment; the SDK's own chain reads them.
        var http = IamQueryClient.CreateSignedHttpClient(new EnvironmentVariablesAWSCredentials());
        var iamOptions = settings.IamEndpoint is { } endpoint ? new IamQueryOptions { Endpoint = endpoint } : new IamQueryOptions();
        var reports = new IamCredentialReportSource(new IamQueryClient(http, iamOptions), time);
        return new CredentialAuditHandler(reports, new CredentialAuditor(store, alerts, settings.Detection.Credentials), time);
    }
}
