using Monitor.Detection;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.State;

namespace Monitor.LeastPrivilege;

/// <summary>
/// Records least-privilege usage as facts, so the deployed report can be built from the store: one per
/// (principal, action, resource) in <c>usage:&lt;principal&gt;</c>, one per principal in <see cref="PrincipalsScope"/>.
/// Facts merge idempotently, so redelivered records change nothing. Only authorized calls that map to catalog actions
/// are kept (denied, root, service and unmapped calls are not usage). An observer: it judges nothing.
/// </summary>
internal sealed class UsageRecorder(ActionMapper mapper) : IObserver
{
    public const string PrincipalsScope = "usage-principals";

    /// <summary>Services whose data-plane requests were seen (what the report can judge as unused).</summary>
    public const string DataServicesScope = "usage-data-services";

    /// <summary>The principal's type, on its <see cref="PrincipalsScope"/> member.</summary>
    public static readonly SlotAttribute<PrincipalType> Type = new("type", Codecs.Enum<PrincipalType>());

    public string Id => "least-privilege-usage";

    public static string UsageScope(string principal) => $"usage:{principal}";

    public void Observe(Activity activity, Observation observation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(observation);
        var mapping = mapper.Map(activity);
        if (mapping.Kind != MappingKind.Used || mapping.Uses.Count == 0)
        {
            return;
        }

        if (activity.Origin == ActivityOrigin.S3AccessLog || activity.Record?.ManagementEvent == false || string.Equals(activity.Record?.EventCategory, "Data", StringComparison.OrdinalIgnoreCase))
        {
            observation.Saw(new StateKey(DataServicesScope, activity.Origin == ActivityOrigin.S3AccessLog ? "s3" : activity.Service), activity.Time);
        }

        var principal = activity.Principal;
        observation.Saw(new StateKey(PrincipalsScope, principal.Key), activity.Time).With(Type, principal.Type);
        var scope = UsageScope(principal.Key);
        foreach (var use in mapping.Uses)
        {
            foreach (var resource in use.Resources.Count == 0 ? ["*"] : use.Resources)
            {
                observation.Saw(new StateKey(scope, new UsageMember(use.Action.ToString(), resource, use.PassedToService).ToString()), activity.Time);
            }
        }
    }
}

/// <summary>
/// The member of one usage fact: the action, the resource, and for <c>iam:PassRole</c> the service the role was passed
/// to, separated by spaces (actions, ARNs and service names hold none).
/// </summary>
internal readonly record struct UsageMember(string Action, string Resource, string? PassedToService)
{
    public static UsageMember? Parse(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var parts = member.Split(' ');
        return parts.Length >= 2 ? new UsageMember(parts[0], parts[1], parts.Length > 2 ? parts[2] : null) : null;
    }

    public override string ToString() => PassedToService is { } service ? $"{Action} {Resource} {service}" : $"{Action} {Resource}";
}
