using Monitor.Records;

namespace Monitor.Detection.RootUsage;

/// <summary>
/// Root-identity records that are not a person using root credentials. Only genuine AWS-originated records
/// are dropped; the CIS filter's "invokedBy NOT EXISTS" also drops console use, which is exactly the trap.
/// </summary>
internal static class RootExclusions
{
    /// <summary>
    /// The human console: root API calls made from the console carry these as <c>invokedBy</c>, so they
    /// are root use, not a service acting for root.
    /// </summary>
    private static readonly HashSet<string> ConsolePrincipals = new(StringComparer.OrdinalIgnoreCase) { "signin.amazonaws.com", "console.amazonaws.com" };

    /// <summary>Steps of the sign-in flow, logged around a ConsoleLogin: counting them would double count the login.</summary>
    private static readonly HashSet<string> SignInInternals = new(StringComparer.Ordinal) { "CredentialChallenge", "CredentialVerification", "UserAuthentication", "CheckMfa" };

    public static bool Ignores(Activity activity) =>
        IsServiceEvent(activity.EventType)
        || IsServiceInvoked(activity.InvokedBy)
        || IsSignInInternal(activity)
        || IsIdentityCenterFailure(activity);

    /// <summary>Records AWS writes about its own work (eventType casing varies in real logs).</summary>
    private static bool IsServiceEvent(string? eventType) =>
        string.Equals(eventType, "AwsServiceEvent", StringComparison.OrdinalIgnoreCase)
        || string.Equals(eventType, "AwsVpceEvent", StringComparison.OrdinalIgnoreCase);

    /// <summary>An AWS service acting for root, e.g. <c>support.amazonaws.com</c> when root opens a case.</summary>
    private static bool IsServiceInvoked(string? invokedBy) =>
        !string.IsNullOrEmpty(invokedBy)
        && !ConsolePrincipals.Contains(invokedBy)
        && (invokedBy.Contains(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
            || invokedBy.StartsWith("AWS Internal", StringComparison.OrdinalIgnoreCase));

    private static bool IsSignInInternal(Activity activity) =>
        SignInInternals.Contains(activity.EventName)
        && string.Equals(activity.EventSource, "signin.amazonaws.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A failed IAM Identity Center directory sign-in is logged with <c>type: Root</c> and no ARN; it is not a
    /// root credential being tried.
    /// </summary>
    private static bool IsIdentityCenterFailure(Activity activity) =>
        activity.EventName == "ExternalIdPDirectoryLogin"
        && (activity.Outcome != Outcome.Success
            || string.Equals(activity.Response("ExternalIdPDirectoryLogin"), "Failure", StringComparison.OrdinalIgnoreCase));
}
