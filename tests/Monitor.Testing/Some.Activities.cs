using System.Text.Json;
using Monitor.Records;

namespace Monitor.Testing;

/// <summary>Activities built directly (no reader): root, IAM user and role callers, with an optional typed record.</summary>
public static partial class Some
{
    public const string Account = "123456789012";

    public const string OtherAccount = "210987654321";

    /// <summary>A fixed instant tests count from: 2025-01-02T00:00:00Z.</summary>
    public static readonly DateTimeOffset Time = new(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);

    private static int _eventCounter;

    public static string EventId() => $"evt-{Interlocked.Increment(ref _eventCounter):D6}";

    public static Principal RootPrincipal(string account = Account) =>
        new(PrincipalType.Root, Principal.RootArn(account), Principal.RootArn(account), account, account);

    public static Principal UserPrincipal(string name = "alice", string account = Account) =>
        new(PrincipalType.IamUser, $"arn:aws:iam::{account}:user/{name}", $"arn:aws:iam::{account}:user/{name}", account, "AIDAEXAMPLE", name);

    public static Principal AssumedRolePrincipal(string role = "Admin", string session = "ops", string account = Account) =>
        new(PrincipalType.AssumedRole, $"arn:aws:iam::{account}:role/{role}", $"arn:aws:sts::{account}:assumed-role/{role}/{session}", account, "AROAEXAMPLE:" + session, role, session, $"arn:aws:iam::{account}:role/{role}");

    /// <summary>An API call; by default a root, successful, read-write <c>iam:ListUsers</c>-like call from a public IP.</summary>
    public static Activity Activity(
        string eventName = "CreateUser",
        string eventSource = "iam.amazonaws.com",
        DateTimeOffset? at = null,
        Principal? principal = null,
        string? ip = "198.51.100.7",
        string? accessKeyId = null,
        Outcome outcome = Outcome.Success,
        bool? readOnly = false,
        bool? mfa = null,
        string eventType = "AwsApiCall",
        string? invokedBy = null,
        string? errorCode = null)
    {
        principal ??= RootPrincipal();
        return new Activity
        {
            Time = at ?? Time,
            EventId = EventId(),
            EventSource = eventSource,
            EventName = eventName,
            Principal = principal,
            Account = principal.AccountId ?? Account,
            Region = "us-east-1",
            AccessKeyId = Records.AccessKeyId.From(accessKeyId),
            Source = SourceAddress.Parse(ip),
            UserAgent = "aws-cli/2.15.0",
            Outcome = outcome,
            ErrorCode = errorCode ?? (outcome == Outcome.Denied ? "AccessDenied" : outcome == Outcome.Failure ? "ServiceFailure" : null),
            ReadOnly = readOnly,
            EventType = eventType,
            InvokedBy = invokedBy,
            MfaUsed = mfa,
        };
    }

    /// <summary>A root console sign-in, with the <c>responseElements.ConsoleLogin</c> verdict AWS writes.</summary>
    public static Activity ConsoleLogin(DateTimeOffset? at = null, string? ip = "198.51.100.7", bool success = true, bool? mfa = false, Principal? principal = null)
    {
        var verdict = success ? "Success" : "Failure";
        var activity = Activity("ConsoleLogin", "signin.amazonaws.com", at, principal, ip, outcome: success ? Outcome.Success : Outcome.Failure, readOnly: false, mfa: mfa, eventType: "AwsConsoleSignIn")
            with
        { UserAgent = "Mozilla/5.0 (X11; Linux x86_64)", ErrorCode = null, ErrorMessage = success ? null : "Failed authentication" };
        var mfaText = mfa switch { true => "Yes", false => "No", null => "unknown" };
        return activity.WithRecord($$$"""{"responseElements":{"ConsoleLogin":"{{{verdict}}}"},"additionalEventData":{"MFAUsed":"{{{mfaText}}}"}}""");
    }

    /// <summary>The same activity with <see cref="Records.Activity.Record"/> read from a CloudTrail JSON snippet.</summary>
    public static Activity WithRecord(this Activity activity, string json)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity with { Record = JsonSerializer.Deserialize(json, CloudTrailJsonContext.Default.CloudTrailRecord) };
    }
}
