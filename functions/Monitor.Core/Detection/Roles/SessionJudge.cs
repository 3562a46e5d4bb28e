using System.Net.Sockets;
using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// Follows every later use of an issued session: where it is used from, with which client, and how often it is
/// denied, always as of the event's time (only what was first seen at or before it counts), so a replay into a
/// store that already holds the future judges each event exactly as the first pass did.
/// </summary>
internal sealed class SessionJudge(DetectionOptions options)
{
    private const int ListLimit = 200;
    private const int BurstCalls = 10;
    private const int BurstRoles = 3;
    private static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PropagationDelay = TimeSpan.FromSeconds(60);

    public async ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        if (!Applies(activity, out var subject, out var instance))
        {
            return;
        }

        var state = context.State;
        var at = activity.Time;
        var family = UserAgentFamily.Of(activity.UserAgent);
        var provenance = await state.GetAsync(RoleKeys.Session(activity.AccessKeyId!), cancellationToken).ConfigureAwait(false);
        var signals = new List<RoleSignal>();
        var evidence = Evidence(activity, subject, provenance);

        if (activity.Principal.Type != PrincipalType.IamUser)
        {
            await JudgeWhereAsync(activity, subject, instance, family, state, signals, evidence, cancellationToken).ConfigureAwait(false);
            // Offensive tools announce themselves on STS (TruffleHog's GetCallerIdentity); issuing calls are the assumption judge's.
            if (activity.EventSource == "sts.amazonaws.com" && CredentialIssueReader.Read(activity) is null
                && UserAgentFamily.Offensive(activity.UserAgent, onStsOrSignIn: true) is { } tool)
            {
                signals.Add(new("offensive-user-agent", RoleWeights.OffensiveAgent, $"session used by an offensive or scanning tool ({tool})"));
            }
        }

        if (activity.Outcome == Outcome.Denied)
        {
            await JudgeDenialAsync(activity, subject, family, context, signals, evidence, cancellationToken).ConfigureAwait(false);
        }

        // A session obtained through a suspicious assumption carries that suspicion into what it does next.
        if (signals.Count > 0 && int.TryParse(provenance?.Attribute("score"), System.Globalization.CultureInfo.InvariantCulture, out var origin) && origin >= RoleScore.ReportAt)
        {
            signals.Add(new("suspicious-origin", RoleWeights.SuspiciousOrigin, $"session issued by a suspicious {provenance!.Attribute("via")} (score {origin})"));
        }

