namespace Monitor.Detection.Credentials;

internal enum CredentialKind
{
    AccessKey,
    Password,
}

/// <summary>
/// One credential as the audit sees it, after merging the ledger with the credential report. <see cref="Id"/> is
/// the access key id when known, else the report's slot (<c>access_key_1</c>), or <c>password</c>.
/// </summary>
internal sealed record CredentialFacts
{
    public required CredentialKind Kind { get; init; }

    public required string Id { get; init; }

    public required bool Active { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? LastUsed { get; init; }

    public string? LastUsedRegion { get; init; }

    public string? LastUsedService { get; init; }

    /// <summary>Where the facts came from: <c>cloudtrail</c>, <c>credential-report</c>, or both.</summary>
    public required string Source { get; init; }

    /// <summary>The report's last use of the credential when CloudTrail saw no use around or after it: a use only the report knows.</summary>
    public DateTimeOffset? UseOnlyInReport { get; init; }
}

/// <summary>A user (or the root user) and every credential it holds, judged together.</summary>
internal sealed record UserCredentials
{
    public required string Account { get; init; }

    /// <summary>User name as the report writes it; <c>&lt;root_account&gt;</c> for root.</summary>
    public required string User { get; init; }

    public required string Arn { get; init; }

    public DateTimeOffset? Created { get; init; }

    /// <summary>Whether an MFA device is active; null when neither source says.</summary>
    public bool? Mfa { get; init; }

    public bool IsRoot => User == Records.CredentialReports.CredentialReportRow.RootUser;

    /// <summary>
    /// The root user's console password use that only the report shows (root's password is not one of
    /// <see cref="Credentials"/>: the report writes <c>not_supported</c> for whether it is enabled).
    /// </summary>
    public DateTimeOffset? RootPasswordUseOnlyInReport { get; init; }

    public required IReadOnlyList<CredentialFacts> Credentials { get; init; }
}
