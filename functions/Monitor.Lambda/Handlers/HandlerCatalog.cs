using Monitor.Lambda.Composition;
using Monitor.Lambda.Runtime;

namespace Monitor.Lambda.Handlers;

/// <summary>
/// The functions this bootstrap can be, by <c>_HANDLER</c> value. template.yaml may only name these (its tests
/// read this table). Both ingest handlers run the same pipeline: the reader picks CloudTrail or access-log parsing
/// by each object's content, so the two functions differ only in their queue and the bucket they may read.
/// </summary>
public static class HandlerCatalog
{
    public const string IngestCloudTrail = "ingest-cloudtrail";

    public const string CredentialAudit = "credential-audit";
    public const string IngestAccessLog = "ingest-access-log";
    public const string LeastPrivilegeReport = "least-privilege-report";

    private static readonly Dictionary<string, Func<Settings, TimeProvider, TextWriter, IInvocationHandler>> Factories = new(StringComparer.Ordinal)
    {
        [IngestCloudTrail] = IngestComposition.Create,
        [CredentialAudit] = CredentialAuditComposition.Create,
        [IngestAccessLog] = IngestComposition.Create,
        [LeastPrivilegeReport] = LeastPrivilegeReportComposition.Create,
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool Exists(string name) => Factories.ContainsKey(name);

    /// <summary>Builds the named handler with its adapters; null when no such handler exists.</summary>
    public static IInvocationHandler? Create(Settings settings, TimeProvider time, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Factories.TryGetValue(settings.Handler, out var factory) ? factory(settings, time, output) : null;
    }
}
