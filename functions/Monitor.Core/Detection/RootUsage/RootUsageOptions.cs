namespace Monitor.Detection.RootUsage;

/// <summary>Options of the <c>root-usage</c> detector.</summary>
public sealed record RootUsageOptions
{
    /// <summary>How long a source IP that proved root credentials stays "known". Default 90 days.</summary>
    public TimeSpan KnownIpWindow { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How far back a failed root sign-in makes a later success from the same IP suspicious. Default 7 days.</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long after an <c>sts:AssumeRoot</c> call its session's calls are tied back to it. Default 1 hour (sessions last 15 minutes).</summary>
    public TimeSpan AssumeRootSession { get; init; } = TimeSpan.FromHours(1);
}
