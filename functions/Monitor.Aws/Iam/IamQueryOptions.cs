namespace Monitor.Aws.Iam;

/// <summary>How the IAM Query-API client reaches IAM and how long it waits for a report being generated.</summary>
public sealed record IamQueryOptions
{
    /// <summary>IAM is global: one endpoint, signed for us-east-1. Tests point this at a loopback fake.</summary>
    public Uri Endpoint { get; init; } = new("https://iam.amazonaws.com/");

    /// <summary>Attempts at each call while the report is not ready. Default 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Wait between attempts. Default 2 seconds (reports usually take a few seconds to generate).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}