        if (RoleScore.Of(signals) >= RoleScore.ReportAt)
        {
            context.Report(RoleFindings.Session(subject, activity, signals, evidence));
        }
    }

    // Sessions of roles and federated users; IAM users only for denied STS calls (their other denials are not about roles).
    private bool Applies(Activity activity, out string subject, out bool instance)
    {
        var principal = activity.Principal;
        subject = "";
        instance = principal.Type == PrincipalType.AssumedRole && RoleArns.IsInstanceSessionName(principal.SessionName);
        if (activity.AccessKeyId is not { } key || activity.InvokedBy is not null || RoleArns.IsServiceLinked(principal.IssuerArn)
            || options.RoleAllowList.AllowsRole(principal.Key) || options.RoleAllowList.AllowsCaller(principal.Key))
        {
            return false;
        }

        var relevant = principal.Type is PrincipalType.AssumedRole or PrincipalType.FederatedUser
            || (principal.Type == PrincipalType.IamUser && activity.EventSource == "sts.amazonaws.com" && activity.Outcome == Outcome.Denied);
        subject = instance ? $"{principal.Key}|{principal.SessionName}" : key;
        return relevant;
    }

    private async ValueTask JudgeWhereAsync(Activity activity, string subject, bool instance, string family, StateView state, List<RoleSignal> signals, JsonObject evidence, CancellationToken cancellationToken)
    {
        var at = activity.Time;
        var console = activity.Record?.SessionCredentialFromConsole == true || UserAgentFamily.IsConsole(family);
        if (console || family.StartsWith("service:", StringComparison.Ordinal) || activity.Source.Network is not { } network)
        {
            return;
        }

        // Dual-stack clients show an IPv4 and an IPv6 address at once: compare networks of one family only.
        var v6 = activity.Source.Address!.AddressFamily == AddressFamily.InterNetworkV6 ? "v6" : "v4";
        state.Observe(new StateKey(RoleKeys.SessionNetworks(subject), network), at, new Dictionary<string, string>(StringComparer.Ordinal) { ["family"] = v6 });
        state.Observe(new StateKey(RoleKeys.SessionAgents(subject), family), at);
        var networks = (await state.ListAsync(RoleKeys.SessionNetworks(subject), ListLimit, cancellationToken).ConfigureAwait(false))
            .Where(s => s.FirstSeen <= at && s.Attribute("family") == v6).ToArray();
        var first = Earliest(networks);
        if (first is null || first.Key.Member == network || options.RoleAllowList.AllowsAddress(activity.Source.Address))
        {
            return;
        }

        var agents = (await state.ListAsync(RoleKeys.SessionAgents(subject), ListLimit, cancellationToken).ConfigureAwait(false)).Where(s => s.FirstSeen <= at).ToArray();
        var firstAgent = Earliest(agents)?.Key.Member;
        var agentChanged = firstAgent is not null && firstAgent != family;
        evidence["firstNetwork"] = first.Key.Member;
        evidence["firstSeen"] = FindingJson.FormatTime(first.FirstSeen);
        evidence["networks"] = networks.Length;
        evidence["firstUserAgentFamily"] = firstAgent;
        if (instance)
        {
            signals.Add(new("instance-credential-off-instance", RoleWeights.OffInstance, $"instance session first used from {first.Key.Member}, now from {network}"));
            if (agentChanged)
            {
                signals.Add(new("user-agent-changed", RoleWeights.InstanceAgentChanged, $"client changed from {firstAgent} to {family}"));
            }
        }
        else
        {
            signals.Add(new("session-multiple-networks", RoleWeights.MultipleNetworks, $"one session used from {networks.Length} networks ({first.Key.Member} first, now {network})"));
            if (agentChanged)
            {
                signals.Add(new("session-user-agent-changed", RoleWeights.SessionAgentChanged, $"client changed from {firstAgent} to {family}"));
            }
        }
    }

    private static async ValueTask JudgeDenialAsync(Activity activity, string subject, string family, DetectionContext context, List<RoleSignal> signals, JsonObject evidence, CancellationToken cancellationToken)
    {
        var at = activity.Time;
        if (UserAgentFamily.IsConsole(family) || activity.Source.Kind is SourceKind.AwsInternal or SourceKind.ServiceName)
        {
            return;
        }

        var deniedRole = activity.EventName == "AssumeRole" ? RoleChanges.DeniedRole(activity) : null;
        var caller = CredentialIssueReader.CallerKey(activity.Principal);

        // IAM is eventually consistent: a role assumed seconds after its caller created or changed it is denied until
        // the change propagates. The denial is still recorded, so its retries are recognised as retries.
        var propagating = deniedRole is not null
            && await RoleChanges.ChangedWithinAsync(context, RoleArns.Account(deniedRole), deniedRole, caller, at, PropagationDelay, cancellationToken).ConfigureAwait(false);
        var scope = RoleKeys.SessionDenials(subject);
        context.State.Observe(new StateKey(scope, activity.DedupKey), at, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["target"] = deniedRole ?? "",
            ["propagating"] = propagating ? "1" : "0",
        });
        if (propagating)
        {
            return;
        }

        var window = (await context.State.ListAsync(scope, 500, cancellationToken).ConfigureAwait(false))
            .Where(s => s.FirstSeen <= at && s.FirstSeen > at - BurstWindow).ToArray();
        var counted = window.Where(s => s.Attribute("propagating") != "1" && !IsRetry(s, window)).ToArray();
        var roles = counted.Select(s => s.Attribute("target")).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Count();
        if (counted.Length >= BurstCalls || roles >= BurstRoles)
        {
            evidence["deniedCallsIn10Minutes"] = counted.Length;
            evidence["deniedRoleTargets"] = roles;
            signals.Add(new("access-denied-burst", RoleWeights.DenialBurst, $"{counted.Length} denied calls ({roles} roles) within 10 minutes"));
        }
    }

    // The same role denied again within seconds is a client waiting for IAM to propagate a new trust policy
    // (Terraform, Stratus), not a probe: CloudTrail often delivers the CreateRole that explains it in a later file.
    private static bool IsRetry(Sighting denial, Sighting[] window) =>
        denial.Attribute("target") is { Length: > 0 } target
        && window.Any(other => other != denial && other.Attribute("target") == target && (other.FirstSeen - denial.FirstSeen).Duration() <= PropagationDelay);

    private static Sighting? Earliest(Sighting[] sightings) =>
        sightings.OrderBy(s => s.FirstSeen).ThenBy(s => s.Key.Member, StringComparer.Ordinal).FirstOrDefault();

    private static JsonObject Evidence(Activity activity, string subject, Sighting? provenance) => new()
    {
        ["session"] = subject,
        ["accessKeyId"] = activity.AccessKeyId,
        ["eventName"] = activity.EventName,
        ["sourceIPAddress"] = activity.Source.Raw,
        ["userAgent"] = activity.UserAgent,
        ["obtainedVia"] = provenance?.Attribute("via"),
        ["obtainedBy"] = provenance?.Attribute("caller"),
        ["obtainedFrom"] = provenance?.Attribute("sourceIPAddress"),
        ["obtainedAt"] = provenance is null ? null : FindingJson.FormatTime(provenance.FirstSeen),
        ["chainDepth"] = provenance?.Attribute("depth"),
    };
}
