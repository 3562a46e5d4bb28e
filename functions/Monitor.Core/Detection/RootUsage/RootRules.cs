namespace Monitor.Detection.RootUsage;

/// <summary>
/// The root-usage rules and their severities. Base severity is in the table; the only modifiers are:
/// <code>
/// rule                       base      modifier
/// root-console-login         high      critical when the sign-in states MFAUsed = No
/// root-login-failure         medium    high when the source IP was never seen for root (90 days)
/// root-login-after-failures  critical  -
/// root-api-write             high      one level lower in an AssumeRoot session (15-minute, task-scoped)
/// root-api-read              low       one level lower in an AssumeRoot session
/// root-api-failed            low       one level lower in an AssumeRoot session
/// root-access-key-created    critical  -
/// root-access-key-used       critical  -
/// root-credential-change     high      -
/// root-mfa-change            high      critical when a device is deactivated or deleted
/// root-logging-tampering     critical  -
/// assume-root                high      - (about the caller, not the root user)
/// </code>
/// Critical is reserved for: a root access key created or used, a root console
/// sign-in without MFA, root turning logging off, and a root sign-in that follows failed guesses.
/// </summary>
internal static class RootRules
{
    public static readonly FindingRule ConsoleLogin = new(
        RootUsageDetector.DetectorId, "root-console-login", Severity.High, "Root user signed in to the console",
        "Confirm the sign-in with the account owner. Enable MFA on the root user and keep it for the tasks that require root.");

    public static readonly FindingRule LoginFailure = new(
        RootUsageDetector.DetectorId, "root-login-failure", Severity.Medium, "Failed root sign-in",
        "Check whether the account owner made these attempts. Make sure root has a strong unique password and MFA.");

    public static readonly FindingRule LoginAfterFailures = new(
        RootUsageDetector.DetectorId, "root-login-after-failures", Severity.Critical, "Root sign-in after failed attempts from the same address",
        "Treat the root credentials as compromised: reset the root password, re-register MFA, and review all root activity since.");

    public static readonly FindingRule ApiWrite = new(
        RootUsageDetector.DetectorId, "root-api-write", Severity.High, "Root user changed resources",
        "Review the calls. Use IAM roles for administration and keep root for the few tasks that require it.");

    public static readonly FindingRule ApiRead = new(
        RootUsageDetector.DetectorId, "root-api-read", Severity.Low, "Root user read resources",
        "Confirm who used root. Use IAM roles for day-to-day access.");

    public static readonly FindingRule ApiFailed = new(
        RootUsageDetector.DetectorId, "root-api-failed", Severity.Low, "Root user calls failed or were denied",
        "Confirm who used root and what was attempted; denied root calls can be probing with stolen credentials.");

    public static readonly FindingRule AccessKeyCreated = new(
        RootUsageDetector.DetectorId, "root-access-key-created", Severity.Critical, "Access key created for the root user",
        "Delete the root access key; use IAM roles or users with least privilege for programmatic access.");

    public static readonly FindingRule AccessKeyUsed = new(
        RootUsageDetector.DetectorId, "root-access-key-used", Severity.Critical, "Root access key used",
        "Find and replace the code using the root key, then deactivate and delete the key; use IAM roles instead.");

    public static readonly FindingRule CredentialChange = new(
        RootUsageDetector.DetectorId, "root-credential-change", Severity.High, "Root password changed or recovered",
        "Confirm the change with the account owner; if unexpected, recover the root user and review its activity.");

    public static readonly FindingRule MfaChange = new(
        RootUsageDetector.DetectorId, "root-mfa-change", Severity.High, "Root MFA device changed",
        "Confirm the change with the account owner; root must keep an MFA device (hardware MFA preferred).");

    public static readonly FindingRule LoggingTampering = new(
        RootUsageDetector.DetectorId, "root-logging-tampering", Severity.Critical, "CloudTrail logging changed by the root user",
        "Restore the trail or event selectors now, then investigate: turning logging off is a common step after compromise.");

    public static readonly FindingRule AssumeRoot = new(
        RootUsageDetector.DetectorId, "assume-root", Severity.High, "Privileged root session started in a member account",
        "Confirm the caller is expected to run this root task; restrict sts:AssumeRoot to a few audited roles.");

    /// <summary>Every rule, for documentation and tests.</summary>
    public static IReadOnlyList<FindingRule> All { get; } =
        [ConsoleLogin, LoginFailure, LoginAfterFailures, ApiWrite, ApiRead, ApiFailed, AccessKeyCreated, AccessKeyUsed, CredentialChange, MfaChange, LoggingTampering, AssumeRoot];

    /// <summary>The AssumeRoot modifier: a sanctioned, task-scoped session lowers an API fold by one level.</summary>
    public static Severity OneLevelLower(Severity severity) => severity == Severity.Info ? Severity.Info : severity - 1;
}
