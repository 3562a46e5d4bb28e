using System.Text.RegularExpressions;

namespace Monitor.LeastPrivilege.Resources;

/// <summary>
/// A catalog ARN format such as <c>arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}</c>: matches
/// observed ARNs against it and fills it from request values.
/// </summary>
internal sealed partial class ArnTemplate
{
    private readonly Regex _match;

    public ArnTemplate(string resourceType, string format)
    {
        ResourceType = resourceType;
        Format = format;
        Variables = [.. Variable().Matches(format).Select(m => m.Groups[1].Value)];
        var pattern = "^" + Variable().Replace(Regex.Escape(format).Replace("\\$\\{", "${", StringComparison.Ordinal).Replace("\\}", "}", StringComparison.Ordinal), m => m.Groups[1].Value switch
        {
            "Partition" => "aws[a-z-]*",
            "Region" => "[a-z0-9-]*",
            "Account" => "(?:[0-9]{12}|aws|)",
            _ => ".+",
        }) + "$";
        _match = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string ResourceType { get; }

    public string Format { get; }

    public IReadOnlyList<string> Variables { get; }

    public bool Matches(string arn) => _match.IsMatch(arn);

    /// <summary>
    /// Fills every variable from <paramref name="values"/>; a variable with no value becomes <c>*</c>. The result
    /// says whether any identifying (non partition/region/account) value came from the request and whether a
    /// wildcard had to stand anywhere but at the very end.
    /// </summary>
    public IEnumerable<FilledArn> Fill(Func<string, IReadOnlyList<string>> values)
    {
        var results = new List<(string Arn, bool Evidence, int LastWildcard, int LastFilled)> { (Format, false, -1, -1) };
        for (var i = 0; i < Variables.Count; i++)
        {
            var variable = Variables[i];
            var found = values(variable);
            var isContext = variable is "Partition" or "Region" or "Account";
            var next = new List<(string, bool, int, int)>();
            foreach (var (arn, evidence, lastWildcard, lastFilled) in results)
            {
                if (found.Count == 0)
                {
                    next.Add((arn.Replace("${" + variable + "}", "*", StringComparison.Ordinal), evidence, isContext ? lastWildcard : i, lastFilled));
                    continue;
                }

                foreach (var value in found)
                {
                    next.Add((arn.Replace("${" + variable + "}", value, StringComparison.Ordinal), evidence || !isContext, lastWildcard, isContext ? lastFilled : i));
                }
            }

            results = next;
        }

        return results.Select(r => new FilledArn(r.Arn, r.Evidence, r.LastWildcard > r.LastFilled || r.LastWildcard < 0));
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Variable();
}

/// <summary>A filled template: <see cref="FromRequest"/> when request values named it; <see cref="WildcardsTrail"/> when every <c>*</c> follows the last named value.</summary>
internal sealed record FilledArn(string Arn, bool FromRequest, bool WildcardsTrail);
