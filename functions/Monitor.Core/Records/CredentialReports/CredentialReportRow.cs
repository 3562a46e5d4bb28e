namespace Monitor.Records.CredentialReports;

/// <summary>One user's row of the IAM credential report (the 22 columns, typed; certificates left out).</summary>
public sealed record CredentialReportRow
{
    /// <summary>The user name of the root row.</summary>
    public const string RootUser = "<root_account>";

    public required string User { get; init; }

    public required string Arn { get; init; }

    public required ReportTime UserCreated { get; init; }

    public required ReportFlag PasswordEnabled { get; init; }

    public required ReportTime PasswordLastUsed { get; init; }

    public required ReportTime PasswordLastChanged { get; init; }

    public required bool MfaActive { get; init; }

    public required ReportKey Key1 { get; init; }

    public required ReportKey Key2 { get; init; }

    /// <summary>The row's 22 fields as read, for storing and re-reading it unchanged.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    public bool IsRoot => User == RootUser;

    public IEnumerable<ReportKey> Keys => [Key1, Key2];

    /// <summary>The account, from the ARN (<c>arn:aws:iam::&lt;account&gt;:...</c>).</summary>
    public string? Account => Records.Arn.AccountOf(Arn);
}
