using Monitor.Detection.PublicBuckets;

namespace Monitor.Detection;

/// <summary>Thresholds shared by the detectors. Defaults follow ARCHITECTURE.md.</summary>
public sealed record DetectionOptions
{
    /// <summary>A credential idle longer than this is unused. Default 90 days (CIS uses 45).</summary>
    public TimeSpan UnusedAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>An active access key older than this is due for rotation (CIS 1.14, Security Hub IAM.3). Default 90 days.</summary>
    public TimeSpan KeyRotationAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Novelty is recorded but not reported until this long after an account's first activity. Default 14 days.</summary>
    public TimeSpan LearningPeriod { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Accounts whose principals may assume roles here without being "external".</summary>
    public IReadOnlySet<string> TrustedAccounts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Callers, roles and networks declared normal for role assumptions. Default: none.</summary>
    public Roles.RoleAllowList RoleAllowList { get; init; } = Roles.RoleAllowList.None;

    /// <summary>Buckets meant to be public: anonymous access to them is not reported. Default: none.</summary>
    public PublicBucketList PublicBuckets { get; init; } = PublicBucketList.None;
}
