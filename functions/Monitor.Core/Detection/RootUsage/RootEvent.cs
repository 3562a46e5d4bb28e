using System.Globalization;
using System.Text.Json.Serialization;
using Monitor.Records;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// The subject of root-usage findings: one event made with root credentials by a person, or one
/// <c>sts:AssumeRoot</c> call by a management account's principal, reduced to the facts the rules need.
/// </summary>
internal sealed record RootEvent : ISubject
{
    public required string EventKey { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Account { get; init; }

    /// <summary>The root user (or, for an AssumeRoot call, the caller) the findings are about.</summary>
    public required string Principal { get; init; }

    public required RootEventKind Kind { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    /// <summary>The canonical source IP, or null when <c>sourceIPAddress</c> is not an address (e.g. <c>AWS Internal</c>).</summary>
    public string? Ip { get; init; }

    public string? SourceRaw { get; init; }

    public string? UserAgent { get; init; }

    public string? Region { get; init; }

    public bool? MfaUsed { get; init; }

    public Outcome Outcome { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public bool? ReadOnly { get; init; }

    public string? InvokedBy { get; init; }

    public string? AccessKeyId { get; init; }

    public bool FromAccessLog { get; init; }

    /// <summary>CloudTrail marks AssumeRoot sessions with <c>sessionContext.assumedRoot</c>.</summary>
    public bool MarkedAssumedRoot { get; init; }

    /// <summary>Whether a sign-in event succeeded (its <c>responseElements</c> verdict), or an API call was not refused.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Whether the request proves the caller holds root credentials, so its IP becomes a known root IP.</summary>
    public bool ProvesCredentials { get; init; }

    /// <summary>Request and response fields the per-event rules name: the user a call acts on, a created key, a trail, ...</summary>
    public string? RequestUserName { get; init; }

    public string? CreatedAccessKeyId { get; init; }

    public string? Trail { get; init; }

    /// <summary>For an AssumeRoot call: the member account, the task policy and the issued session key id.</summary>
    public string? TargetPrincipal { get; init; }

    public string? TaskPolicyArn { get; init; }

    public string? IssuedKey { get; init; }

    public string Id => $"{RootUsageDetector.DetectorId}:{EventKey}";

    [JsonIgnore]
    public bool IsSignIn => string.Equals(EventSource, "signin.amazonaws.com", StringComparison.OrdinalIgnoreCase);

    [JsonIgnore]
    public bool IsConsoleLogin => IsSignIn && EventName == "ConsoleLogin";

    [JsonIgnore]
    public bool UsesLongTermKey => Records.AccessKeyId.From(AccessKeyId)?.IsLongTerm == true;

    [JsonIgnore]
    public bool UsesSessionKey => Records.AccessKeyId.From(AccessKeyId)?.IsTemporary == true;

    /// <summary>The source to fold sessions and failures on: the canonical IP, else the raw value.</summary>
    [JsonIgnore]
    public string SourceKey => Ip ?? SourceRaw ?? "none";

    [JsonIgnore]
    public string Hour => Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    [JsonIgnore]
    public string Day => DayOf(Time);

    public static string DayOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What kind of root event a <see cref="RootEvent"/> is.</summary>
internal enum RootEventKind
{
    /// <summary>Root's own activity: a sign-in event or an API call.</summary>
    Root,

    /// <summary>A management account's principal starting a centralized root session (<c>sts:AssumeRoot</c>).</summary>
    AssumeRoot,
}

[JsonSerializable(typeof(RootEvent))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
internal sealed partial class RootJsonContext : JsonSerializerContext;
