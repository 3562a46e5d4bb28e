using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Monitor.LeastPrivilege.Catalog;

/// <summary>
/// Every IAM service, action, access level and resource ARN template (the service authorization reference).
/// <see cref="Embedded"/> is the snapshot shipped in this assembly (gzip, about 230 KB; read on first use);
/// <c>monitor catalog refresh</c> builds a newer one from AWS's service reference. Lookups are
/// case-insensitive, because IAM compares action names case-insensitively, and always answer in catalog casing.
/// </summary>
public sealed class IamCatalog(IReadOnlyDictionary<string, CatalogService> services)
{
    private const string ResourceName = "Monitor.LeastPrivilege.iam-catalog.json.gz";

    private static readonly Lazy<IamCatalog> EmbeddedCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IamCatalog Embedded => EmbeddedCatalog.Value;

    public IReadOnlyDictionary<string, CatalogService> Services { get; } = services;

    public int ActionCount => Services.Values.Sum(s => s.Actions.Count);

    public CatalogAction? Find(string service, string action) =>
        Services.TryGetValue(service, out var entry) && entry.Actions.TryGetValue(action, out var found) ? found : null;

    /// <summary>Parses <c>svc:Action</c>; null when either part is unknown.</summary>
    public CatalogAction? Find(string qualified)
    {
        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : Find(qualified[..colon], qualified[(colon + 1)..]);
    }

    public string? ArnTemplate(string service, string resourceType) =>
        Services.TryGetValue(service, out var entry) && entry.ResourceTypes.TryGetValue(resourceType, out var template) ? template : null;

    /// <summary>
    /// Expands a policy's action pattern (<c>*</c>, <c>s3:*</c>, <c>s3:Get*</c>, <c>ec2:Describe?pc*</c>) to the
    /// catalog actions it matches. IAM matches case-insensitively and lets <c>*</c> span anything.
    /// </summary>
    public IEnumerable<CatalogAction> Expand(string pattern)
    {
        if (pattern == "*")
        {
            return Services.Values.SelectMany(s => s.Actions.Values);
        }

        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return [];
        }

        var servicePart = pattern[..colon];
        var namePart = pattern[(colon + 1)..];
        var serviceMatch = Glob(servicePart);
        var nameMatch = Glob(namePart);
        return Services.Values
            .Where(s => serviceMatch.IsMatch(s.Prefix))
            .SelectMany(s => s.Actions.Values.Where(a => nameMatch.IsMatch(a.Action.Name)));
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static IamCatalog LoadEmbedded()
    {
        var resource = typeof(IamCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        return IamCatalogReader.Read(gzip);
    }
}
