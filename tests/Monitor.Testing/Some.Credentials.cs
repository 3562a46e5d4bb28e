using System.Text;
using Monitor.Records;
using Monitor.Records.CredentialReports;

namespace Monitor.Testing;

/// <summary>Credential-ledger test data: IAM user and root calls read through the real CloudTrail reader, and report CSVs.</summary>
public static partial class Some
{
    public const string CredentialAccount = "111122223333";

    public static readonly DateTimeOffset CredentialEpoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static int _credentialEvents;

    /// <summary>A call by IAM user <paramref name="user"/>, signed by <paramref name="accessKeyId"/> (null for console sessions).</summary>
    public static Activity UserCall(
        string user,
        string eventName,
        DateTimeOffset at,
        string? accessKeyId = "AKIAALICE00000000001",
        string eventSource = "iam.amazonaws.com",
        string? requestParameters = null,
        string? responseElements = null,
        string ip = "198.51.100.7",
        string userAgent = "aws-cli/2.15.0",
        string? errorCode = null,
        string? additionalEventData = null)
    {
        var identity = $$$"""{"type":"IAMUser","principalId":"AIDA{{{user.ToUpperInvariant()}}}","arn":"arn:aws:iam::{{{CredentialAccount}}}:user/{{{user}}}","accountId":"{{{CredentialAccount}}}","userName":"{{{user}}}"{{{(accessKeyId is null ? "" : $",\"accessKeyId\":\"{accessKeyId}\"")}}}""" + "}";
        return Record(identity, eventName, at, eventSource, requestParameters, responseElements, ip, userAgent, errorCode, additionalEventData);
    }

    /// <summary>A call by the root user.</summary>
    public static Activity RootCall(string eventName, DateTimeOffset at, string? accessKeyId = "AKIAROOT000000000001", string eventSource = "iam.amazonaws.com", string? responseElements = null)
    {
        var identity = $$$"""{"type":"Root","principalId":"{{{CredentialAccount}}}","arn":"arn:aws:iam::{{{CredentialAccount}}}:root","accountId":"{{{CredentialAccount}}}"{{{(accessKeyId is null ? "" : $",\"accessKeyId\":\"{accessKeyId}\"")}}}""" + "}";
        return Record(identity, eventName, at, eventSource, null, responseElements, "198.51.100.7", "aws-cli/2.15.0", null, null);
    }

    /// <summary>A call in a role session (ASIA key): never a long-term credential.</summary>
    public static Activity RoleCall(string eventName, DateTimeOffset at, string accessKeyId = "ASIAROLE000000000001")
    {
        var identity = $$$"""{"type":"AssumedRole","principalId":"AROAX:ops","arn":"arn:aws:sts::{{{CredentialAccount}}}:assumed-role/Ops/ops","accountId":"{{{CredentialAccount}}}","accessKeyId":"{{{accessKeyId}}}","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::{{{CredentialAccount}}}:role/Ops","userName":"Ops"}""" + "}}";
        return Record(identity, eventName, at, "s3.amazonaws.com", null, null, "198.51.100.7", "aws-cli/2.15.0", null, null);
    }

    public static Activity UserConsoleLogin(string user, DateTimeOffset at, bool success = true, bool mfa = false) =>
        UserCall(user, "ConsoleLogin", at, null, "signin.amazonaws.com", null, $$"""{"ConsoleLogin":"{{(success ? "Success" : "Failure")}}"}""", additionalEventData: $$"""{"MFAUsed":"{{(mfa ? "Yes" : "No")}}"}""");

    public static Activity CreateAccessKey(string admin, string owner, string keyId, DateTimeOffset at) =>
        UserCall(admin, "CreateAccessKey", at, requestParameters: $$"""{"userName":"{{owner}}"}""",
            responseElements: $$$"""{"accessKey":{"accessKeyId":"{{{keyId}}}","status":"Active","userName":"{{{owner}}}","createDate":"{{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}}"}""" + "}");

    /// <summary>A credential report CSV: the exact header, then the given rows.</summary>
    public static string CredentialReportCsv(params string[] rows) =>
        CredentialReportReader.HeaderLine + "\n" + string.Join("\n", rows) + "\n";

    /// <summary>One report row with sensible defaults: a user with nothing but a creation date.</summary>
    public static string ReportRow(
        string user = "alice",
        string created = "2024-01-01T00:00:00+00:00",
        string passwordEnabled = "false",
        string passwordLastUsed = "N/A",
        string passwordLastChanged = "N/A",
        string mfa = "false",
        string key1Active = "false",
        string key1Rotated = "N/A",
        string key1Used = "N/A",
        string key2Active = "false",
        string key2Rotated = "N/A",
        string key2Used = "N/A")
    {
        var arn = user == CredentialReportRow.RootUser ? $"arn:aws:iam::{CredentialAccount}:root" : $"arn:aws:iam::{CredentialAccount}:user/{user}";
        var passwordRotation = user == CredentialReportRow.RootUser ? "not_supported" : "N/A";
        return string.Join(',', Quoted(user), Quoted(arn), created, passwordEnabled, passwordLastUsed, passwordLastChanged, passwordRotation, mfa,
            key1Active, key1Rotated, key1Used, key1Used == "N/A" ? "N/A" : "us-east-1", key1Used == "N/A" ? "N/A" : "s3",
            key2Active, key2Rotated, key2Used, key2Used == "N/A" ? "N/A" : "eu-west-1", key2Used == "N/A" ? "N/A" : "ec2",
            "false", "N/A", "false", "N/A");
    }

    public static CredentialReport ReadCredentialReport(string csv, string source = "report.csv", DateTimeOffset? generatedAt = null) =>
        CredentialReportReader.Read(new StringReader(csv), source, generatedAt);

    private static string Quoted(string field) => field.Contains(',', StringComparison.Ordinal) ? $"\"{field}\"" : field;

    private static Activity Record(string identity, string eventName, DateTimeOffset at, string eventSource, string? request, string? response, string ip, string userAgent, string? errorCode, string? additional)
    {
        var id = Interlocked.Increment(ref _credentialEvents);
        var json = $$"""
            {"Records":[{"eventVersion":"1.09","userIdentity":{{identity}},"eventTime":"{{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}}",
            "eventSource":"{{eventSource}}","eventName":"{{eventName}}","awsRegion":"us-east-1","sourceIPAddress":"{{ip}}","userAgent":"{{userAgent}}",
            {{(errorCode is null ? "" : $"\"errorCode\":\"{errorCode}\",")}}"requestParameters":{{request ?? "null"}},"responseElements":{{response ?? "null"}},
            {{(additional is null ? "" : $"\"additionalEventData\":{additional},")}}"eventID":"cred-{{id:D6}}","eventType":"AwsApiCall","recipientAccountId":"{{CredentialAccount}}"}]}
            """;
        var report = new ReadReport("test");
        var activities = new CloudTrailReader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), report, CancellationToken.None).ToBlockingEnumerable().ToList();
        if (activities.Count != 1)
        {
            throw new InvalidOperationException($"Test record did not read: {string.Join("; ", report.Errors)}");
        }

        return activities[0];
    }
}
