using System.Text.Json;
using Monitor.Records;

namespace Monitor.Testing;

/// <summary>API calls as the least-privilege engine sees them: a role session by default, with request parameters.</summary>
public static partial class Some
{
    public const string AppRole = $"arn:aws:iam::{Account}:role/app";

    /// <summary>A call by the <c>app</c> role (or <paramref name="principal"/>) with optional request parameters and <c>resources[]</c> ARNs.</summary>
    public static Activity Call(
        string eventSource,
        string eventName,
        string? requestParameters = null,
        Outcome outcome = Outcome.Success,
        Principal? principal = null,
        IReadOnlyList<string>? resources = null,
        string eventType = "AwsApiCall",
        string region = "us-east-1")
    {
        var activity = Activity(eventName, eventSource, principal: principal ?? AssumedRolePrincipal("app"), outcome: outcome, eventType: eventType) with
        {
            Region = region,
            Resources = resources ?? [],
        };
        var json = requestParameters is null ? "{}" : $$"""{"requestParameters":{{requestParameters}}}""";
        return activity with { Record = JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord) };
    }

    /// <summary>An S3 server-access-log request: the event name is already the IAM action name.</summary>
    public static Activity AccessLogRequest(string action, string objectArn, Principal? principal = null) =>
        Activity(action, "s3.amazonaws.com", principal: principal ?? AssumedRolePrincipal("app"), eventType: null!) with
        {
            Origin = ActivityOrigin.S3AccessLog,
            EventType = null,
            Resources = [objectArn],
        };
}
