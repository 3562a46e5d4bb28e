using System.Text.Json;
using Monitor.Records;

namespace Monitor.Detection.Tampering;

/// <summary>
/// Picks the successful calls that turn off or narrow logging and monitoring, or plant a way back in: a trust policy
/// opened to an outside account, a credential or admin rights given to a user, a federation token minted from a
/// long-term key, a console sign-in without MFA. Root's own calls are left to the root-usage detector, which reports
/// every one of them.
/// </summary>
internal static class TamperingEvents
{
    /// <summary>Calls that stop or delete a logging or monitoring service, by event source, with the request field naming what.</summary>
    private static readonly Dictionary<(string Source, string Name), string> Disabling = new()
    {
        [("cloudtrail.amazonaws.com", "StopLogging")] = "name",
        [("cloudtrail.amazonaws.com", "DeleteTrail")] = "name",
        [("cloudtrail.amazonaws.com", "DeleteEventDataStore")] = "eventDataStore",
        [("cloudtrail.amazonaws.com", "StopEventDataStoreIngestion")] = "eventDataStore",
        [("guardduty.amazonaws.com", "DeleteDetector")] = "detectorId",
        [("guardduty.amazonaws.com", "DisassociateFromMasterAccount")] = "detectorId",
        [("guardduty.amazonaws.com", "DisassociateFromAdministratorAccount")] = "detectorId",
        [("guardduty.amazonaws.com", "StopMonitoringMembers")] = "detectorId",
        [("securityhub.amazonaws.com", "DisableSecurityHub")] = "hubArn",
        [("securityhub.amazonaws.com", "DisassociateFromMasterAccount")] = "hubArn",
        [("securityhub.amazonaws.com", "DisassociateFromAdministratorAccount")] = "hubArn",
        [("config.amazonaws.com", "StopConfigurationRecorder")] = "configurationRecorderName",
        [("config.amazonaws.com", "DeleteConfigurationRecorder")] = "configurationRecorderName",
        [("config.amazonaws.com", "DeleteDeliveryChannel")] = "deliveryChannelName",
        [("access-analyzer.amazonaws.com", "DeleteAnalyzer")] = "analyzerName",
    };

    /// <summary>Calls that give a user a way to sign in or sign requests.</summary>
    private static readonly HashSet<string> UserCredentialCalls = new(StringComparer.Ordinal) { "CreateAccessKey", "CreateLoginProfile", "UpdateLoginProfile", "EnableMFADevice" };

    public static TamperingEvent? From(Activity activity, IReadOnlySet<string> trustedAccounts)
    {
        if (activity.Outcome != Outcome.Success || activity.Account is not { } account || activity.Principal.IsRoot || activity.Principal.Type == PrincipalType.AwsService)
        {
            return null;
        }

        var at = (activity.EventSource, activity.EventName);
        TamperingEvent Event(TamperingRule rule, string? target) => new()
        {
            Rule = rule,
            EventKey = activity.DedupKey,
            EventId = activity.EventId,
            Time = activity.Time,
            Account = account,
            Principal = activity.Principal.Arn ?? activity.Principal.Key,
            PrincipalKey = activity.Principal.Key,
            EventSource = activity.EventSource,
            EventName = activity.EventName,
            SourceIp = activity.Source.Raw,
            UserAgent = activity.UserAgent,
            Region = activity.Region,
            Target = target,
        };

        switch (at)
        {
            case var _ when Disabling.TryGetValue(at, out var field):
                return Event(TamperingRule.LoggingDisabled, activity.Request(field));
            case ("guardduty.amazonaws.com", "UpdateDetector") when RecordFields.Element(activity.Record?.RequestParameters, "enable") is { ValueKind: JsonValueKind.False }:
                return Event(TamperingRule.LoggingDisabled, activity.Request("detectorId"));
            case ("cloudtrail.amazonaws.com", "PutEventSelectors") when EventSelectors.DropManagementEvents(activity.Record?.RequestParameters):
                return Event(TamperingRule.LoggingReduced, activity.Request("trailName"));
            case ("iam.amazonaws.com", "UpdateAssumeRolePolicy" or "CreateRole"):
                var document = activity.Request(activity.EventName == "CreateRole" ? "assumeRolePolicyDocument" : "policyDocument");
                var trust = TrustPolicy.Read(document, account, trustedAccounts);
                return trust.Opened
                    ? Event(TamperingRule.TrustPolicyOpened, activity.Request("roleName")) with { OutsideAccounts = trust.OutsideAccounts, AnyPrincipal = trust.AnyPrincipal, Conditional = trust.Conditional }
                    : null;
            case ("iam.amazonaws.com", var name) when UserCredentialCalls.Contains(name) && activity.Request("userName") is { } user && user != CallerUserName(activity.Principal):
                return Event(TamperingRule.CredentialForAnotherUser, user);
            case ("iam.amazonaws.com", "AttachUserPolicy") when activity.Request("policyArn") is { } policy && policy.EndsWith(":policy/AdministratorAccess", StringComparison.Ordinal):
                return Event(TamperingRule.AdminRightsToUser, activity.Request("userName")) with { PolicyArn = policy };
            case ("iam.amazonaws.com", "PutUserPolicy") when TrustPolicy.GrantsEverything(activity.Request("policyDocument")):
                return Event(TamperingRule.AdminRightsToUser, activity.Request("userName"));
            case ("sts.amazonaws.com", "GetFederationToken") when activity.AccessKeyId is { IsLongTerm: true }:
                return Event(TamperingRule.FederationTokenFromLongTermKey, activity.Request("name"));
            case ("signin.amazonaws.com", "ConsoleLogin") when activity.Principal.Type == PrincipalType.IamUser && activity.MfaUsed == false:
                return Event(TamperingRule.ConsoleLoginWithoutMfa, activity.Principal.Name);
            default:
                return null;
        }
    }

    /// <summary>The IAM user name of a caller that is an IAM user; null for roles and everyone else, who are never "the user".</summary>
    private static string? CallerUserName(Principal principal) => principal.Type == PrincipalType.IamUser ? principal.Name : null;
}
