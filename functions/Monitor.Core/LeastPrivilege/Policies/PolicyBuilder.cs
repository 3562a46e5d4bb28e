using System.Globalization;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Resources;

namespace Monitor.LeastPrivilege.Policies;

/// <summary>
/// Builds the suggested policy of one principal from its observed usage: one Allow statement per distinct
/// (resource set, passed-to services), actions and resources sorted, so the same input always gives the same
/// bytes. When the document exceeds the budget it walks a fixed ladder, stopping at the first step that fits:
/// <c>collapse-resources</c> (wildcard from 2 names), <c>resource-type-wildcards</c> (<c>role/*</c>),
/// <c>action-wildcards</c> (catalog-safe <c>svc:Prefix*</c>), <c>split</c> (several managed policies).
/// </summary>
public sealed class PolicyBuilder(IamCatalog catalog, GeneralizationOptions? generalization = null)
{
    private readonly GeneralizationOptions _generalization = generalization ?? new GeneralizationOptions();

    public PolicySuggestion Build(PrincipalUsage usage, int budget = PolicyBudgets.Managed)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var reductions = new List<string>();
        var document = Document(usage, _generalization, minimizeActions: false);
        if (PolicyJson.Size(document) <= budget)
        {
            return new PolicySuggestion([document], reductions, budget, false);
        }

        (string Step, GeneralizationOptions Options, bool Minimize)[] ladder =
        [
            ("collapse-resources", _generalization with { ObjectKeys = 2, Names = 2, Coarse = true }, false),
            ("resource-type-wildcards", _generalization with { ObjectKeys = 2, Names = 2, WholeType = true }, false),
            ("action-wildcards", _generalization with { ObjectKeys = 2, Names = 2, WholeType = true }, true),
        ];
        foreach (var (step, options, minimize) in ladder)
        {
            reductions.Add(step);
            document = Document(usage, options, minimize);
            if (PolicyJson.Size(document) <= budget)
            {
                return new PolicySuggestion([document], reductions, budget, false);
            }
        }

        reductions.Add("split");
        var parts = Split(document, budget);
        return new PolicySuggestion(parts, reductions, budget, parts.Any(p => PolicyJson.Size(p) > budget));
    }

    private PolicyDocument Document(PrincipalUsage usage, GeneralizationOptions options, bool minimizeActions)
    {
        var generalizer = new ResourceGeneralizer(options);
        var groups = usage.Used.Values
            .Select(u => (Action: u.Action.ToString(), Resources: generalizer.Generalize(u.Evidence.Resources), PassedTo: (IReadOnlyList<string>)[.. u.Evidence.PassedTo]))
            .GroupBy(u => string.Join('\n', u.Resources) + "\u0001" + string.Join('\n', u.PassedTo), StringComparer.Ordinal)
            .Select(g => (Actions: (IReadOnlyList<string>)[.. g.Select(u => u.Action).Order(StringComparer.Ordinal)], g.First().Resources, g.First().PassedTo))
            .Select(s => minimizeActions ? s with { Actions = new ActionMinimizer(catalog).Minimize(s.Actions) } : s)
            .OrderBy(s => s.Actions[0], StringComparer.Ordinal)
            .ThenBy(s => string.Join('\n', s.Resources), StringComparer.Ordinal)
            .ToList();

        var sids = new Dictionary<string, int>(StringComparer.Ordinal);
        var statements = new List<PolicyStatement>();
        foreach (var (actions, resources, passedTo) in groups)
        {
            // Services name a statement; a second statement of the same services adds its first action's name.
            var sid = Sid(actions);
            if (sids.ContainsKey(sid))
            {
                sid += new string([.. actions[0][(actions[0].IndexOf(':', StringComparison.Ordinal) + 1)..].Where(char.IsAsciiLetterOrDigit)]);
            }

            sids[sid] = sids.GetValueOrDefault(sid) + 1;
            statements.Add(new PolicyStatement(sids[sid] == 1 ? sid : sid + sids[sid].ToString(CultureInfo.InvariantCulture), actions, resources, passedTo));
        }

        return new PolicyDocument(statements);
    }

    /// <summary>Alphanumeric, from the services of the statement: <c>S3</c>, <c>IamSts</c>.</summary>
    private static string Sid(IReadOnlyList<string> actions)
    {
        var services = actions.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Take(3);
        return string.Concat(services.Select(s => string.Concat(s.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]))));
    }

    private static List<PolicyDocument> Split(PolicyDocument document, int budget)
    {
        var parts = new List<PolicyDocument>();
        var current = new List<PolicyStatement>();
        foreach (var statement in document.Statements.SelectMany(s => Pieces(s, budget)))
        {
            current.Add(statement);
            if (current.Count > 1 && PolicyJson.Size(new PolicyDocument(current)) > budget)
            {
                current.RemoveAt(current.Count - 1);
                parts.Add(new PolicyDocument([.. current]));
                current = [statement];
            }
        }

        parts.Add(new PolicyDocument([.. current]));
        return parts;
    }

    /// <summary>A statement too big for any document on its own is cut in halves by actions, then by resources.</summary>
    private static IEnumerable<PolicyStatement> Pieces(PolicyStatement statement, int budget)
    {
        if (PolicyJson.Size(new PolicyDocument([statement])) <= budget || statement.Actions.Count + statement.Resources.Count <= 2)
        {
            return [statement];
        }

        var (first, second) = statement.Actions.Count > 1
            ? (statement with { Actions = [.. statement.Actions.Take(statement.Actions.Count / 2)] }, statement with { Sid = statement.Sid + "B", Actions = [.. statement.Actions.Skip(statement.Actions.Count / 2)] })
            : (statement with { Resources = [.. statement.Resources.Take(statement.Resources.Count / 2)] }, statement with { Sid = statement.Sid + "B", Resources = [.. statement.Resources.Skip(statement.Resources.Count / 2)] });
        return Pieces(first, budget).Concat(Pieces(second, budget));
    }
}
