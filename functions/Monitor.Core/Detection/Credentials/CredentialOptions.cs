namespace Monitor.Detection.Credentials;

/// <summary>Options of the <c>unused-credential</c> detector and the credential audit.</summary>
public sealed record CredentialOptions
{
    /// <summary>A credential idle longer than this is unused. Default 90 days (CIS uses 45).</summary>
    public TimeSpan UnusedAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>An active access key older than this is due for rotation (CIS 1.14, Security Hub IAM.3). Default 90 days.</summary>
    public TimeSpan KeyRotationAfter { get; init; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Root use the credential report shows within this long before the audit, and CloudTrail did not, is reported
    /// (a trail that missed it: another region, logging off, before the trail existed). Default 90 days.
    /// </summary>
    public TimeSpan RootWindow { get; init; } = TimeSpan.FromDays(90);
}
