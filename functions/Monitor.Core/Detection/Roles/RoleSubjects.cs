using System.Globalization;
using System.Text.Json.Serialization;
using Monitor.Records;

namespace Monitor.Detection.Roles;

/// <summary>What the role detector judges: one way into a role (<see cref="Assumption"/>), or one session's use (<see cref="SessionUse"/>).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(Assumption), "a")]
[JsonDerivedType(typeof(SessionUse), "s")]
internal abstract record RoleSubject : ISubject
{
    public abstract string Id { get; }

    public abstract DateTimeOffset Time { get; init; }
}

/// <summary>
/// One successful credential-issuing event, as its judgment needs it: the caller → target edge, where it came from,
/// with which client, and what it issued. Built once from the record; never holds the session token.
/// </summary>
internal sealed record Assumption : RoleSubject
{
    public required string EventKey { get; init; }

    public required string EventId { get; init; }

    public override required DateTimeOffset Time { get; init; }

    public required string EventName { get; init; }

    public required IssueKind Kind { get; init; }

    public required string CallerKey { get; init; }

    public required PrincipalType CallerType { get; init; }

    public string? CallerAccount { get; init; }

    /// <summary>The caller's access key: for a role session assuming again, the parent session.</summary>
    public string? CallerAccessKey { get; init; }

    /// <summary>The ARN the finding names as its principal (the caller's, else its key).</summary>
    public required string Principal { get; init; }

    public required string Target { get; init; }

    public string? TargetAccount { get; init; }

    /// <summary>The account whose log holds the event: where its learning period is counted.</summary>
    public string? Account { get; init; }

    public string? SessionName { get; init; }

    public string? IssuedKey { get; init; }

    public string? Provider { get; init; }

    public string? Subject { get; init; }

    /// <summary><c>console:</c> or <c>api:</c> and the source network, or null when the source is not an address.</summary>
    public string? Network { get; init; }

    public string? SourceIp { get; init; }

    public required string Family { get; init; }

    public string? UserAgent { get; init; }

    public bool? MfaUsed { get; init; }

    public string? InvokedBy { get; init; }

    /// <summary>The offensive tool its user agent names, or null.</summary>
    public string? Tool { get; init; }

    public override string Id => $"{RoleFindings.Detector}:assume:{EventKey}";

    [JsonIgnore]
    public bool CrossAccount => Kind != IssueKind.AssumeRoot && CallerAccount is not null && TargetAccount is { Length: > 0 } && CallerAccount != TargetAccount;

    [JsonIgnore]
    public bool Chained => CallerType == PrincipalType.AssumedRole && Kind is IssueKind.AssumeRole or IssueKind.SwitchRole;

    [JsonIgnore]
    public int Hour => Time.UtcDateTime.Hour;

    [JsonIgnore]
    public string RoleName => Arn.Parse(Target)?.LastSegment ?? Target;
}

/// <summary>
/// One session, judged on everything it did: the networks and clients it was used from, its denied calls, the offensive
/// tools it ran, and how it was obtained. <see cref="Subject"/> is the session's access key, or role + instance id for an
/// instance-profile session (EC2 rotates the key, the instance stays).
/// </summary>
internal sealed record SessionUse : RoleSubject
{
    public required string Subject { get; init; }

    public bool Instance { get; init; }

    /// <summary>The role (or federated issuer) the session acts as.</summary>
    public required string PrincipalKey { get; init; }

    public string? PrincipalArn { get; init; }

    public string? Account { get; init; }

    public override required DateTimeOffset Time { get; init; }

    public override string Id => $"{RoleFindings.Detector}:session:{Subject}";

    public static string HourOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}

/// <summary>One event of a session, as its findings show it.</summary>
internal sealed record SessionEvent(string EventId, string EventName, string? AccessKeyId, string? SourceIp, string? UserAgent, string Family, string? Tool = null, string? DeniedRole = null)
{
    /// <summary>Stored as source-generated JSON; unreadable text (from another version) reads as nothing.</summary>
    public static readonly Monitor.State.Codec<SessionEvent> Codec = Monitor.State.Codecs.Json(RoleJsonContext.Default.SessionEvent);
}

[JsonSerializable(typeof(RoleSubject))]
[JsonSerializable(typeof(SessionEvent))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
internal sealed partial class RoleJsonContext : JsonSerializerContext;
