using System.Text.Json.Serialization;
using Monitor.State;

namespace Monitor.Detection.Workloads;

/// <summary>
/// The detector's state, per session: who it is (<see cref="Identity"/>: the workload, the role, the account), its
/// calls by <see cref="Client.Trait"/> (<see cref="TraitsOf"/>, a closed vocabulary, so no caller can crowd one out by
/// inventing user agents), and its networks (<see cref="NetworksOf"/>: which carried the platform's own calls, and the
/// other calls made from each). Every value merges as a join (earliest wins, set union), so the state is the same in
/// any delivery order.
/// </summary>
internal static class WorkloadState
{
    public static readonly SlotAttribute<WorkloadKind> Kind = new("kind", Codecs.Enum<WorkloadKind>(), AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Name = new("name", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> IdentifiedBy = new("identifiedBy", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Role = new("role", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> SessionArn = new("arn", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Account = new("account", Codecs.Text, AttributeMerge.Earliest);

    /// <summary>The earliest call of a trait, or the earliest call without the platform's marker on a network.</summary>
    public static readonly SlotAttribute<WorkloadCall> First = new("first", WorkloadCall.Codec, AttributeMerge.Earliest);
    public static readonly SlotSet EventIds = new("eventIds");
    public static readonly SlotSet Calls = new("calls");
    public static readonly SlotSet Addresses = new("ips");
    public static readonly SlotSet Reaches = new("reach");
    public static readonly SlotSet Marks = new("marks");

    public const string PlatformMark = "platform";

    /// <summary>A session's identity: its workload (when known), role and account.</summary>
    public static StateKey Identity(string session) => new($"workload:{session}", "");

    /// <summary>A session's calls, one member per <see cref="Client.Trait"/>.</summary>
    public static string TraitsOf(string session) => $"workload-trait:{session}";

    /// <summary>A session's networks, one member each: marked when the platform's own calls came from it.</summary>
    public static string NetworksOf(string session) => $"workload-net:{session}";
}

/// <summary>A call as the finding shows it.</summary>
internal sealed record WorkloadCall(DateTimeOffset Time, string EventId, string EventSource, string EventName, string? SourceIp, string? UserAgent)
{
    public static readonly Codec<WorkloadCall> Codec = Codecs.Json(WorkloadJsonContext.Default.WorkloadCall);
}

/// <summary>
/// The subject: one session, by its access key, or by role and instance for an instance profile (EC2 rotates the key,
/// the instance stays). Its judgment reads everything from state, so any call of the session stands for all of them.
/// </summary>
internal sealed record WorkloadSession(string Session, DateTimeOffset Time) : ISubject
{
    public string Id => $"{WorkloadDetector.DetectorId}:{Session}";
}

[JsonSerializable(typeof(WorkloadSession))]
[JsonSerializable(typeof(WorkloadCall))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class WorkloadJsonContext : JsonSerializerContext;
