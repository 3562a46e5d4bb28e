using Monitor.Aws;
using Monitor.Aws.Alerts;
using Monitor.Aws.Objects;
using Monitor.Aws.State;
using Monitor.Detection;
using Monitor.Lambda.Handlers;
using Monitor.Lambda.Runtime;
using Monitor.Lambda.Telemetry;
using Monitor.Pipeline;

namespace Monitor.Lambda.Composition;

/// <summary>Wires an ingest function (CloudTrail or S3 access logs): S3 objects, DynamoDB state, SQS alerts, the Core pipeline.</summary>
internal static class IngestComposition
{
    public static IInvocationHandler Create(Settings settings, TimeProvider time, TextWriter output)
    {
        var endpoints = new AwsEndpoints(settings.Region, settings.S3Endpoint, settings.DynamoDbEndpoint, settings.SqsEndpoint);
        var objects = new S3ObjectSource(AwsClients.S3(endpoints));
        var store = new DynamoStateStore(AwsClients.DynamoDb(endpoints), settings.StateTable, settings.StateRetention);
        var alerts = new SqsFindingSink(AwsClients.Sqs(endpoints), settings.AlertQueueUrl.ToString(), time);
        var ingestor = new Ingestor(objects, store, DetectorCatalog.All(settings.Detection), alerts, time);
        var telemetry = new InvocationTelemetry(output, time, settings.MetricsNamespace, settings.FunctionName);
        return new SqsBatchHandler(ingestor.ProcessMessageAsync, time, settings.SafetyMargin, telemetry);
    }
}
