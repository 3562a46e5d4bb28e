using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// Judges a session on everything it did: more than one network (of one address family) after the first, the clients
/// it changed to, bursts of denied calls, offensive tools on STS, and how it was obtained. Every answer is a function of
/// the session's facts (the earliest network, the denials in a window), so any delivery order gives the same findings.
/// </summary>
internal sealed class SessionJudge(RoleOptions options, AssumptionJudge assumptions)
{
    private const int NetworkLimit = 200;
    private const int DenialLimit = 500;

    public void Plan(SessionUse session, ReadPlan plan)
    {
        var summary = SessionFacts.Summary(session.Subject);
        plan.Read(summary);
        plan.Then((snapshot, more) =>
        {
            // Most sessions keep to one network and are never denied: their judgment reads nothing more.
            var facts = snapshot[summary];
            if (!session.Instance && (HasSeveralNetworks(facts) || facts.Get(SessionFacts.ToolHours).Count > 0 || facts.Get(SessionFacts.Denied).Count > 0))
            {
                PlanOrigin(session.Subject, more);
            }

            if (HasSeveralNetworks(facts))
            {
                more.List(RoleState.SessionNetworks(session.Subject), NetworkLimit);
                if (session.Instance)
                {
                    more.Then((listed, origin) =>
                    {
                        if (Where(session, listed) is { Offending.Key: { } key })
                        {
                            PlanOrigin(key, origin);
                        }
                    });
                }
            }

            if (facts.Get(SessionFacts.ToolHours).Count > 0)
            {
                more.List(RoleState.SessionTools(session.Subject));
            }

            if (facts.Get(SessionFacts.Denied).Count > 0)
            {
                more.List(RoleState.SessionDenials(session.Subject), DenialLimit)
                    .Then((listed, changes) => changes.Read(listed.List(RoleState.SessionDenials(session.Subject)).SelectMany(d => ChangeKeys(session, d))));
            }
        });
    }

    public void Judge(SessionUse session, Snapshot snapshot, Judgment judgment)
    {
        var facts = snapshot[SessionFacts.Summary(session.Subject)];
        if (facts is null)
        {
            return;
        }

        session = session with
        {
            PrincipalKey = facts.Get(SessionFacts.PrincipalKey) ?? session.PrincipalKey,
            PrincipalArn = facts.Get(SessionFacts.PrincipalArn),
            Account = facts.Get(SessionFacts.Account),
        };

        var signals = new List<RoleSignal>();
        var events = new List<(DateTimeOffset Time, IReadOnlyList<string> Ids)>();
        var evidence = new JsonObject { ["session"] = session.Subject };
        Trigger? first = null;
        var where = HasSeveralNetworks(facts) ? Where(session, snapshot) : null;
        if (where is not null)
        {
            AddWhere(session, where, signals, evidence);
            events.Add((where.Offending.Time, where.EventIds));
            first = where.Offending;
        }

        if (facts.Get(SessionFacts.Denied).Count > 0 && Burst(session, snapshot) is { } burst)
        {
            signals.AddRange(burst.Hits.Select(hit => new RoleSignal("access-denied-burst", RoleWeights.DenialBurst, $"{hit.Calls} denied calls ({hit.Roles} roles) within 10 minutes")));
            evidence["deniedCallsIn10Minutes"] = burst.Hits[0].Calls;
            evidence["deniedRoleTargets"] = burst.Hits[0].Roles;
            events.Add((burst.Hits[0].Trigger.Time, [.. burst.Hits.Select(h => h.Trigger.EventId).OfType<string>()]));
            first = first is null || burst.Hits[0].Trigger.Time < first.Time ? burst.Hits[0].Trigger : first;
        }

        var tools = facts.Get(SessionFacts.ToolHours).Count > 0 ? snapshot.List(RoleState.SessionTools(session.Subject)) : [];
        if (signals.Count == 0 && tools.Count == 0)
        {
            return;
        }

        // An instance session's keys rotate: its origin is the key of the use away from the instance.
        var key = session.Instance ? where?.Offending.Key : session.Subject;
        var origin = key is null ? null : snapshot[RoleState.Session(key)];
        var issuing = RoleDigest.Remembered(origin) as Assumption;
        var (originSignals, originDepth) = issuing is null ? ([], 0) : assumptions.Signals(issuing, snapshot);
        var originScore = RoleScore.Of(originSignals);
        int? depth = issuing is null ? null : originDepth;
        if (first is not null && signals.Count > 0)
        {
            AddOrigin(signals, origin, originScore);
            Describe(evidence, first, origin, depth);
            judgment.Report(RoleFindings.Session(session, first.Time, [.. events.SelectMany(e => e.Ids)], signals, evidence));
        }

        foreach (var tool in tools)
        {
            var toolSignals = new List<RoleSignal> { new("offensive-user-agent", RoleWeights.OffensiveAgent, $"session used by an offensive or scanning tool ({tool.Get(RoleState.First)?.Tool})") };
            AddOrigin(toolSignals, origin, originScore);
            var trigger = Trigger.Of(tool);
            var toolEvidence = new JsonObject { ["session"] = session.Subject };
            Describe(toolEvidence, trigger, origin, depth);
            judgment.Report(RoleFindings.Tool(session, tool.Key.Member, trigger.Time, tool.Get(SessionFacts.EventIds), toolSignals, toolEvidence));
        }
    }

