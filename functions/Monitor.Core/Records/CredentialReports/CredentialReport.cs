namespace Monitor.Records.CredentialReports;

/// <summary>
/// A credential report as read: its rows, the rows that could not be used (each naming its line), or, when the
/// file is not a credential report at all, <see cref="Error"/> naming it.
/// </summary>
public sealed record CredentialReport
{
    /// <summary>The file or <c>iam:GetCredentialReport</c> call it came from.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// When IAM generated it. <c>GetCredentialReport</c> says; a CSV file does not, so the reader takes the latest
    /// time written in it, a lower bound that never places the report in the future.
    /// </summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    public IReadOnlyList<CredentialReportRow> Rows { get; init; } = [];

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Why the whole file was refused (not a credential report), or null.</summary>
    public string? Error { get; init; }

    public bool IsRejected => Error is not null;

    public static CredentialReport Rejected(string source, string error) => new() { Source = source, Error = error };
}
