using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.State;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>
/// Each rule of <see cref="RoleTriggers"/> on its own: which late fact has which subjects judged again, over what window,
/// and which changes leave everything as it was. (The story and property tests show the rules are needed; these pin
/// what each one asks for.)
/// </summary>
public sealed class RoleTriggersTests
{
    private const string Account = "111122223333";
    private const string Role = "arn:aws:iam::111122223333:role/deploy";
    private static readonly DateTimeOffset T0 = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly RoleOptions Options = new() { LearningPeriod = TimeSpan.FromDays(14), PropagationDelay = TimeSpan.FromSeconds(60) };
    private static readonly RoleAssumptionDetector Detector = new(Options);

    [Fact]
    public void AnAccountsFirstActivityMovingEarlier_JudgesTheNoveltyOfTheLearningPeriodItLeft()
    {
        var key = RoleState.AccountFirst(Account);
        var triggers = Run(Change(key, Fact(key, T0), Fact(key, T0.AddDays(-3))));

        var (scope, children, select) = triggers.Listed.ShouldHaveSingleItem();
        scope.ShouldBe(RoleState.TargetScope(Account));
        children!(Fact(RoleState.Target(Account, Role), T0)).ShouldBe(RoleState.BaselineScopes(Role));
        var from = T0.AddDays(-3) + Options.LearningPeriod;
        var to = T0 + Options.LearningPeriod;
        select(Fact(RoleState.Caller(Role, "c"), from)).ShouldBeTrue();
        select(Fact(RoleState.Caller(Role, "c"), to.AddTicks(-1))).ShouldBeTrue();
        select(Fact(RoleState.Caller(Role, "c"), from.AddTicks(-1))).ShouldBeFalse();
        select(Fact(RoleState.Caller(Role, "c"), to)).ShouldBeFalse();
    }

    [Fact]
    public void AnAccountFirstSeen_OrSeenLater_ChangesNoLearningPeriod()
    {
        var key = RoleState.AccountFirst(Account);

        Run(Change(key, null, Fact(key, T0))).ShouldBeEmpty();
        Run(Change(key, Fact(key, T0), Fact(key, T0.AddDays(1)))).ShouldBeEmpty();
        Run(Change(key, Fact(key, T0), Fact(key, T0))).ShouldBeEmpty();
    }

    [Fact]
    public void ARoleAssumedOnAnEarlierDay_JudgesItsHoursAndCallersFromThatDay()
    {
        var key = RoleState.Target(Account, Role);
        var before = Fact(key, T0);
        var triggers = Run(Change(key, before, before.Merge(Fact(key, T0.AddDays(-2))), Fact(key, T0.AddDays(-2))));

        triggers.Listed.Select(l => l.Scope).ShouldBe([RoleState.HourScope(Role), RoleState.CallerScope(Role)]);
        var dayStart = Sighting.DayStart(Sighting.DayNumber(T0.AddDays(-2)));
        foreach (var (_, children, select) in triggers.Listed)
        {
            children.ShouldBeNull();
            select(Fact(RoleState.Caller(Role, "c"), dayStart)).ShouldBeTrue();
            select(Fact(RoleState.Caller(Role, "c"), dayStart.AddTicks(-1))).ShouldBeFalse();
        }
    }

    [Fact]
    public void ARoleAssumedAgainOnItsLatestDayOrLater_OrForTheFirstTime_JudgesNothing()
    {
        var key = RoleState.Target(Account, Role);
        var before = Fact(key, T0);

        Run(Change(key, before, before.Merge(Fact(key, T0.AddHours(1))), Fact(key, T0.AddHours(1)))).ShouldBeEmpty();
        Run(Change(key, before, before.Merge(Fact(key, T0.AddDays(1))), Fact(key, T0.AddDays(1)))).ShouldBeEmpty();
        Run(Change(key, null, before)).ShouldBeEmpty();
    }

