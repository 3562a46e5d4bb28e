namespace Monitor.Detection.Roles;

/// <summary>Options of the <c>anomalous-role-assumption</c> detector.</summary>
public sealed record RoleOptions
{
    /// <summary>Novelty is recorded but not reported until this long after an account's first activity. Default 14 days.</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Accounts whose principals may assume roles here without being "external". Default: none.</summary>
    public IReadOnlySet<string> TrustedAccounts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Callers, roles and networks declared normal. Default: none.</summary>
    public RoleAllowList AllowList { get; init; } = RoleAllowList.None;

    /// <summary>A role changed by a caller this long before the caller's first assumption of it is a deployment. Default 10 minutes.</summary>
    public TimeSpan DeploymentWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>AssumeRole denied this soon after its caller changed the role is IAM propagating, not probing. Default 60 s.</summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Denied calls within this window count toward a burst. Default 10 minutes.</summary>
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Denied calls in <see cref="BurstWindow"/> that make a burst. Default 10.</summary>
    public int BurstCalls { get; init; } = 10;

    /// <summary>Distinct roles denied in <see cref="BurstWindow"/> that make a burst. Default 3.</summary>
    public int BurstRoles { get; init; } = 3;

    /// <summary>Days of a role's history before an assumption at an hour never seen is unusual. Default 7.</summary>
    public int UnusualHourAfterDays { get; init; } = 7;
}
