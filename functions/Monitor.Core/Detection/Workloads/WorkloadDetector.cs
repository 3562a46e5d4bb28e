using System.Text.Json.Nodes;
using Monitor.Detection.Roles;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Workloads;

/// <summary>
/// <c>workload-credentials-off-platform</c>: role credentials AWS handed to a workload (an EC2 instance, an ECS task, a
/// Lambda function, a CodeBuild build, a Glue job, a SageMaker job, an EKS pod) used by a client that workload cannot
/// be: a Mac, a browser, an offensive tool, Windows where the platform has none, the AWS CLI inside Lambda, or another
/// client from another network than the calls that carry the platform's own marker. The user agent's product name is
/// never the reason. One finding per session with every such call, graded by how far the session reached (listing,
/// reading data, changing things, changing IAM). Each call and each issuing <c>AssumeRole</c> has the session judged
/// from state alone, so any delivery order gives the same finding. <see cref="RoleAllowList"/> (the role detector's
/// allowed roles and networks) silences roles and egress networks that are meant to be used this way.
/// </summary>
internal sealed class WorkloadDetector(RoleAllowList allowList) : Detector<WorkloadSession>(WorkloadJsonContext.Default.WorkloadSession)
{
    public const string DetectorId = "workload-credentials-off-platform";

    // Networks one session is used from: a workload has a few; past this many, the latest are not looked at.
    private const int NetworkLimit = 100;

    private static readonly FindingRule Rule = new(DetectorId, DetectorId, Severity.Medium, "Workload credentials used off their platform",
        "Treat the session's credentials as stolen: revoke the role's active sessions (IAM: Revoke active sessions), find how they left the workload "
        + "(SSRF to the metadata service, a leaked environment, a compromised dependency), and rotate every secret the session read.");

    public WorkloadDetector()
        : this(RoleAllowList.None)
    {
    }

    public override string Id => DetectorId;

    public override void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        if (Workload.OfIssue(activity) is var (issued, issuedTo))
        {
            // The service's AssumeRole names the workload of a session whose calls may already be in: judge it again.
            observation.Saw(WorkloadState.Identity(issued), activity.Time)
                .With(WorkloadState.Kind, issuedTo.Kind)
                .With(WorkloadState.Name, issuedTo.Name)
                .With(WorkloadState.IdentifiedBy, issuedTo.IdentifiedBy)
                .With(WorkloadState.Role, activity.Request("roleArn"))
                .With(WorkloadState.SessionArn, activity.Response("assumedRoleUser", "arn"))
                .With(WorkloadState.Account, activity.Account);
            observation.Judge(new WorkloadSession(issued, activity.Time));
            return;
        }

        if (!Applies(activity) || activity.AccessKeyId is not { } key)
        {
            return;
        }

        // A presigned URL carries the workload's key but whoever holds the URL: its user agent and address say nothing.
        if (activity.Additional("AuthenticationMethod") == "QueryString")
        {
            return;
        }

        var principal = activity.Principal;
        // The platform's marker, read once: it names the workload and marks the client.
        var mark = Workload.PlatformMark(activity.UserAgent);
        var workload = Workload.OfSession(activity, mark);
        var session = workload?.Kind == WorkloadKind.Ec2Instance ? $"{principal.Key}|{workload.Name}" : key.Value;
        var identity = observation.Saw(WorkloadState.Identity(session), activity.Time)
            .With(WorkloadState.Role, principal.Key)
            .With(WorkloadState.SessionArn, principal.Arn)
            .With(WorkloadState.Account, activity.Account ?? principal.AccountId);
        if (workload is not null)
        {
            identity.With(WorkloadState.Kind, workload.Kind).With(WorkloadState.Name, workload.Name).With(WorkloadState.IdentifiedBy, workload.IdentifiedBy);
        }

        var client = Client.Of(activity.UserAgent, mark);
        var call = new WorkloadCall(activity.Time, activity.EventId, activity.EventSource, activity.EventName, activity.Source.Raw, activity.UserAgent);
        var reach = (activity.Outcome == Outcome.Success ? CallReach.Of(activity) : Reach.Listing).ToString();
        Describe(observation.Saw(new StateKey(WorkloadState.TraitsOf(session), client.Trait), activity.Time), call, activity, reach);

        // The platform's own calls mark their network (by marker, or through a VPC endpoint); the others are kept per network.
        if (activity.Source.Network is { } network)
        {
            var where = observation.Saw(new StateKey(WorkloadState.NetworksOf(session), network), activity.Time);
            if (client.Platform || activity.Record?.VpcEndpointId is { Length: > 0 })
            {
                where.Add(WorkloadState.Marks, WorkloadState.PlatformMark);
            }
            else
            {
                Describe(where, call, activity, reach);
            }
        }

