using System.Text.RegularExpressions;
using Monitor.Records;

namespace Monitor.Detection.RootUsage;

/// <summary>Recognises the events root-usage judges and reduces each to a <see cref="RootEvent"/>.</summary>
internal static partial class RootEvents
{
    /// <summary>Requests that fail before any credential is checked prove nothing about who holds root's.</summary>
    private static readonly HashSet<string> UnprovenErrors = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature", "AuthFailure", "ExpiredToken",
    };

    /// <summary>The root view of <paramref name="activity"/>, or null when it is not root use by a person nor an AssumeRoot call.</summary>
    public static RootEvent? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.EventName == "AssumeRoot" && activity.Service == "sts" && !activity.Principal.IsRoot)
        {
            return AssumeRoot(activity);
        }

        var arn = activity.Principal.Arn ?? activity.Record?.UserIdentity?.Arn;
        var arnIsRoot = arn is not null && RootArnPattern().IsMatch(arn);
        if ((!activity.Principal.IsRoot && !arnIsRoot) || RootExclusions.Ignores(activity))
        {
            return null;
        }

        var account = activity.Principal.AccountId ?? activity.Account ?? "unknown";
        var ip = activity.Source.IsNetworkAddress ? activity.Source.Address!.ToString() : null;
        var signIn = string.Equals(activity.EventSource, "signin.amazonaws.com", StringComparison.OrdinalIgnoreCase);
        var verdict = activity.Response(activity.EventName);
        var succeeded = activity.Outcome == Outcome.Success && (verdict is null || string.Equals(verdict, "Success", StringComparison.OrdinalIgnoreCase));
        return Common(activity, RootEventKind.Root, activity.Account ?? account, arnIsRoot ? arn! : Principal.RootArn(account, Arn.PartitionOfRegion(activity.Region))) with
        {
            Ip = ip,
            MarkedAssumedRoot = string.Equals(activity.Record?.UserIdentity?.SessionContext?.AssumedRoot, "true", StringComparison.OrdinalIgnoreCase),
            Succeeded = succeeded,

            // Failed sign-ins and password-recovery requests can come from anyone; so can bad signatures.
            ProvesCredentials = ip is not null
                && (signIn && activity.EventName == "ConsoleLogin" ? succeeded : !signIn)
                && (activity.ErrorCode is null || !UnprovenErrors.Contains(activity.ErrorCode)),
            RequestUserName = activity.Request("userName"),
            CreatedAccessKeyId = activity.Response("accessKey", "accessKeyId"),
            Trail = activity.Request("name") ?? activity.Request("trailName") ?? activity.Request("eventDataStore"),
        };
    }

    // Only the key id of the issued session: its token and secret in responseElements.credentials are never read.
    private static RootEvent AssumeRoot(Activity activity) =>
        Common(activity, RootEventKind.AssumeRoot, activity.Account ?? activity.Principal.AccountId ?? "unknown", activity.Principal.Arn ?? activity.Principal.Key) with
        {
            Succeeded = activity.Outcome == Outcome.Success,
            TargetPrincipal = activity.Request("targetPrincipal"),
            TaskPolicyArn = activity.Request("taskPolicyArn", "arn"),
            IssuedKey = activity.Response("credentials", "accessKeyId"),
        };

    private static RootEvent Common(Activity activity, RootEventKind kind, string account, string principal) => new()
    {
        EventKey = activity.DedupKey,
        EventId = activity.EventId,
        Time = activity.Time,
        Account = account,
        Principal = principal,
        Kind = kind,
        EventSource = activity.EventSource,
        EventName = activity.EventName,
        SourceRaw = activity.Source.Raw,
        UserAgent = activity.UserAgent,
        Region = activity.Region,
        MfaUsed = activity.MfaUsed,
        Outcome = activity.Outcome,
        ErrorCode = activity.ErrorCode,
        ErrorMessage = activity.ErrorMessage,
        ReadOnly = activity.ReadOnly,
        InvokedBy = activity.InvokedBy,
        AccessKeyId = activity.AccessKeyId?.Value,
        FromAccessLog = activity.Origin == ActivityOrigin.S3AccessLog,
    };

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:root$", RegexOptions.CultureInvariant)]
    private static partial Regex RootArnPattern();
}
