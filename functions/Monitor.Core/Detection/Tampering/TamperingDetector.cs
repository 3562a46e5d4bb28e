using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Tampering;

/// <summary>
/// Reports, one finding per call, what an intruder does to stay in and to go unseen: logging and monitoring turned off
/// or narrowed, a role trust opened to an outside account, a credential or admin rights given to a user, a federation
/// token minted from a long-term key (a principal's first), a console sign-in without MFA. None depends on the user
/// agent. Only the federation-token rule reads state, through the engine's earliest-subject key, so any delivery
/// order gives the same findings. <see cref="TamperingOptions.AllowedPrincipals"/>
/// silences the automation and break-glass users that do these things on purpose.
/// </summary>
internal sealed class TamperingDetector(TamperingOptions options) : Detector<TamperingEvent>(TamperingJsonContext.Default.TamperingEvent)
{
    public const string DetectorId = "tampering";

    private static readonly Dictionary<TamperingRule, FindingRule> Rules = new()
    {
        [TamperingRule.LoggingDisabled] = new(DetectorId, "logging-disabled", Severity.High, "Logging or monitoring turned off",
            "Turn it back on at once, then find out who did this and why: an intruder's first move is often to blind the account. Deny these calls with an SCP outside break-glass roles."),
        [TamperingRule.LoggingReduced] = new(DetectorId, "logging-reduced", Severity.Medium, "Trail no longer logs all management events",
            "Restore the trail's management events (read and write, no excluded sources) unless the change was planned."),
        [TamperingRule.TrustPolicyOpened] = new(DetectorId, "trust-policy-opened", Severity.High, "Role trust policy admits an outside account",
            "Check the trust policy: remove principals you do not know, and add the account to the trusted accounts if it is yours. A backdoored role outlives every rotated key."),
        [TamperingRule.CredentialForAnotherUser] = new(DetectorId, "credential-for-another-user", Severity.Medium, "Credential created for another user",
            "Confirm with the user and the caller. Keys, passwords and MFA devices planted on another user are a way back in; delete the credential if no one asked for it."),
        [TamperingRule.AdminRightsToUser] = new(DetectorId, "admin-rights-to-user", Severity.High, "Administrator rights given to a user",
            "Confirm the change was approved. Give people roles they assume rather than standing admin rights, and remove the policy if it was not."),
        [TamperingRule.FederationTokenFromLongTermKey] = new(DetectorId, "federation-token-from-long-term-key", Severity.Medium, "First federation token minted from a long-term key",
            "GetFederationToken sessions outlive the key that minted them (up to 36 hours) and cannot be revoked by deleting it: confirm who did this, and deny sts:GetFederationToken where it is not used."),
        [TamperingRule.ConsoleLoginWithoutMfa] = new(DetectorId, "console-login-without-mfa", Severity.Medium, "Console sign-in without MFA",
            "Require MFA for console users (an IAM policy that denies everything without aws:MultiFactorAuthPresent), or move people to IAM Identity Center."),
    };

    public TamperingDetector()
        : this(new TamperingOptions())
    {
    }

    public override string Id => DetectorId;

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (TamperingEvents.From(activity, options.TrustedAccounts) is not { } tampering)
        {
            return;
        }

        if (tampering.Rule == TamperingRule.FederationTokenFromLongTermKey)
        {
            observation.Saw(FirstFederationToken(tampering), tampering.Time).Remember(tampering);
        }

        observation.Judge(tampering);
    }

    protected override void Plan(TamperingEvent tampering, ReadPlan plan)
    {
        if (tampering.Rule == TamperingRule.FederationTokenFromLongTermKey)
        {
            plan.Read(FirstFederationToken(tampering));
        }
    }

    protected override void Judge(TamperingEvent tampering, Snapshot snapshot, Judgment judgment)
    {
        // A user that mints federation tokens as routine (a reporting bot, say) is reported for its first one only; an
        // earlier one delivered late takes the finding over (the engine judges the displaced subject again).
        if (options.Allows(tampering.Principal) || options.Allows(tampering.PrincipalKey)
            || (tampering.Rule == TamperingRule.FederationTokenFromLongTermKey && !snapshot.IsEarliest(FirstFederationToken(tampering), tampering)))
        {
            return;
        }

        var rule = Rules[tampering.Rule];
        var signals = new List<string> { rule.Name };
        var evidence = new JsonObject
        {
            ["eventSource"] = tampering.EventSource,
            ["eventName"] = tampering.EventName,
            ["target"] = tampering.Target,
            ["sourceIPAddress"] = tampering.SourceIp,
            ["userAgent"] = tampering.UserAgent,
            ["region"] = tampering.Region,
        };
        if (tampering.Rule == TamperingRule.TrustPolicyOpened)
        {
            rule = rule.At(tampering.AnyPrincipal && !tampering.Conditional ? Severity.Critical : tampering.OutsideAccounts.Count > 0 ? Severity.High : Severity.Medium);
            evidence["outsideAccounts"] = new JsonArray([.. tampering.OutsideAccounts.Select(a => (JsonNode?)JsonValue.Create(a))]);
            evidence["anyPrincipal"] = tampering.AnyPrincipal;
            if (tampering.AnyPrincipal)
            {
                signals.Add(tampering.Conditional ? "any-principal-with-condition" : "any-principal");
            }
        }

        if (tampering.PolicyArn is { } policy)
        {
            evidence["policyArn"] = policy;
        }

        judgment.Report(rule.Build(
            [tampering.Rule.ToString(), tampering.EventKey],
            new FindingAbout(tampering.Account, tampering.Principal, tampering.Time, tampering.EventId),
            signals,
            evidence,
            Title(rule, tampering)));
    }

    /// <summary>Remembers a principal's earliest federation token.</summary>
    private static StateKey FirstFederationToken(TamperingEvent tampering) => new($"tampering-federation:{tampering.Account}", tampering.Principal);

    private static string Title(FindingRule rule, TamperingEvent tampering) => tampering.Target is { } target
        ? tampering.Rule switch
        {
            TamperingRule.LoggingDisabled or TamperingRule.LoggingReduced => $"{rule.Title}: {tampering.EventName} {target}",
            TamperingRule.TrustPolicyOpened => $"Trust policy of role {target} admits {(tampering.AnyPrincipal ? "any principal" : string.Join(", ", tampering.OutsideAccounts))}",
            TamperingRule.CredentialForAnotherUser => $"{tampering.EventName} for user {target} by {Short(tampering.Principal)}",
            TamperingRule.AdminRightsToUser => $"Administrator rights given to user {target}",
            TamperingRule.FederationTokenFromLongTermKey => $"First federation token ({target}) minted from a long-term key of {Short(tampering.Principal)}",
            TamperingRule.ConsoleLoginWithoutMfa => $"Console sign-in without MFA by {target}",
            _ => rule.Title,
        }
        : rule.Title;

    private static string Short(string principal) => Arn.Parse(principal)?.LastSegment ?? principal;
}
