using System.Collections.Concurrent;
using System.Text.Json;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Resources;

/// <summary>
/// The resources one action needed in one call, as real ARNs: first ARNs the record names (<c>resources[]</c>,
/// ARN-valued request fields) that fit one of the action's resource types; else the catalog's ARN templates
/// filled from request values (partition, region and account from the call); else, for a resource the call
/// was about to create, the template with <c>*</c> for the parts no one knew yet. <c>*</c> alone only for an
/// action the catalog gives no resource type.
/// </summary>
internal sealed class ResourceResolver(IamCatalog catalog)
{
    private readonly ConcurrentDictionary<(string, string), ArnTemplate?> _templates = new();

    public IReadOnlyList<string> Resolve(CatalogAction action, Activity activity, IReadOnlyList<string> evidence)
    {
        if (!action.SupportsResourceScoping)
        {
            return ["*"];
        }

        var templates = action.ResourceTypes
            .Select(t => (Type: t, Template: Template(action.Action.Service, t.Name)))
            .Where(t => t.Template is not null)
            .ToArray();
        if (templates.Length == 0)
        {
            return ["*"];
        }

        var candidates = evidence.Count > 0 ? evidence : NamedArns(activity);
        var matched = candidates.Where(arn => templates.Any(t => t.Template!.Matches(arn))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (matched.Length > 0 || evidence.Count > 0)
        {
            return matched.Length > 0 ? matched : [.. evidence];
        }

        var partition = Arn.PartitionOf(activity.Principal.Arn ?? activity.Principal.Key);
        IReadOnlyList<string> Values(string variable) => variable switch
        {
            "Partition" => [partition],
            "Region" => activity.Region is { Length: > 0 } region ? [region] : [],
            "Account" => activity.Account is { Length: > 0 } account ? [account] : [],
            _ => TemplateValues.For(variable, activity),
        };

        var required = templates.Where(t => t.Type.Required).ToArray();
        var filled = templates
            .SelectMany(t => t.Template!.Fill(Values).Select(f => (t.Type, Filled: f)))
            .Where(f => f.Filled.FromRequest && f.Filled.WildcardsTrail)
            .ToArray();
        if (filled.Length > 0 && (required.Length == 0 || filled.Any(f => f.Type.Required)))
        {
            // A required type the request does not name still needs its grant (RunInstances: the new instance).
            var missing = required.Where(r => filled.All(f => f.Type != r.Type)).SelectMany(r => r.Template!.Fill(Values).Select(f => f.Arn));
            return [.. filled.Select(f => AwsOwned(f.Filled.Arn, activity.Account)).Concat(missing).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }

        // Nothing named: the template of each required type (or the plainest optional one) with * for the unknown parts.
        var fallback = required.Length > 0 ? required : [templates.OrderBy(t => t.Template!.Format.Length).First()];
        return [.. fallback.SelectMany(t => t.Template!.Fill(Values)).Select(f => f.Arn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>AWS-owned SSM documents (<c>AWS-RunShellScript</c>) live in no account: <c>arn:aws:ssm:region::document/AWS-*</c>.</summary>
    private static string AwsOwned(string arn, string? account) =>
        account is { Length: > 0 } && arn.Contains(":ssm:", StringComparison.Ordinal) && arn.Contains($":{account}:document/AWS-", StringComparison.Ordinal)
            ? arn.Replace($":{account}:document/", "::document/", StringComparison.Ordinal)
            : arn;

    private ArnTemplate? Template(string service, string type) =>
        _templates.GetOrAdd((service, type), key => catalog.ArnTemplate(key.Item1, key.Item2) is { } format ? new ArnTemplate(key.Item2, format) : null);

    /// <summary>ARNs the record names: <c>resources[]</c> and any ARN-valued request field.</summary>
    private static IReadOnlyList<string> NamedArns(Activity activity)
    {
        var parameters = activity.Record?.RequestParameters;
        var fromRequest = parameters is { ValueKind: JsonValueKind.Object }
            ? RecordFields.AllStrings(parameters).Select(p => p.Value).Where(v => v.StartsWith("arn:", StringComparison.Ordinal))
            : [];
        return [.. activity.Resources.Concat(fromRequest).Where(a => !a.Contains('*', StringComparison.Ordinal))];
    }
}
