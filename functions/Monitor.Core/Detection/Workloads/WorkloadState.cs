using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.State;

namespace Monitor.Detection.Workloads;

/// <summary>
/// The detector's state, per session: who it is (<see cref="Identity"/>: the workload, the role, the account) and
/// one entry per kind of client that used it (<see cref="ClientsOf"/>): its calls, addresses, reach and first call.
/// Every value merges as a join (earliest wins, set union), so the state is the same in any delivery order.
/// </summary>
internal static class WorkloadState
{
    public static readonly SlotAttribute<WorkloadKind> Kind = new("kind", Codecs.Enum<WorkloadKind>(), AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Name = new("name", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> IdentifiedBy = new("identifiedBy", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Role = new("role", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> SessionArn = new("arn", Codecs.Text, AttributeMerge.Earliest);
    public static readonly SlotAttribute<string> Account = new("account", Codecs.Text, AttributeMerge.Earliest);

    public static readonly SlotAttribute<WorkloadCall> First = new("first", WorkloadCall.Codec, AttributeMerge.Earliest);
    public static readonly SlotSet EventIds = new("eventIds");
    public static readonly SlotSet Calls = new("calls");
    public static readonly SlotSet Addresses = new("ips");
    public static readonly SlotSet Networks = new("networks");
    public static readonly SlotSet Reaches = new("reach");
    public static readonly SlotSet Marks = new("marks");

    public const string PlatformMark = "platform";

    /// <summary>A session's identity: its workload (when known), role and account.</summary>
    public static StateKey Identity(string session) => new($"workload:{session}", "");

    /// <summary>The scope of a session's client entries, one member per <see cref="Client.Member"/>.</summary>
    public static string ClientsOf(string session) => $"workload-use:{session}";
}

/// <summary>The first call a client made in a session, as the finding shows it.</summary>
internal sealed record WorkloadCall(string EventId, string EventSource, string EventName, string? SourceIp, string? UserAgent)
{
    public static readonly Codec<WorkloadCall> Codec = new(
        value => JsonSerializer.Serialize(value, WorkloadJsonContext.Default.WorkloadCall),
        text =>
        {
            try
            {
                return JsonSerializer.Deserialize(text, WorkloadJsonContext.Default.WorkloadCall);
            }
            catch (JsonException)
            {
                return null;
            }
        });
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
