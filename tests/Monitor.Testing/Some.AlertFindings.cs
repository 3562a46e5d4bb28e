using System.Text.Json.Nodes;
using Monitor.Detection;

namespace Monitor.Testing;

public static partial class Some
{
    /// <summary>A finding nobody in the test cares about the details of, unless named.</summary>
    public static Finding AlertFinding(
        string id = "root-usage-0123456789abcdef0123",
        string detector = "root-usage",
        Severity severity = Severity.High,
        DateTimeOffset? time = null,
        string? evidence = null) => new()
        {
            Id = id,
            Detector = detector,
            Severity = severity,
            Title = "Root user signed in to the console",
            Account = "123456789012",
            Principal = "arn:aws:iam::123456789012:root",
            Time = time ?? new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero),
            EventIds = ["e-1"],
            Signals = ["root-console-login"],
            Evidence = new JsonObject { ["sourceIp"] = "203.0.113.7", ["detail"] = evidence },
            Recommendation = "Use an IAM role instead of the root user.",
        };
}
