using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Monitor.Detection;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Core.Tests.Pipeline;

/// <summary>Reports one finding per activity (id from the event) and remembers every event it saw as a fact.</summary>
internal sealed class EchoDetector() : Detector<EchoEvent>(EchoJsonContext.Default.EchoEvent)
{
    public override string Id => "echo";

    private static StateKey Seen(EchoEvent echo) => new("seen", echo.EventId);

    public override void Observe(Activity activity, Observation observation)
    {
        var echo = new EchoEvent(activity.DedupKey, activity.EventId, activity.EventName, activity.Account ?? "", activity.Principal.Key, activity.Time);
        observation.Saw(Seen(echo), activity.Time);
        observation.Judge(echo);
    }

    protected override void Plan(EchoEvent subject, ReadPlan plan) => plan.Read(Seen(subject));

    protected override void Judge(EchoEvent subject, Snapshot snapshot, Judgment judgment) => judgment.Report(new Finding
    {
        Id = FindingId.For(Id, subject.EventKey),
        Detector = Id,
        Severity = Severity.Info,
        Title = "seen " + subject.EventName,
        Account = subject.Account,
        Principal = subject.Principal,
        Time = subject.Time,
        EventIds = [subject.EventId],
        Signals = [snapshot[Seen(subject)]!.SeenBefore(subject.Time) ? "again" : "first-time"],
        Evidence = new JsonObject(),
        Recommendation = "none",
    });
}

internal sealed record EchoEvent(string EventKey, string EventId, string EventName, string Account, string Principal, DateTimeOffset Time) : ISubject
{
    public string Id => "echo:" + EventKey;
}

[JsonSerializable(typeof(EchoEvent))]
internal sealed partial class EchoJsonContext : JsonSerializerContext;
