using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Records;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// An activity made with root credentials by a person (not by an AWS service on root's behalf), with the
/// facts every root rule needs: the account, the root ARN, and the canonical source IP (null when
/// <c>sourceIPAddress</c> is not an address, e.g. <c>AWS Internal</c>: such values are never "new IPs").
/// </summary>
internal sealed partial record RootActivity(Activity Activity, string Account, string RootArn, string? Ip)
{
    private const string SignIn = "signin.amazonaws.com";

    /// <summary>The root view of <paramref name="activity"/>, or null when it is not root use by a person.</summary>
    public static RootActivity? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var arn = activity.Principal.Arn ?? activity.Record?.UserIdentity?.Arn;
        var arnIsRoot = arn is not null && RootArnPattern().IsMatch(arn);
        if ((!activity.Principal.IsRoot && !arnIsRoot) || RootExclusions.Ignores(activity))
        {
            return null;
        }

        var account = activity.Principal.AccountId ?? activity.Account ?? "unknown";
        var rootArn = arnIsRoot ? arn! : Principal.RootArn(account, PartitionOf(activity.Region));
        var ip = activity.Source.IsNetworkAddress ? activity.Source.Address!.ToString() : null;
        return new RootActivity(activity, activity.Account ?? account, rootArn, ip);
    }

    public DateTimeOffset Time => Activity.Time;

    public bool IsConsoleLogin => IsSignIn && Activity.EventName == "ConsoleLogin";

    public bool IsSignIn => string.Equals(Activity.EventSource, SignIn, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a sign-in event succeeded. The verdict is <c>responseElements.&lt;EventName&gt;</c>
    /// (<c>"ConsoleLogin": "Failure"</c>); <c>errorMessage</c> alone is not always set on failures.
    /// </summary>
    public bool Succeeded
    {
        get
        {
            if (Activity.Outcome != Outcome.Success)
            {
                return false;
            }

            var verdict = ResponseString(Activity.EventName);
            return verdict is null || string.Equals(verdict, "Success", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The source to fold sessions and failures on: the canonical IP, else the raw value.</summary>
    public string SourceKey => Ip ?? Activity.Source.Raw ?? "none";

    public string? AccessKeyId => string.IsNullOrEmpty(Activity.AccessKeyId) ? null : Activity.AccessKeyId;

    /// <summary>AKIA keys are long-term; the root user should have none.</summary>
    public bool UsesLongTermKey => AccessKeyId?.StartsWith("AKIA", StringComparison.Ordinal) == true;

    /// <summary>ASIA keys are sessions: a root console session, GetSessionToken, or an AssumeRoot session.</summary>
    public bool UsesSessionKey => AccessKeyId?.StartsWith("ASIA", StringComparison.Ordinal) == true;

    /// <summary>CloudTrail marks AssumeRoot sessions with <c>sessionContext.assumedRoot = "true"</c>.</summary>
    public bool MarkedAssumedRoot => string.Equals(Activity.Record?.UserIdentity?.SessionContext?.AssumedRoot, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the request proves the caller holds root credentials, so its IP becomes a known root IP.
    /// Failed sign-ins and password-recovery requests can come from anyone; so can bad signatures.
    /// </summary>
    public bool ProvesCredentials =>
        Ip is not null
        && (IsConsoleLogin ? Succeeded : !IsSignIn)
        && Activity.ErrorCode is not ("InvalidClientTokenId" or "SignatureDoesNotMatch" or "IncompleteSignature" or "AuthFailure" or "ExpiredToken");

    public string Hour => Activity.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    public string Day => DayOf(Activity.Time);

    public static string DayOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A string in <c>requestParameters</c> at <paramref name="path"/>, or null.</summary>
    public string? RequestString(params ReadOnlySpan<string> path) => StringAt(Activity.Record?.RequestParameters, path);

    /// <summary>A string in <c>responseElements</c> at <paramref name="path"/>, or null.</summary>
    public string? ResponseString(params ReadOnlySpan<string> path) => StringAt(Activity.Record?.ResponseElements, path);

    /// <summary>The string at a property path of a free-form block; null when any step is missing or not an object.</summary>
    internal static string? StringAt(JsonElement? element, params ReadOnlySpan<string> path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }

    private static string PartitionOf(string? region) => region switch
    {
        not null when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        not null when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ => "aws",
    };

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::[0-9]{12}:root$", RegexOptions.CultureInvariant)]
    private static partial Regex RootArnPattern();
}
