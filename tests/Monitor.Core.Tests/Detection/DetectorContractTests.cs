using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection;

/// <summary>What a detector may do through the engine: observe facts, declare reads, read exactly those, judge.</summary>
public sealed class DetectorContractTests
{
    private static readonly StateKey Declared = new("probe", "declared");
    private static readonly StateKey Other = new("probe", "other");
    private static readonly SlotAttribute<string> Latest = new("latest", Codecs.Text);
    private static readonly SlotAttribute<string> Earliest = new("earliest", Codecs.Text, AttributeMerge.Earliest);
    private static readonly SlotSet Values = new("values");

    private static async Task<(ChunkOutcome Outcome, List<string> Rejected, InMemoryStateStore Store)> RunAsync(IObserver[] observers, params Activity[] activities)
    {
        var store = new InMemoryStateStore();
        var rejected = new List<string>();
        var outcome = await new DetectionEngine(observers, store).RunAsync(activities, (a, reason) => rejected.Add(reason), CancellationToken.None);
        return (outcome, rejected, store);
    }

    private static Finding Reported(Probe probe, string signal) =>
        new FindingRule("probe", signal, Severity.Info, "probe", "none").Build([probe.EventId], new FindingAbout(Some.Account, "p", probe.Time, probe.EventId), [signal], new JsonObject());

    [Fact]
    public async Task JudgmentFails_WhenItReadsAKeyItsPlanDidNotDeclare()
    {
        var probe = new ProbeDetector { OnPlan = (_, plan) => plan.Read(Declared), OnJudge = (_, snapshot, _) => _ = snapshot[Other] };

        var (outcome, _, _) = await RunAsync([probe], Some.Activity());

        outcome.Errors.ShouldHaveSingleItem().ShouldContain("Detector probe read probe/other, which its plan did not declare.");
    }

    [Fact]
    public async Task JudgmentFails_WhenItListsAScopeItsPlanDidNotDeclare()
    {
        var probe = new ProbeDetector { OnPlan = (_, plan) => plan.List("declared"), OnJudge = (_, snapshot, _) => _ = snapshot.List("other") };

        var (outcome, _, _) = await RunAsync([probe], Some.Activity());

        outcome.Errors.ShouldHaveSingleItem().ShouldContain("Detector probe read list other, which its plan did not declare.");
    }

