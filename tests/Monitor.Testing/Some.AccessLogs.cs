using System.Globalization;
using System.Text;
using Monitor.Records;
using Monitor.Records.AccessLogs;

namespace Monitor.Testing;

/// <summary>S3 server access log lines in the documented 27-field shape, and a reader run over them.</summary>
public static partial class Some
{
    public const string CanonicalOwner = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    /// <summary>
    /// One access-log line; by default a successful <c>REST.GET.OBJECT</c> of <c>reports/2025/q1.csv</c> in
    /// <c>example-bucket</c> by the IAM user alice. <paramref name="key"/> is written as given (pass it URL-encoded).
    /// </summary>
    public static string AccessLogLine(
        string requester = $"arn:aws:iam::{Account}:user/alice",
        string operation = "REST.GET.OBJECT",
        string key = "reports/2025/q1.csv",
        string bucket = "example-bucket",
        DateTimeOffset? time = null,
        int status = 200,
        string errorCode = "-",
        string remoteIp = "203.0.113.10",
        string userAgent = "aws-cli/2.15.0 Python/3.11.6",
        string? requestId = null,
        string? requestUri = null,
        string region = "us-east-1")
    {
        var at = (time ?? Time).ToUniversalTime();
        var stamp = at.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";
        var method = operation.Split('.') is [_, var m, ..] ? m : "GET";
        var uri = requestUri ?? $"{method} /{bucket}/{key} HTTP/1.1";
        return $"{CanonicalOwner} {bucket} [{stamp}] {remoteIp} {requester} {requestId ?? EventId().ToUpperInvariant()} {operation} {key} \"{uri}\" {status} {errorCode} 512 1024 12 10 \"-\" \"{userAgent}\" - aHostIdExample= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader {bucket}.s3.{region}.amazonaws.com TLSv1.3 - - {region}";
    }

    /// <summary>Reads <paramref name="lines"/> as one access-log object named <paramref name="input"/>.</summary>
    public static async Task<(List<Activity> Activities, ReadReport Report)> ReadAccessLogAsync(IEnumerable<string> lines, string input = "s3://logs/access.log")
    {
        var report = new ReadReport(input);
        var activities = new List<Activity>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        await foreach (var activity in new AccessLogReader().ReadAsync(stream, report, CancellationToken.None))
        {
            activities.Add(activity);
        }

        return (activities, report);
    }
}
