namespace Monitor.Records;

/// <summary>
/// An access key id, as records name the key that signed a request: <c>AKIA…</c> for a long-term key of a user (or of
/// root), <c>ASIA…</c> for temporary session credentials. Never the secret: only the id is ever read or kept.
/// </summary>
public readonly record struct AccessKeyId(string Value)
{
    /// <summary>The id in <paramref name="text"/>, or null when it is missing or blank.</summary>
    public static AccessKeyId? From(string? text) => string.IsNullOrWhiteSpace(text) ? null : new AccessKeyId(text);

    /// <summary>A user's (or root's) long-term key: a credential with a life of its own.</summary>
    public bool IsLongTerm => Value.StartsWith("AKIA", StringComparison.Ordinal);

    /// <summary>Temporary credentials: a session, from STS or the console.</summary>
    public bool IsTemporary => Value.StartsWith("ASIA", StringComparison.Ordinal);

    public override string ToString() => Value;
}