    private static void AddOrigin(List<RoleSignal> signals, Sighting? origin, int score)
    {
        // A session obtained through a suspicious assumption carries that suspicion into what it does next.
        if (signals.Count > 0 && score >= RoleScore.ReportAt)
        {
            signals.Add(new("suspicious-origin", RoleWeights.SuspiciousOrigin, $"session issued by a suspicious {origin.Get(RoleState.Via)} (score {score})"));
        }
    }

    private static void Describe(JsonObject evidence, Trigger trigger, Sighting? origin, int? depth)
    {
        evidence["accessKeyId"] = trigger.Key;
        evidence["eventName"] = trigger.EventName;
        evidence["sourceIPAddress"] = trigger.Ip;
        evidence["userAgent"] = trigger.UserAgent;
        evidence["obtainedVia"] = origin.Get(RoleState.Via);
        evidence["obtainedBy"] = origin.Get(RoleState.IssuedBy);
        evidence["obtainedFrom"] = origin.Get(RoleState.IssuedFrom);
        evidence["obtainedAt"] = origin.Has(RoleState.IssuedAt) ? FindingJson.FormatTime(origin.Get(RoleState.IssuedAt)) : null;
        evidence["chainDepth"] = depth;
    }

    private static void AddWhere(SessionUse session, Networks where, List<RoleSignal> signals, JsonObject evidence)
    {
        evidence["firstNetwork"] = where.First.Key.Member;
        evidence["firstSeen"] = FindingJson.FormatTime(where.First.FirstSeen);
        evidence["networks"] = where.CountAtOffending;
        evidence["firstUserAgentFamily"] = where.FirstAgent;
        var now = where.Offending.Network;
        var agentChanged = where.ChangedAgent is { } changed;
        if (session.Instance)
        {
            signals.Add(new("instance-credential-off-instance", RoleWeights.OffInstance, $"instance session first used from {where.First.Key.Member}, now from {now}"));
            if (agentChanged)
            {
                signals.Add(new("user-agent-changed", RoleWeights.InstanceAgentChanged, $"client changed from {where.FirstAgent} to {where.ChangedAgent}"));
            }
        }
        else
        {
            signals.Add(new("session-multiple-networks", RoleWeights.MultipleNetworks, $"one session used from {where.CountAtOffending} networks ({where.First.Key.Member} first, now {now})"));
            if (agentChanged)
            {
                signals.Add(new("session-user-agent-changed", RoleWeights.SessionAgentChanged, $"client changed from {where.FirstAgent} to {where.ChangedAgent}"));
            }
        }
    }

    /// <summary>
    /// The session's networks of one address family after its first, leaving out allow-listed addresses: the earliest
    /// of them is the offending use. Null when the session kept to one network.
    /// </summary>
    private Networks? Where(SessionUse session, Snapshot snapshot)
    {
        var all = snapshot.List(RoleState.SessionNetworks(session.Subject)).OrderBy(n => n.FirstSeen).ThenBy(n => n.Key.Member, StringComparer.Ordinal).ToArray();
        if (all.Length == 0)
        {
            return null;
        }

        var firstAgent = all[0].Get(RoleState.First)?.Family;
        Networks? found = null;
        foreach (var family in all.GroupBy(n => n.Get(RoleState.Family)))
        {
            var ordered = family.ToArray();
            var later = ordered.Skip(1).Where(n => !options.AllowList.AllowsAddress(SourceAddress.Parse(n.Get(RoleState.First)?.SourceIp).Address)).ToArray();
            if (later.Length == 0)
            {
                continue;
            }

            var offending = Trigger.Of(later[0]);
            if (found is null || offending.Time < found.Offending.Time)
            {
                var changed = later.SelectMany(n => n.Get(SessionFacts.Agents)).FirstOrDefault(a => a != firstAgent);
                found = new Networks(ordered[0], offending, ordered.Count(n => n.FirstSeen <= offending.Time), firstAgent, changed, [.. later.SelectMany(n => n.Get(SessionFacts.EventIds))]);
            }
        }

        return found;
    }

