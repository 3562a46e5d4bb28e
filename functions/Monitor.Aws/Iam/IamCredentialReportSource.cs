using System.Globalization;
using System.Text;
using Monitor.Records.CredentialReports;

namespace Monitor.Aws.Iam;

/// <summary>
/// Gets a fresh credential report: <c>GenerateCredentialReport</c> until its state is COMPLETE, then
/// <c>GetCredentialReport</c> (base64 CSV). IAM makes a new report at most every 4 hours and answers with the
/// cached one meanwhile; while one is generating, Get fails with <c>ReportInProgress</c>, and before the first
/// with <c>ReportNotPresent</c> (or <c>ReportExpired</c>): each of those means wait and ask again.
/// </summary>
public sealed class IamCredentialReportSource(IamQueryClient iam, TimeProvider time) : ICredentialReportSource
{
    private static readonly HashSet<string> NotReady = new(StringComparer.Ordinal) { "ReportInProgress", "ReportNotPresent", "ReportExpired", "Throttling" };

    /// <summary>The waits taken between attempts (for tests and telemetry).</summary>
    public int Waits { get; private set; }

    public async Task<CredentialReport> FetchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await GenerateAsync(cancellationToken).ConfigureAwait(false);
            if (state == "COMPLETE")
            {
                try
                {
                    return await GetAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IamRequestException e) when (NotReady.Contains(e.Code) && attempt < iam.Options.MaxAttempts)
                {
                    // Generated, then expired or superseded before we read it: generate again.
                }
            }
            else if (attempt >= iam.Options.MaxAttempts)
            {
                throw new IamRequestException("GenerateCredentialReport", "ReportInProgress", $"the report was still {state} after {attempt} attempts");
            }

            Waits++;
            await Task.Delay(iam.Options.RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string> GenerateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await iam.CallAsync("GenerateCredentialReport", cancellationToken).ConfigureAwait(false);
            return IamQueryClient.Child(result, "State") ?? "STARTED";
        }
        catch (IamRequestException e) when (NotReady.Contains(e.Code))
        {
            return "INPROGRESS";
        }
    }

    private async Task<CredentialReport> GetAsync(CancellationToken cancellationToken)
    {
        var result = await iam.CallAsync("GetCredentialReport", cancellationToken).ConfigureAwait(false);
        var content = IamQueryClient.Child(result, "Content") ?? throw new IamRequestException("GetCredentialReport", "MalformedResponse", "no Content");
        DateTimeOffset? generated = DateTimeOffset.TryParse(IamQueryClient.Child(result, "GeneratedTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
        string csv;
        try
        {
            csv = Encoding.UTF8.GetString(Convert.FromBase64String(content.Trim()));
        }
        catch (FormatException)
        {
            throw new IamRequestException("GetCredentialReport", "MalformedResponse", "Content is not base64");
        }

        return CredentialReportReader.Read(new StringReader(csv), "iam:GetCredentialReport", generated);
    }
}