    [Fact]
    public void ANewOrEarlierCaller_JudgesTheCallersFirstSeenAfterIt_ButNotItself()
    {
        var key = RoleState.Caller(Role, "arn:aws:iam::111122223333:user/bob");
        var triggers = Run(Change(key, Fact(key, T0), Fact(key, T0.AddHours(-5))));

        var (scope, children, select) = triggers.Listed.ShouldHaveSingleItem();
        scope.ShouldBe(RoleState.CallerScope(Role));
        children.ShouldBeNull();
        select(Fact(RoleState.Caller(Role, "carol"), T0.AddHours(-4))).ShouldBeTrue();
        select(Fact(RoleState.Caller(Role, "carol"), T0.AddHours(-5))).ShouldBeFalse();
        select(Fact(key, T0)).ShouldBeFalse();
        Run(Change(key, Fact(key, T0), Fact(key, T0.AddHours(5)))).ShouldBeEmpty();
    }

    [Fact]
    public void MfaFirstUsedEarlier_JudgesTheFirstAssumptionWithoutIt()
    {
        var mfa = RoleState.Mfa(Role, true);
        var noMfa = RoleState.Mfa(Role, false);

        Run(Change(mfa, Fact(mfa, T0), Fact(mfa, T0.AddDays(-1)))).Remembered.ShouldBe([noMfa]);
        Run(Change(mfa, null, Fact(mfa, T0))).Remembered.ShouldBe([noMfa]);
        Run(Change(mfa, Fact(mfa, T0), Fact(mfa, T0.AddDays(1)))).ShouldBeEmpty();
        Run(Change(noMfa, null, Fact(noMfa, T0))).ShouldBeEmpty();
    }

    [Fact]
    public void ARoleChange_JudgesTheCallersFirstAssumption_AndTheDenialsItsPropagationExplains()
    {
        var key = RoleState.Change(Account, "deploy", "arn:aws:iam::111122223333:user/bob", RoleState.Minute(T0));
        var incoming = Fact(key, T0, d => d.With(RoleState.IssuedTo, Role));
        var triggers = Run(Change(key, null, incoming.Merge(Fact(key, T0.AddSeconds(-30))), incoming));

        triggers.Remembered.ShouldBe([RoleState.Caller(Role, "arn:aws:iam::111122223333:user/bob")]);
        triggers.Indexed.ShouldBe([(RoleState.DenialsOfRole(Account, "deploy"), T0, T0 + Options.PropagationDelay + TimeSpan.FromTicks(1))]);
    }

    [Fact]
    public void ARoleChangeWithoutItsRole_StillExplainsDenials_AndAMalformedKeyNothing()
    {
        var key = RoleState.Change(Account, "deploy", "bob", RoleState.Minute(T0));
        var plain = Run(Change(key, null, Fact(key, T0)));

        plain.Remembered.ShouldBeEmpty();
        plain.Indexed.ShouldHaveSingleItem().Scope.ShouldBe(RoleState.DenialsOfRole(Account, "deploy"));

        var noColon = new StateKey("role-change:111122223333", "bob|1");
        var noBar = new StateKey(RoleState.ChangeScope(Account, "deploy"), "bob");
        Run(Change(noColon, null, Fact(noColon, T0))).ShouldBeEmpty();
        Run(Change(noBar, null, Fact(noBar, T0))).ShouldBeEmpty();
    }

    [Fact]
    public void AnIssuanceArrivingAfterItsUses_JudgesTheSessionItsInstanceAndItsChain()
    {
        var key = RoleState.Session("ASIAPARENT0000000001");
        var before = Fact(key, T0.AddMinutes(5), d => d.Add(RoleState.Children, "child-event"));
        var issued = Fact(key, T0, d => d.With(RoleState.Via, "AssumeRole"));
        var triggers = Run(Change(key, before, before.Merge(issued), issued));

        triggers.Remembered.ShouldBe([SessionFacts.Summary("ASIAPARENT0000000001"), RoleState.InstanceKey("ASIAPARENT0000000001")]);
        triggers.Indexed.ShouldBe([(RoleState.ChainScope("ASIAPARENT0000000001"), DateTimeOffset.MinValue, DateTimeOffset.MaxValue)]);

        var childless = Run(Change(key, null, issued));
        childless.Remembered.Count.ShouldBe(2);
        childless.Indexed.ShouldBeEmpty();
    }

