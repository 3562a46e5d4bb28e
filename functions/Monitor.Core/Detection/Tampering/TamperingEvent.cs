using System.Text.Json.Serialization;

namespace Monitor.Detection.Tampering;

/// <summary>
/// The subject of a tampering finding: one successful call that weakens logging or plants a way back in, reduced to
/// what its rule shows. Each is judged alone, so delivery order cannot change it.
/// </summary>
internal sealed record TamperingEvent : ISubject
{
    public required TamperingRule Rule { get; init; }

    public required string EventKey { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Account { get; init; }

    /// <summary>The caller's ARN, else its stable key.</summary>
    public required string Principal { get; init; }

    /// <summary>The caller's stable key: for a role session, the role's ARN.</summary>
    public required string PrincipalKey { get; init; }

    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    public string? Region { get; init; }

    /// <summary>The trail, detector, recorder or analyzer turned off; the role whose trust changed; the user given a credential or rights.</summary>
    public string? Target { get; init; }

    /// <summary>Trust policy rules: the outside accounts admitted, and whether any principal (<c>*</c>) is, with or without a condition.</summary>
    public IReadOnlyList<string> OutsideAccounts { get; init; } = [];

    public bool AnyPrincipal { get; init; }

    public bool Conditional { get; init; }

    /// <summary>The managed policy attached, for <see cref="TamperingRule.AdminRightsToUser"/>.</summary>
    public string? PolicyArn { get; init; }

    public string Id => $"{TamperingDetector.DetectorId}:{EventKey}";
}

/// <summary>What a <see cref="TamperingEvent"/> did.</summary>
internal enum TamperingRule
{
    LoggingDisabled,
    LoggingReduced,
    TrustPolicyOpened,
    CredentialForAnotherUser,
    AdminRightsToUser,
    FederationTokenFromLongTermKey,
    ConsoleLoginWithoutMfa,
}

[JsonSerializable(typeof(TamperingEvent))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
internal sealed partial class TamperingJsonContext : JsonSerializerContext;
