namespace Monitor.Records.CredentialReports;

/// <summary>
/// Where the scheduled audit gets a fresh credential report: IAM's <c>GenerateCredentialReport</c> and
/// <c>GetCredentialReport</c> when deployed, a file in tests. Throws when the report cannot be had (infrastructure).
/// </summary>
public interface ICredentialReportSource
{
    Task<CredentialReport> FetchAsync(CancellationToken cancellationToken);
}
