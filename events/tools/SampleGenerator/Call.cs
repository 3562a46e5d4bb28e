using System.Text.Json.Nodes;

internal sealed record Call(string Service, string Name)
{
    public JsonNode? Request { get; init; }
    public JsonNode? Response { get; init; }
    public JsonArray? Resources { get; init; }
    public JsonObject? Additional { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public bool? ReadOnly { get; init; }
    public string? Agent { get; init; }
    public string? Ip { get; init; }
    public string? InvokedBy { get; init; }
    public string? SharedEventId { get; init; }
    public string EventType { get; init; } = "AwsApiCall";
    public JsonObject? ServiceEventDetails { get; init; }
    public bool NoRequestId { get; init; }
}
