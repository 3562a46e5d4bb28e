using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitor.Detection.Credentials;

/// <summary>Builds the one finding per user that names every problem credential.</summary>
internal static class PostureFinding
{
    // One writer and buffer per thread, reused for every finding: the parsed evidence copies what it needs.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _threadWriter;

    /// <summary>
    /// The id is the user plus the set of (credential, problem, judged-from date) entries, not the audit's date:
    /// re-running an audit, daily or on a replay, yields the same id while nothing changed, so the alert goes out
    /// once; a newly stale credential, or one used and then idle again (a new last-use date), changes the set and
    /// gives a new finding. Dates are by day, as the report gives last use per day-ish windows anyway.
    /// </summary>
    public static Finding Build(UserCredentials user, IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf, CredentialOptions options)
    {
        var entries = Entries(problems);
        var signals = Signals(problems);
        var severity = problems.Max(p => p.Severity);
        var stale = problems.Select(p => p.CredentialId).Distinct(StringComparer.Ordinal).Count();
        return new Finding
        {
            Id = FindingId.For(CredentialLedgerDetector.DetectorId, ["posture", user.Account, user.User, .. entries]),
            Detector = CredentialLedgerDetector.DetectorId,
            Severity = severity,
            Title = user.IsRoot
                ? $"Root user credentials need attention: {string.Join(", ", signals)}"
                : $"IAM user {user.User} has {stale} credential{(stale == 1 ? "" : "s")} to remove or fix: {string.Join(", ", signals)}",
            Account = user.Account,
            Principal = user.Arn,
            Time = Earliest(problems, asOf),
            EventIds = [],
            Signals = signals,
            Evidence = Evidence(user, problems, asOf, options),
            Recommendation = user.IsRoot
                ? "Confirm that every root sign-in and key use was planned (a use the trail did not record points to a region or a time without logging); delete the root user's access keys, protect root with MFA, and use IAM roles for automation."
                : "Deactivate, then delete, access keys and console passwords that are not used; rotate keys older than the rotation age; keep one active key per user; require MFA for console users.",
        };
    }

    // Loops rather than LINQ chains below: the audit builds one finding per user, and 100,000 users is a benchmark.

    /// <summary>The distinct (credential, problem, date) entries, in ordinal order.</summary>
    private static string[] Entries(IReadOnlyList<CredentialProblem> problems)
    {
        var entries = new List<string>(problems.Count);
        foreach (var p in problems)
        {
            entries.Add($"{p.CredentialId}|{p.Signal}|{Day(p.Reference)}");
        }

        entries.Sort(StringComparer.Ordinal);
        return [.. entries.Where((e, i) => i == 0 || !string.Equals(e, entries[i - 1], StringComparison.Ordinal))];
    }

    /// <summary>The distinct signals, the most severe first (a signal ranks at its highest severity), then by name.</summary>
    private static string[] Signals(IReadOnlyList<CredentialProblem> problems)
    {
        var signals = new List<(string Signal, Severity Severity)>(problems.Count);
        foreach (var p in problems)
        {
            var at = signals.FindIndex(s => string.Equals(s.Signal, p.Signal, StringComparison.Ordinal));
            if (at < 0)
            {
                signals.Add((p.Signal, p.Severity));
            }
            else if (p.Severity > signals[at].Severity)
            {
                signals[at] = (p.Signal, p.Severity);
            }
        }

        signals.Sort((a, b) => a.Severity != b.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Signal, b.Signal));
        return [.. signals.Select(s => s.Signal)];
    }

    /// <summary>The earliest time a problem started that is not after <paramref name="asOf"/>, else <paramref name="asOf"/>.</summary>
    private static DateTimeOffset Earliest(IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf)
    {
        DateTimeOffset? earliest = null;
        foreach (var p in problems)
        {
            if (p.Since is { } since && since <= asOf && (earliest is null || since < earliest))
            {
                earliest = since;
            }
        }

        return earliest ?? asOf;
    }

    /// <summary>
    /// The evidence, written as JSON and parsed back into a JsonObject over that one buffer (as stored findings are
    /// read): an audit of 100,000 users built some fifty small nodes per finding, and collecting them was most of its
    /// time. The output is the same bytes, property for property.
    /// </summary>
    private static JsonObject Evidence(UserCredentials user, IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf, CredentialOptions options)
    {
        var buffer = _threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _threadWriter ??= new Utf8JsonWriter(buffer, FindingJson.WriterOptions);
        writer.Reset(buffer);
        {
            writer.WriteStartObject();
            writer.WriteString("user", user.User);
            writer.WriteString("asOf", Time(asOf));
            writer.WriteNumber("unusedAfterDays", (int)options.UnusedAfter.TotalDays);
            writer.WriteNumber("keyRotationAfterDays", (int)options.KeyRotationAfter.TotalDays);
            WriteBoolean(writer, "mfaActive", user.Mfa);
            if (user.RootPasswordUseOnlyInReport is { } signIn)
            {
                writer.WriteString("rootPasswordLastUsed", Time(signIn));
            }

            writer.WriteStartArray("credentials");
            foreach (var credential in Ordered(user.Credentials))
            {
                WriteCredential(writer, credential, problems, asOf);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
        }

        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>By kind (keys, then the password), then by id: a stable insertion sort, as a user has a handful of credentials.</summary>
    private static CredentialFacts[] Ordered(IReadOnlyList<CredentialFacts> credentials)
    {
        var ordered = credentials.ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var current = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Compare(ordered[j], current) > 0; j--)
            {
                ordered[j + 1] = ordered[j];
            }

            ordered[j + 1] = current;
        }

        return ordered;
    }

    private static int Compare(CredentialFacts a, CredentialFacts b) =>
        a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Id, b.Id);

    private static void WriteCredential(Utf8JsonWriter writer, CredentialFacts credential, IReadOnlyList<CredentialProblem> problems, DateTimeOffset asOf)
    {
        writer.WriteStartObject();
        writer.WriteString("id", credential.Id);
        writer.WriteString("type", credential.Kind == CredentialKind.AccessKey ? "access-key" : "password");
        writer.WriteBoolean("active", credential.Active);
        writer.WriteString("created", Time(credential.Created));
        writer.WriteString("lastUsed", Time(credential.LastUsed));
        if ((credential.LastUsed ?? credential.Created) is { } since)
        {
            writer.WriteNumber("idleDays", (int)(asOf - since).TotalDays);
        }
        else
        {
            writer.WriteNull("idleDays");
        }

        writer.WriteString("lastUsedRegion", credential.LastUsedRegion);
        writer.WriteString("lastUsedService", credential.LastUsedService);
        writer.WriteString("source", credential.Source);
        writer.WriteStartArray("problems");
        foreach (var problem in problems)
        {
            if (problem.CredentialId == credential.Id)
            {
                writer.WriteStringValue(problem.Signal);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBoolean(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string? Time(DateTimeOffset? time) => time is { } t ? FindingJson.FormatTime(t) : null;

    private static string Day(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}
