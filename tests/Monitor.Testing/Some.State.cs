using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing;

/// <summary>Builders for findings and sightings, for tests that do not care about most of their fields.</summary>
public static partial class Some
{
    public static readonly DateTimeOffset StateEpoch = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Finding Finding(
        string id = "root-usage-0123456789abcdef0123",
        DateTimeOffset? time = null,
        IReadOnlyList<string>? eventIds = null,
        IReadOnlyList<string>? signals = null,
        Severity severity = Severity.High,
        JsonObject? evidence = null,
        string title = "Root user signed in to the console") => new()
        {
            Id = id,
            Detector = "root-usage",
            Severity = severity,
            Title = title,
            Account = "123456789012",
            Principal = "arn:aws:iam::123456789012:root",
            Time = time ?? StateEpoch,
            EventIds = eventIds ?? ["3038ebd2-c98a-4c65-9b6e-e22506292313"],
            Signals = signals ?? ["console-login"],
            Evidence = evidence ?? new JsonObject { ["sourceIPAddress"] = "203.0.113.10", ["mfaUsed"] = false },
            Recommendation = "Use an IAM role or IAM Identity Center user instead of the root user.",
        };

    public static Sighting Sighting(
        string scope = "role-source:arn:aws:iam::123456789012:role/Deploy",
        string member = "203.0.113.0/24",
        DateTimeOffset? at = null,
        IReadOnlyDictionary<string, string>? attributes = null) =>
        Monitor.State.Sighting.Observed(new StateKey(scope, member), at ?? StateEpoch, attributes);
}
