using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>
/// Which subjects a changed fact has judged again, beyond the displaced earliest ones the engine finds itself. Each rule
/// names what a late fact can change: the learning period, a role's history of days and callers, a deployment or
/// propagation that explains what followed, a chain's parent arriving after its child, a session's new network.
/// </summary>
internal static class RoleTriggers
{
    public static void OnChanged(SlotChange change, Triggers triggers, RoleOptions options, RoleAssumptionDetector detector)
    {
        var scope = change.Key.Scope;
        if (scope.StartsWith("role-account:", StringComparison.Ordinal))
        {
            LearningMoved(change, triggers, options);
        }
        else if (scope.StartsWith("role-target:", StringComparison.Ordinal))
        {
            DaysAdded(change, triggers);
        }
        else if (scope.StartsWith("role-caller:", StringComparison.Ordinal))
        {
            CallerAdded(change, triggers);
        }
        else if (scope.StartsWith("role-mfa:", StringComparison.Ordinal))
        {
            if (change.Key.Member == "mfa" && change.FirstMovedEarlier)
            {
                triggers.JudgeRemembered(RoleState.Mfa(scope["role-mfa:".Length..], false));
            }
        }
        else if (scope.StartsWith("role-change:", StringComparison.Ordinal))
        {
            RoleChanged(change, triggers, options);
        }
        else if (scope.StartsWith("role-session-sum:", StringComparison.Ordinal))
        {
            SessionGrew(change, triggers, detector);
        }
        else if (scope.StartsWith("role-session:", StringComparison.Ordinal))
        {
            ParentArrived(change, triggers);
        }
    }

    /// <summary>An account's first activity moved earlier: novelty first seen in the part of the old learning period now past it counts.</summary>
    private static void LearningMoved(SlotChange change, Triggers triggers, RoleOptions options)
    {
        if (change.Before is not { } before || change.After.FirstSeen >= before.FirstSeen)
        {
            return;
        }

        var account = change.Key.Scope["role-account:".Length..];
        DateTimeOffset from = change.After.FirstSeen + options.LearningPeriod, to = before.FirstSeen + options.LearningPeriod;
        triggers.JudgeListedUnder(RoleState.TargetScope(account), target => RoleState.BaselineScopes(target.Key.Member), member => member.FirstSeen >= from && member.FirstSeen < to);
    }

    /// <summary>A role assumed on a day before its latest: its unusual hours, and the history its new callers are shown against, change after it.</summary>
    private static void DaysAdded(SlotChange change, Triggers triggers)
    {
        if (change.Before is not { } before || !change.NewDays.Any(d => d < Sighting.DayNumber(before.LastSeen)))
        {
            return;
        }

        var from = Sighting.DayStart(change.NewDays.Min());
        var target = change.Key.Member;
        triggers.JudgeListed(RoleState.HourScope(target), member => member.FirstSeen >= from);
        triggers.JudgeListed(RoleState.CallerScope(target), member => member.FirstSeen >= from);
    }

    /// <summary>A new (or earlier) caller of a role changes how many callers the role had before each later new caller.</summary>
    private static void CallerAdded(SlotChange change, Triggers triggers)
    {
        if (change.FirstMovedEarlier)
        {
            var from = change.After.FirstSeen;
            triggers.JudgeListed(change.Key.Scope, member => member.FirstSeen > from && member.Key != change.Key);
        }
    }

    /// <summary>A role changed by a caller: its first assumption of the role may be a deployment, its denials propagation.</summary>
    private static void RoleChanged(SlotChange change, Triggers triggers, RoleOptions options)
    {
        var rest = change.Key.Scope["role-change:".Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        var bar = change.Key.Member.LastIndexOf('|');
        if (colon < 0 || bar < 0)
        {
            return;
        }

        string account = rest[..colon], roleName = rest[(colon + 1)..], caller = change.Key.Member[..bar];
        if (change.After.Get(RoleState.IssuedTo) is { } role)
        {
            triggers.JudgeRemembered(RoleState.Caller(role, caller));
        }

        triggers.JudgeIndexed(RoleState.DenialsOfRole(account, roleName), change.Incoming.FirstSeen, change.Incoming.LastSeen + options.PropagationDelay + TimeSpan.FromTicks(1));
    }

    /// <summary>
    /// A key's issuance arrived after its uses: the session that used it shows where it came from now (its own key, or an
    /// instance session's rotated one), and the chained assumptions made with it count it in their depth.
    /// </summary>
    private static void ParentArrived(SlotChange change, Triggers triggers)
    {
        if (!change.After.Has(RoleState.Via) || change.Before.Has(RoleState.Via))
        {
            return;
        }

        var key = change.Key.Scope["role-session:".Length..];
        triggers.JudgeRemembered(SessionFacts.Summary(key));
        triggers.JudgeRemembered(RoleState.InstanceKey(key));
        if (change.After.Get(RoleState.Children).Count > 0)
        {
            triggers.JudgeIndexed(RoleState.ChainScope(key), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }
    }

    /// <summary>A session seen from a new network, or running a tool in a new hour: judge it.</summary>
    private static void SessionGrew(SlotChange change, Triggers triggers, RoleAssumptionDetector detector)
    {
        var before = change.Before;
        var grew = before is null
            || !before.Get(SessionFacts.Networks).SequenceEqual(change.After.Get(SessionFacts.Networks), StringComparer.Ordinal)
            || !before.Get(SessionFacts.ToolHours).SequenceEqual(change.After.Get(SessionFacts.ToolHours), StringComparer.Ordinal)
            || change.FirstMovedEarlier;
        if (grew && detector.DecodeRemembered(change.After) is { } session)
        {
            triggers.Judge(session);
        }
    }
}
