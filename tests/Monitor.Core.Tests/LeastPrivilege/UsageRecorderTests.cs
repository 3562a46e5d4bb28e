using Monitor.Detection;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.LeastPrivilege;

public sealed class UsageRecorderTests
{
    private readonly InMemoryStateStore _store = new();
    private readonly UsageRecorder _recorder = new(ActionMapper.Embedded);

    [Fact]
    public async Task Recording_IsIdempotent_WhenTheSameCallIsDeliveredTwice()
    {
        var call = Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""");

        await RecordAsync(call);
        var first = await _store.ListAsync(UsageRecorder.UsageScope(call.Principal.Key), 100, CancellationToken.None);
        await RecordAsync(call);
        var second = await _store.ListAsync(UsageRecorder.UsageScope(call.Principal.Key), 100, CancellationToken.None);

        first.ShouldHaveSingleItem().Key.Member.ShouldStartWith("s3:GetObject arn:aws:s3:::b/k");
        var again = second.ShouldHaveSingleItem();
        again.Key.ShouldBe(first[0].Key);
        again.FirstSeen.ShouldBe(first[0].FirstSeen);
        again.LastSeen.ShouldBe(first[0].LastSeen);
        again.Days.ShouldBe(first[0].Days);
        (await _store.ListAsync(UsageRecorder.PrincipalsScope, 100, CancellationToken.None)).ShouldHaveSingleItem()
            .Get(UsageRecorder.Type).ShouldBe(PrincipalType.AssumedRole);
    }

    [Fact]
    public async Task Nothing_IsRecorded_ForDeniedRootOrServiceCalls()
    {
        await RecordAsync(
            Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""", outcome: Outcome.Denied),
            Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""", principal: Some.RootPrincipal()),
            Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}""", principal: new Principal(PrincipalType.AwsService, "cloudtrail.amazonaws.com")));

        (await _store.ListAsync(UsageRecorder.PrincipalsScope, 100, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void Recorder_RunsWithEveryDetector_AsAnObserverThatJudgesNothing()
    {
        var recorder = DetectorCatalog.All(new DetectionOptions()).OfType<UsageRecorder>().ShouldHaveSingleItem();

        recorder.ShouldNotBeAssignableTo<IDetector>();
    }

    [Fact]
    public async Task StoredUsage_MatchesTheInMemoryAggregator_ForTheSameCalls()
    {
        Activity[] calls =
        [
            Some.Call("s3.amazonaws.com", "GetObject", """{"bucketName":"b","key":"k"}"""),
            Some.Call("s3.amazonaws.com", "PutObject", """{"bucketName":"b","key":"other"}"""),
            Some.Call("sts.amazonaws.com", "GetCallerIdentity"),
            Some.Call("dynamodb.amazonaws.com", "ListTables", principal: Some.UserPrincipal("bob")),
            Some.AccessLogRequest("GetObject", "arn:aws:s3:::logs/a.gz"),
        ];
        var expected = new UsageAggregator(ActionMapper.Embedded);
        foreach (var call in calls)
        {
            expected.Observe(call);
        }

        await RecordAsync(calls);
        var restored = await StoredUsage.LoadAsync(_store, ActionMapper.Embedded, CancellationToken.None);

        restored.Principals.Keys.ShouldBe(expected.Principals.Keys);
        restored.DataEventServices.ShouldBe(expected.DataEventServices);
        foreach (var (key, usage) in expected.Principals)
        {
            var back = restored.Principals[key];
            back.Type.ShouldBe(usage.Type);
            back.Used.Keys.ShouldBe(usage.Used.Keys);
            foreach (var (action, (_, evidence)) in usage.Used)
            {
                back.Used[action].Evidence.Resources.ShouldBe(evidence.Resources);
                back.Used[action].Evidence.LastUsed.ShouldBe(evidence.LastUsed);
            }
        }
    }

    private async Task RecordAsync(params Activity[] activities)
    {
        var outcome = await new Monitor.Pipeline.DetectionEngine([_recorder], _store).RunAsync(activities, (_, reason) => throw new ShouldAssertException(reason), CancellationToken.None);

        outcome.FindingIds.ShouldBeEmpty();
    }
}
