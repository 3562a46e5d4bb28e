using System.Text.Json.Nodes;

namespace Monitor.Detection;

/// <summary>
/// One kind of finding: the detector that reports it, its name (the first signal of its findings), its severity,
/// title and advice. <see cref="Build"/> is the one way findings are made, so every detector fills the contract the
/// same way.
/// </summary>
internal sealed record FindingRule(string Detector, string Name, Severity Severity, string Title, string Recommendation)
{
    /// <summary>This rule at another severity (a rule's modifiers).</summary>
    public FindingRule At(Severity severity) => this with { Severity = severity };

    /// <summary>
    /// A finding of this rule about <paramref name="about"/>. Its id is the detector plus a hash of
    /// <paramref name="idParts"/> (the subject, and the triggering event where the finding is about one event). The
    /// first signal names the reason (for most rules, the rule's own name).
    /// </summary>
    public Finding Build(IReadOnlyList<string?> idParts, FindingAbout about, IEnumerable<string> signals, JsonObject evidence, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(idParts);
        ArgumentNullException.ThrowIfNull(about);
        ArgumentNullException.ThrowIfNull(signals);
        return new Finding
        {
            Id = FindingId.For(Detector, [.. idParts]),
            Detector = Detector,
            Severity = Severity,
            Title = title ?? Title,
            Account = about.Account ?? "unknown",
            Principal = about.Principal,
            Time = about.Time,
            EventIds = [.. about.EventIds.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(Finding.MaxEventIds)],
            Signals = [.. signals.Distinct(StringComparer.Ordinal)],
            Evidence = evidence,
            Recommendation = Recommendation,
        };
    }
}

/// <summary>What a finding is about: the account whose logs hold it, the principal (ARN or stable key), when, and which events.</summary>
internal sealed record FindingAbout(string? Account, string Principal, DateTimeOffset Time, IReadOnlyList<string> EventIds)
{
    public FindingAbout(string? account, string principal, DateTimeOffset time, string eventId)
        : this(account, principal, time, [eventId])
    {
    }
}
