using System.Text.Json.Serialization;
using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>One use of a credential, as a dormancy finding shows it.</summary>
internal sealed record CredentialUse
{
    public required string EventKey { get; init; }

    public required string EventId { get; init; }

    public required string EventName { get; init; }

    public required string EventSource { get; init; }

    public required string Principal { get; init; }

    public bool IsRoot { get; init; }

    public string? SourceIp { get; init; }

    public string? Network { get; init; }

    public string? UserAgent { get; init; }

    public string? Region { get; init; }

    /// <summary>Stored as source-generated JSON; unreadable text (from another version) reads as no use.</summary>
    public static readonly Codec<CredentialUse> Codec = Codecs.Json(CredentialJsonContext.Default.CredentialUse);
}

/// <summary>
/// The subject of a dormancy finding: a credential's use on one UTC day, judged on the day's first use (the only one
/// that can wake a dormant credential).
/// </summary>
internal sealed record CredentialDay(string Account, string Member, int Day, DateTimeOffset Time) : ISubject
{
    public string Id => $"{CredentialLedgerDetector.DetectorId}:{Account}|{Member}|{Day}";

    [JsonIgnore]
    public StateKey Credential => new(CredentialKeys.Scope(Account), Member);
}

[JsonSerializable(typeof(CredentialUse))]
[JsonSerializable(typeof(CredentialDay))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class CredentialJsonContext : JsonSerializerContext;