    [Fact]
    public void ASessionKeyWhoseIssuanceWasKnown_OrIsStillUnknown_JudgesNothing()
    {
        var key = RoleState.Session("ASIAPARENT0000000001");
        var issued = Fact(key, T0, d => d.With(RoleState.Via, "AssumeRole"));
        var child = Fact(key, T0.AddMinutes(5), d => d.Add(RoleState.Children, "child-event"));

        Run(Change(key, issued, issued.Merge(child), child)).ShouldBeEmpty();
        Run(Change(key, null, child)).ShouldBeEmpty();
    }

    [Fact]
    public void ASessionSeenFromANewNetwork_InANewToolHour_OrEarlier_IsJudged()
    {
        var session = new SessionUse { Subject = "ASIASESSION000000001", PrincipalKey = Role, Time = T0 };
        var key = SessionFacts.Summary(session.Subject);
        var before = Fact(key, T0, d => d.Add(SessionFacts.Networks, "v4|198.51.100.0/24").Remember(session));

        Run(Change(key, null, before)).Subjects.ShouldBe([session]);
        Run(Change(key, before, before.Merge(Fact(key, T0.AddMinutes(1), d => d.Add(SessionFacts.Networks, "v4|203.0.113.0/24"))))).Subjects.ShouldBe([session]);
        Run(Change(key, before, before.Merge(Fact(key, T0.AddMinutes(1), d => d.Add(SessionFacts.ToolHours, "2026-10-20T12"))))).Subjects.ShouldBe([session]);
        Run(Change(key, before, before.Merge(Fact(key, T0.AddMinutes(-1))))).Subjects.ShouldBe([session]);
    }

    [Fact]
    public void ASessionUsedAgainTheSameWay_OrRememberingNoSubject_IsNotJudged()
    {
        var session = new SessionUse { Subject = "ASIASESSION000000001", PrincipalKey = Role, Time = T0 };
        var key = SessionFacts.Summary(session.Subject);
        var before = Fact(key, T0, d => d.Add(SessionFacts.Networks, "v4|198.51.100.0/24").Add(SessionFacts.ToolHours, "2026-10-20T12").Remember(session));

        Run(Change(key, before, before.Merge(Fact(key, T0.AddMinutes(1), d => d.Add(SessionFacts.Networks, "v4|198.51.100.0/24"))))).ShouldBeEmpty();
        Run(Change(key, null, Fact(key, T0))).ShouldBeEmpty();
    }

    [Fact]
    public void OtherScopes_JudgeNothing()
    {
        foreach (var key in new[] { RoleState.Network(Role, "api:198.51.100.0/24"), RoleState.Hour(Role, 3), new StateKey("root-usage:x", "y") })
        {
            Run(Change(key, null, Fact(key, T0))).ShouldBeEmpty(key.ToString());
        }
    }

    private static Sighting Fact(StateKey key, DateTimeOffset at, Action<FactDraft>? fill = null)
    {
        var draft = new FactDraft(key, at, Detector);
        fill?.Invoke(draft);
        return draft.ToSighting();
    }

    private static SlotChange Change(StateKey key, Sighting? before, Sighting incoming) =>
        new(key, before, before is null ? incoming : before.Merge(incoming), incoming);

    private static SlotChange Change(StateKey key, Sighting? before, Sighting after, Sighting incoming) => new(key, before, after, incoming);

    private static Asked Run(SlotChange change)
    {
        var triggers = new Triggers();
        RoleTriggers.OnChanged(change, triggers, Options, Detector);
        return new Asked(triggers);
    }

    /// <summary>What one change asked to judge again.</summary>
    private sealed class Asked(Triggers triggers)
    {
        public IReadOnlyList<ISubject> Subjects => triggers.Subjects;

        public IReadOnlyList<(string Scope, DateTimeOffset From, DateTimeOffset To)> Indexed => triggers.Indexed;

        public IReadOnlyList<StateKey> Remembered => triggers.Remembered;

        public IReadOnlyList<(string Scope, Func<Sighting, IEnumerable<string>>? Children, Func<Sighting, bool> Select)> Listed => triggers.Listed;

        public void ShouldBeEmpty(string? because = null)
        {
            Subjects.ShouldBeEmpty(because);
            Indexed.ShouldBeEmpty(because);
            Remembered.ShouldBeEmpty(because);
            Listed.ShouldBeEmpty(because);
        }
    }
}