        observation.Judge(new WorkloadSession(session, activity.Time));
    }

    protected override void Plan(WorkloadSession subject, ReadPlan plan)
    {
        var identity = WorkloadState.Identity(subject.Session);
        plan.Read(identity).Then((snapshot, more) =>
        {
            // Sessions no workload is known for (people, CI) are never listed.
            if (snapshot[identity].Has(WorkloadState.Kind))
            {
                more.List(WorkloadState.TraitsOf(subject.Session)).List(WorkloadState.NetworksOf(subject.Session), NetworkLimit);
            }
        });
    }

    protected override void Judge(WorkloadSession subject, Snapshot snapshot, Judgment judgment)
    {
        var identity = snapshot[WorkloadState.Identity(subject.Session)];
        if (!identity.Has(WorkloadState.Kind) || allowList.AllowsRole(identity.Get(WorkloadState.Role)))
        {
            return;
        }

        var workload = new Workload(identity.Get(WorkloadState.Kind), identity.Get(WorkloadState.Name) ?? subject.Session, identity.Get(WorkloadState.IdentifiedBy) ?? "");
        var offending = OffPlatform(workload.Kind, snapshot.List(WorkloadState.TraitsOf(subject.Session)), snapshot.List(WorkloadState.NetworksOf(subject.Session)));
        if (offending.Count == 0)
        {
            return;
        }

        var reach = offending.SelectMany(o => o.Use.Get(WorkloadState.Reaches)).Select(r => Enum.TryParse<Reach>(r, out var value) ? value : Reach.Listing).DefaultIfEmpty(Reach.Listing).Max();
        var first = offending.Select(o => o.Use.Get(WorkloadState.First)).OfType<WorkloadCall>().OrderBy(c => c.Time).ThenBy(c => c.EventId, StringComparer.Ordinal).FirstOrDefault();
        var role = identity.Get(WorkloadState.Role);
        var evidence = new JsonObject
        {
            ["workload"] = new JsonObject { ["kind"] = workload.Kind.ToString(), ["name"] = workload.Name, ["identifiedBy"] = workload.IdentifiedBy },
            ["session"] = subject.Session,
            ["role"] = role,
            ["reach"] = reach.ToString(),
            ["firstCall"] = Describe(first),
            ["lastSeen"] = FindingJson.FormatTime(offending.Max(o => o.Use.LastSeen)),
            ["calls"] = Array(offending.SelectMany(o => o.Use.Get(WorkloadState.Calls))),
            ["sourceIPAddresses"] = Array(offending.SelectMany(o => o.Use.Get(WorkloadState.Addresses))),
            ["userAgents"] = Array(offending.Select(o => o.Use.Get(WorkloadState.First)?.UserAgent).OfType<string>()),
        };
        IEnumerable<string> signals = [DetectorId, .. offending.Select(o => o.Reason), .. ReachSignal(reach)];
        judgment.Report(Rule.At(SeverityOf(reach)).Build(
            ["session", subject.Session],
            new FindingAbout(identity.Get(WorkloadState.Account), identity.Get(WorkloadState.SessionArn) ?? role ?? subject.Session, first?.Time ?? offending.Min(o => o.Use.FirstSeen), [.. offending.SelectMany(o => o.Use.Get(WorkloadState.EventIds))]),
            signals,
            evidence,
            $"Credentials of {workload.Description} ({Arn.Parse(role)?.LastSegment ?? role}) used off the platform"));
    }

    /// <summary>
    /// The calls that cannot be the workload's, each group with its reason: by trait (<see cref="Client.OffPlatform"/>),
    /// and, for Lambda and ECS, whose SDK calls carry the platform's marker, calls without it from a network none of the
    /// marked calls came from (an extension or sidecar shares the task's network; a copy of the keys does not).
    /// </summary>
    private static List<(Sighting Use, string Reason)> OffPlatform(WorkloadKind kind, IReadOnlyList<Sighting> traits, IReadOnlyList<Sighting> networks)
    {
        var otherSystem = traits.Any(t => t.Key.Member is "other" or "windows" or "aws-cli");
        var offending = new List<(Sighting, string)>();
        foreach (var trait in traits)
        {
            if (Client.OffPlatform(trait.Key.Member, kind, otherSystem) is { } reason)
            {
                offending.Add((trait, reason));
            }
        }

        if (kind is WorkloadKind.Lambda or WorkloadKind.EcsTask && networks.Any(IsMarked))
        {
            offending.AddRange(networks.Where(n => !IsMarked(n) && n.Has(WorkloadState.First)).Select(n => (n, "client-and-network-changed")));
        }

        return offending;

        static bool IsMarked(Sighting network) => network.Get(WorkloadState.Marks).Contains(WorkloadState.PlatformMark);
    }

    // Role sessions calling for themselves, from somewhere other than an allowed network; services acting for them are the platform.
    private bool Applies(Activity activity)
    {
        var principal = activity.Principal;
        return principal.Type == PrincipalType.AssumedRole && activity.InvokedBy is null
            && activity.Source.Kind is not (SourceKind.AwsInternal or SourceKind.ServiceName)
            && Arn.Parse(principal.IssuerArn)?.IsServiceLinkedRole != true
            && !allowList.AllowsRole(principal.Key) && !allowList.AllowsAddress(activity.Source.Address);
    }

    private static void Describe(FactDraft fact, WorkloadCall call, Activity activity, string reach) =>
        fact.With(WorkloadState.First, call)
            .Add(WorkloadState.EventIds, activity.EventId)
            .Add(WorkloadState.Calls, $"{activity.Service}:{activity.EventName}")
            .Add(WorkloadState.Addresses, activity.Source.IsNetworkAddress ? activity.Source.Raw : null)
            .Add(WorkloadState.Reaches, reach);

    private static JsonObject? Describe(WorkloadCall? call) => call is null ? null : new JsonObject
    {
        ["time"] = FindingJson.FormatTime(call.Time),
        ["eventID"] = call.EventId,
        ["eventSource"] = call.EventSource,
        ["eventName"] = call.EventName,
        ["sourceIPAddress"] = call.SourceIp,
        ["userAgent"] = call.UserAgent,
    };

    private static JsonArray Array(IEnumerable<string> values) =>
        [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))];

    private static IEnumerable<string> ReachSignal(Reach reach) => reach switch
    {
        Reach.ReadingData => ["read-data"],
        Reach.Changing => ["changed-resources"],
        Reach.MintingCredentials => ["minted-credentials"],
        Reach.ChangingIam => ["changed-iam"],
        _ => [],
    };

    private static Severity SeverityOf(Reach reach) => reach switch
    {
        Reach.Listing => Severity.Medium,
        Reach.ChangingIam => Severity.Critical,
        _ => Severity.High,
    };
}
