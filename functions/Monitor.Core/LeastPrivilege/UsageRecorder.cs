using Monitor.Detection;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.State;

namespace Monitor.LeastPrivilege;

/// <summary>
/// Persists least-privilege usage as sightings, so the deployed report can be built from the store: one per
/// (principal, action, resource) in <c>usage:&lt;principal&gt;</c>, one per principal in <see cref="PrincipalsScope"/>.
/// Sightings merge idempotently, so redelivered records change nothing. Only authorized calls that map to
/// catalog actions are kept (denied, root, service and unmapped calls are not usage). It writes only: no keys,
/// no findings.
/// </summary>
public sealed class UsageRecorder(ActionMapper mapper) : IDetector
{
    public const string PrincipalsScope = "usage-principals";

    /// <summary>Services whose data-plane requests were seen (what the report can judge as unused).</summary>
    public const string DataServicesScope = "usage-data-services";

    public const string TypeAttribute = "type";

    public string Id => "least-privilege-usage";

    public static string UsageScope(string principal) => $"usage:{principal}";

    /// <summary><c>action resource</c>, plus the service a role was passed to for <c>iam:PassRole</c>. ARNs hold no spaces.</summary>
    public static string Member(ActionUse use, string resource) =>
        use.PassedToService is { } service ? $"{use.Action} {resource} {service}" : $"{use.Action} {resource}";

    public IEnumerable<StateKey> KeysFor(Activity activity) => [];

    public ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        var mapping = mapper.Map(activity);
        if (mapping.Kind != MappingKind.Used || mapping.Uses.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var state = context.State;
        if (activity.Origin == ActivityOrigin.S3AccessLog || activity.Record?.ManagementEvent == false || string.Equals(activity.Record?.EventCategory, "Data", StringComparison.OrdinalIgnoreCase))
        {
            state.Observe(new StateKey(DataServicesScope, activity.Origin == ActivityOrigin.S3AccessLog ? "s3" : activity.Service), activity.Time);
        }

        var principal = activity.Principal;
        state.Observe(new StateKey(PrincipalsScope, principal.Key), activity.Time, new Dictionary<string, string>(StringComparer.Ordinal) { [TypeAttribute] = principal.Type.ToString() });
        var scope = UsageScope(principal.Key);
        foreach (var use in mapping.Uses)
        {
            foreach (var resource in use.Resources.Count == 0 ? ["*"] : use.Resources)
            {
                state.Observe(new StateKey(scope, Member(use, resource)), activity.Time);
            }
        }

        return ValueTask.CompletedTask;
    }
}
