using System.Text.Json.Serialization;
using Monitor.Detection;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Core.Tests.Detection;

/// <summary>
/// A detector whose three parts a test writes inline: what it observes, what it plans to read and how it judges. Its
/// subject is the activity's event id and time.
/// </summary>
internal sealed class ProbeDetector() : Detector<Probe>(ProbeJsonContext.Default.Probe)
{
    public Action<Activity, Observation> OnObserve { get; init; } = (activity, observation) => observation.Judge(Probe.Of(activity));

    public Action<Probe, ReadPlan> OnPlan { get; init; } = (_, _) => { };

    public Action<Probe, Snapshot, Judgment> OnJudge { get; init; } = (_, _, _) => { };

    public override string Id => "probe";

    public override void Observe(Activity activity, Observation observation) => OnObserve(activity, observation);

    protected override void Plan(Probe subject, ReadPlan plan) => OnPlan(subject, plan);

    protected override void Judge(Probe subject, Snapshot snapshot, Judgment judgment) => OnJudge(subject, snapshot, judgment);
}

internal sealed record Probe(string EventId, DateTimeOffset Time) : ISubject
{
    public string Id => "probe:" + EventId;

    public static Probe Of(Activity activity) => new(activity.EventId, activity.Time);
}

/// <summary>An observer that only records, like the least-privilege usage recorder.</summary>
internal sealed class RecordingObserver(Action<Activity, Observation> observe) : IObserver
{
    public string Id => "recorder";

    public void Observe(Activity activity, Observation observation) => observe(activity, observation);
}

[JsonSerializable(typeof(Probe))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext;
