using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Mapping;
using Monitor.LeastPrivilege.Policies;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>Granted actions nobody used, at one access level.</summary>
public sealed record UnusedAtLevel(AccessLevel Level, IReadOnlyList<string> Actions);

/// <summary>One principal's granted-versus-used picture and its suggested policy.</summary>
public sealed record PrincipalReport
{
    public required string Principal { get; init; }

    /// <summary><c>user</c>, <c>role</c>, or the observed identity type when the principal is not in the granted file.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether what it is granted is known (it is in the <c>--granted</c> file).</summary>
    public required bool GrantsKnown { get; init; }

    public required int Granted { get; init; }

    /// <summary>The policies in force, as <c>source: name</c> (<c>inline: reports</c>, <c>group admins managed: IAMFullAccess</c>).</summary>
    public IReadOnlyList<string> GrantedBy { get; init; } = [];

    /// <summary>The user's credentials from the IAM credential report, when one was given (<see cref="CredentialLines"/>).</summary>
    public IReadOnlyList<string> Credentials { get; init; } = [];

    /// <summary>Distinct actions seen used (authorized calls).</summary>
    public required IReadOnlyList<string> Used { get; init; }

    /// <summary>Unused granted actions by access level, Permissions management and Write first.</summary>
    public required IReadOnlyList<UnusedAtLevel> Unused { get; init; }

    /// <summary>Services granted of which no action was used (and every unused action could have been seen).</summary>
    public required IReadOnlyList<string> UnusedServices { get; init; }

    /// <summary>Granted actions the inputs could not have shown in use: never reported unused.</summary>
    public required IReadOnlyList<string> UsageUnknown { get; init; }

    /// <summary>Used actions no policy in the granted file allows (granted by a resource policy, or the file is stale).</summary>
    public required IReadOnlyList<string> UsedNotGranted { get; init; }

    public required IReadOnlyDictionary<string, int> Denied { get; init; }

    public required IReadOnlyList<(string EventSource, string EventName, int Count)> Unmapped { get; init; }

    public required PolicySuggestion Suggestion { get; init; }

    public required int Calls { get; init; }

    public int UnusedCount => Unused.Sum(u => u.Actions.Count);
}

/// <summary>The periodic least-privilege report: every principal, with what the inputs could and could not show.</summary>
public sealed record LeastPrivilegeReport
{
    /// <summary>Latest event time read: the report is "as of" it (no wall clock).</summary>
    public DateTimeOffset? AsOf { get; init; }

    public required IReadOnlyDictionary<MappingKind, int> Records { get; init; }

    public required IReadOnlyList<string> DataEventServices { get; init; }

    public required IReadOnlyList<PrincipalReport> Principals { get; init; }
}