    private static bool HasSeveralNetworks(Sighting? facts) =>
        facts.Get(SessionFacts.Networks).GroupBy(n => n.Split('|')[0], StringComparer.Ordinal).Any(family => family.Count() > 1);

    /// <summary>
    /// The denied calls that complete a burst: at least <see cref="RoleOptions.BurstCalls"/> counted denials, or denied
    /// AssumeRole on <see cref="RoleOptions.BurstRoles"/> roles, within the window ending at each. A denial IAM's
    /// propagation explains is not counted, and neither is a quick retry on the same role.
    /// </summary>
    private DenialBurst? Burst(SessionUse session, Snapshot snapshot)
    {
        var denials = snapshot.List(RoleState.SessionDenials(session.Subject)).OrderBy(d => d.FirstSeen).ThenBy(d => d.Key.Member, StringComparer.Ordinal).ToArray();
        var propagating = denials.Where(d => ChangeKeys(session, d).Any(key => snapshot[key] is { } change && change.FirstSeen <= d.FirstSeen && change.LastSeen >= d.FirstSeen - options.PropagationDelay)).ToHashSet();
        var hits = new List<(Trigger Trigger, int Calls, int Roles)>();
        foreach (var denial in denials.Where(d => !propagating.Contains(d)))
        {
            var at = denial.FirstSeen;
            var window = denials.Where(d => d.FirstSeen <= at && d.FirstSeen > at - options.BurstWindow).ToArray();
            var counted = window.Where(d => !propagating.Contains(d) && !IsRetry(d, window)).ToArray();
            var roles = counted.Select(DeniedRole).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            if (counted.Length >= options.BurstCalls || roles >= options.BurstRoles)
            {
                hits.Add((Trigger.Of(denial), counted.Length, roles));
            }
        }

        return hits.Count == 0 ? null : new DenialBurst(hits);
    }

    // The same role denied again within seconds is a client waiting for IAM to propagate a new trust policy
    // (Terraform, Stratus), not a probe: CloudTrail often delivers the CreateRole that explains it in a later file.
    private bool IsRetry(Sighting denial, Sighting[] window) =>
        DeniedRole(denial) is { } target
        && window.Any(other => other.Key != denial.Key && DeniedRole(other) == target && (other.FirstSeen - denial.FirstSeen).Duration() <= options.PropagationDelay);

    private static string? DeniedRole(Sighting denial) => denial.Get(RoleState.First)?.DeniedRole;

    /// <summary>The minute buckets in which a change by the session's principal would explain a denied AssumeRole as propagation.</summary>
    private IEnumerable<StateKey> ChangeKeys(SessionUse session, Sighting denial)
    {
        if (Arn.Parse(DeniedRole(denial)) is not { Account.Length: > 0, LastSegment: { } roleName } role)
        {
            yield break;
        }

        for (var minute = RoleState.Minute(denial.FirstSeen); minute >= RoleState.Minute(denial.FirstSeen - options.PropagationDelay); minute--)
        {
            yield return RoleState.Change(role.Account, roleName, session.PrincipalKey, minute);
        }
    }

    private void PlanOrigin(string key, ReadPlan plan)
    {
        plan.Read(RoleState.Session(key)).Then((snapshot, more) =>
        {
            if (RoleDigest.Remembered(snapshot[RoleState.Session(key)]) is Assumption issuing)
            {
                assumptions.Plan(issuing, more);
            }
        });
    }

    /// <summary>The first event of a network, denial or tool hour: what the finding shows of it.</summary>
    private sealed record Trigger(DateTimeOffset Time, string Network, SessionEvent? Event)
    {
        public string? EventId => Event?.EventId;

        public string? EventName => Event?.EventName;

        public string? Key => Event?.AccessKeyId;

        public string? Ip => Event?.SourceIp;

        public string? UserAgent => Event?.UserAgent;

        public static Trigger Of(Sighting member) => new(member.FirstSeen, member.Key.Member, member.Get(RoleState.First));
    }

    private sealed record Networks(Sighting First, Trigger Offending, int CountAtOffending, string? FirstAgent, string? ChangedAgent, IReadOnlyList<string> EventIds);

    private sealed record DenialBurst(IReadOnlyList<(Trigger Trigger, int Calls, int Roles)> Hits);
}
