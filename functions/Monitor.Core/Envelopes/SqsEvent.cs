using System.Text.Json.Serialization;

namespace Monitor.Envelopes;

/// <summary>The Lambda SQS event: <c>{"Records":[...]}</c>. Our own type (there is no Amazon.Lambda.SQSEvents here).</summary>
public sealed class SqsEvent
{
    // Lambda spells this one member in PascalCase while every other is camelCase; the naming policy would miss it.
    [JsonPropertyName("Records")]
    public List<SqsMessage> Records { get; set; } = [];
}

/// <summary>One SQS message as Lambda delivers it. Only the fields the pipeline uses are typed.</summary>
public sealed class SqsMessage
{
    public string? MessageId { get; set; }

    public string? ReceiptHandle { get; set; }

    public string? Body { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    public string? EventSource { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    public string? AwsRegion { get; set; }
}

/// <summary>The partial batch response: the ids of the messages that failed and must be retried.</summary>
public sealed class BatchResponse
{
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}

/// <summary>One failed message in a <see cref="BatchResponse"/>.</summary>
public sealed class BatchItemFailure
{
    [JsonPropertyName("itemIdentifier")]
    public string ItemIdentifier { get; set; } = "";
}

/// <summary>Source-generated JSON metadata for the SQS event and the batch response.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(BatchResponse))]
public sealed partial class SqsJsonContext : JsonSerializerContext;