    [Fact]
    public async Task JudgmentReadsWhatItsPlanDeclared_FollowUpsIncluded()
    {
        var seen = new List<string>();
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                observation.Saw(Declared, activity.Time).With(Latest, "next");
                observation.Saw(Other, activity.Time);
                observation.Judge(Probe.Of(activity));
            },
            OnPlan = (_, plan) => plan.Read([Declared]).Then((snapshot, more) => more.Read(new StateKey("probe", snapshot[Declared].Get(Latest)!))),
            OnJudge = (_, snapshot, _) => seen.Add($"{snapshot[Declared] is not null} {snapshot[new StateKey("probe", "next")] is null}"),
        };

        var (outcome, _, _) = await RunAsync([probe], Some.Activity());

        outcome.Errors.ShouldBeEmpty();
        seen.ShouldBe(["True True"]);
    }

    [Fact]
    public async Task ListReadsUpToTheLargestLimitAsked()
    {
        var counts = new List<int>();
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    observation.Saw(new StateKey("members", $"m{i}"), activity.Time);
                }

                observation.Judge(Probe.Of(activity));
            },
            OnPlan = (_, plan) => plan.List("members", 3).List("members", 2),
            OnJudge = (_, snapshot, _) => counts.Add(snapshot.List("members").Count),
        };

        await RunAsync([probe], Some.Activity());

        counts.ShouldBe([3]);
    }

    [Fact]
    public void List_ReadsUpToTheDefaultLimit_UnlessAskedForMore()
    {
        var plan = new ReadPlan().List("a").List("b", 20).List("c", ReadPlan.DefaultListLimit + 1);

        plan.Lists.ShouldBe(new Dictionary<string, int> { ["a"] = ReadPlan.DefaultListLimit, ["b"] = 20, ["c"] = ReadPlan.DefaultListLimit + 1 });
    }

    [Fact]
    public void Clear_ForgetsEveryRead()
    {
        var plan = new ReadPlan().Read(Declared).List("a").Then((_, _) => { });

        plan.Clear();

        plan.Keys.ShouldBeEmpty();
        plan.Lists.ShouldBeEmpty();
        plan.Continuations.ShouldBeEmpty();
    }

    [Fact]
    public async Task FactsKeepTheirAttributesAndSets_SkippingNullValues()
    {
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) => observation.Saw(Declared, activity.Time)
                .With(Latest, "a").With(Latest, null).With(Earliest, "first").With<string>(Earliest, null)
                .Add(Values, "y").Add(Values, null).Add(Values, "x").Add(Values, "y"),
        };

        var (_, _, store) = await RunAsync([probe], Some.Activity());

        var fact = store.Sightings[Declared];
        fact.Get(Latest).ShouldBe("a");
        fact.Get(Earliest).ShouldBe("first");
        fact.Get(Values).ShouldBe(["x", "y"]);
        fact.FirstSeen.ShouldBe(Some.Time);
    }

    [Fact]
    public async Task OneFact_KeepsTheLatestAndTheEarliestValueOfAnAttributeSetTwice()
    {
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) => observation.Saw(Declared, activity.Time)
                .With(Latest, "a").With(Latest, "b").With(Earliest, "b").With(Earliest, "a"),
        };

        var (_, _, store) = await RunAsync([probe], Some.Activity());

        // Same event time: latest-wins keeps the ordinally larger, earliest-wins the smaller.
        store.Sightings[Declared].Get(Latest).ShouldBe("b");
        store.Sightings[Declared].Get(Earliest).ShouldBe("a");
    }

    [Fact]
    public async Task FactsKeepAtMostTheSmallestSetValues()
    {
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                var fact = observation.Saw(Declared, activity.Time);
                foreach (var i in Enumerable.Range(0, Sighting.MaxSetSize + 6).Reverse())
                {
                    fact.Add(Values, $"v{i:D3}");
                }
            },
        };

        var (_, _, store) = await RunAsync([probe], Some.Activity());

        var values = store.Sightings[Declared].Get(Values);
        values.Count.ShouldBe(Sighting.MaxSetSize);
        values[0].ShouldBe("v000");
    }

    [Fact]
    public async Task AnActivityAnObserverCannotHandle_IsRejectedAndLeavesNoFact()
    {
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                observation.Saw(Declared, activity.Time);
                observation.Judge(Probe.Of(activity));
                throw new InvalidOperationException("bad record");
            },
            OnJudge = (probe, _, judgment) => judgment.Report(Reported(probe, "judged")),
        };

        var (outcome, rejected, store) = await RunAsync([probe], Some.Activity());

        rejected.ShouldBe(["could not be judged (InvalidOperationException: bad record)"]);
        store.Sightings.ShouldBeEmpty();
        outcome.Errors.ShouldBeEmpty();
        (await store.ListFindingsAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ARejectedActivity_LeavesNoFactOrJudgment_ForTheActivitiesAfterIt()
    {
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                observation.Saw(activity.EventName == "Bad" ? Declared : Other, activity.Time);
                observation.Judge(Probe.Of(activity));
                if (activity.EventName == "Bad")
                {
                    throw new InvalidOperationException("bad record");
                }
            },
            OnJudge = (probe, _, judgment) => judgment.Report(Reported(probe, "judged " + probe.EventId)),
        };
        var bad = Some.Activity("Bad", at: Some.Time);
        var good = Some.Activity("Good", at: Some.Time.AddMinutes(1));

        var (_, rejected, store) = await RunAsync([probe], good, bad);

        rejected.ShouldBe(["could not be judged (InvalidOperationException: bad record)"]);
        store.Sightings.Keys.ShouldBe([Other]);
        (await store.ListFindingsAsync(CancellationToken.None)).Select(f => f.Signals[0]).ShouldBe(["judged " + good.EventId]);
    }

    [Fact]
    public async Task AnObserverThatIsNotADetector_CannotAskForJudgments()
    {
        var recorder = new RecordingObserver((activity, observation) => observation.Judge(new Probe(activity.EventId, activity.Time)));

        var (_, rejected, _) = await RunAsync([recorder], Some.Activity());

        rejected.ShouldBe(["could not be judged (InvalidOperationException: Observer recorder is not a detector: it cannot ask for judgments.)"]);
    }

    [Fact]
    public async Task AnObserverThatIsNotADetector_CannotRememberSubjects()
    {
        var recorder = new RecordingObserver((activity, observation) => observation.Saw(Declared, activity.Time).Remember(new Probe(activity.EventId, activity.Time)));

        var (_, rejected, _) = await RunAsync([recorder], Some.Activity());

        rejected.ShouldBe(["could not be judged (InvalidOperationException: Only a detector can remember subjects.)"]);
    }

    [Fact]
    public async Task ADetectorAfterARecorder_StillJudges()
    {
        var recorder = new RecordingObserver((activity, observation) => observation.Saw(Other, activity.Time));
        var probe = new ProbeDetector { OnJudge = (probe, _, judgment) => judgment.Report(Reported(probe, "judged")) };

        var (outcome, rejected, store) = await RunAsync([recorder, probe], Some.Activity());

        rejected.ShouldBeEmpty();
        outcome.Errors.ShouldBeEmpty();
        store.Sightings.Keys.ShouldBe([Other]);
        (await store.ListFindingsAsync(CancellationToken.None)).Select(f => f.Signals[0]).ShouldBe(["judged"]);
    }

    [Fact]
    public async Task IsEarliest_OnlyForTheSubjectOfTheKeysEarliestEvent()
    {
        var answers = new List<string>();
        var probe = new ProbeDetector
        {
            OnObserve = (activity, observation) =>
            {
                observation.Saw(Declared, activity.Time).Remember(Probe.Of(activity));
                observation.Judge(Probe.Of(activity));
            },
            OnPlan = (_, plan) => plan.Read(Declared),
            OnJudge = (probe, snapshot, _) => answers.Add($"{probe.EventId} {snapshot.IsEarliest(Declared, probe)}"),
        };
        var first = Some.Activity(at: Some.Time);
        var second = Some.Activity(at: Some.Time.AddMinutes(1));

        await RunAsync([probe], second, first);

        answers.Order(StringComparer.Ordinal).ShouldBe([$"{first.EventId} True", $"{second.EventId} False"]);
    }

    [Fact]
    public void Judge_ThrowsNamingBothTypes_WhenGivenAnotherDetectorsSubject()
    {
        IDetector probe = new ProbeDetector();
        var foreign = new Pipeline.EchoEvent("k", "e", "n", Some.Account, "p", Some.Time);

        var error = Should.Throw<ArgumentException>(() => probe.Plan(foreign, new ReadPlan()));

        error.Message.ShouldStartWith("Detector probe judges Probe, not EchoEvent.");
        error.ParamName.ShouldBe("subject");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"EventId\":")]
    public void Decode_GivesNull_WhenTheTextIsNotASubject(string text) => new ProbeDetector().Decode(text).ShouldBeNull();

    [Fact]
    public void Decode_ReadsWhatEncodeWrote()
    {
        var probe = new Probe("e1", Some.Time);
        var detector = new ProbeDetector();

        detector.Decode(detector.Encode(probe)).ShouldBe(probe);
    }

    [Fact]
    public void ADetector_WatchesNothingAndTriggersNothing_UnlessItSaysSo()
    {
        var detector = new ProbeDetector();
        var triggers = new Triggers();
        var fact = Sighting.Observed(Declared, Some.Time);

        detector.Watches(Declared).ShouldBeFalse();
        detector.OnChanged(new SlotChange(Declared, null, fact, fact), triggers);
        triggers.Subjects.ShouldBeEmpty();
    }
}
