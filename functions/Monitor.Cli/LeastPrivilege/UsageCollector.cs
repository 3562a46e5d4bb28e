using System.CommandLine;
using Monitor.Cli.Objects;
using Monitor.Cli.Replay;
using Monitor.Cli.State;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Pipeline;
using Monitor.Sinks;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>The mapper over the embedded catalog, or over a refreshed one (<c>--catalog FILE</c>, JSON or gzip).</summary>
internal static class CatalogOption
{
    public static Option<string?> Create() => new("--catalog") { Description = "IAM catalog written by 'monitor catalog refresh' (default: the embedded snapshot)." };

    public static ActionMapper Load(string? file)
    {
        if (file is null)
        {
            return ActionMapper.Embedded;
        }

        using var stream = File.OpenRead(file);
        using var source = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : (Stream)stream;
        return new ActionMapper(Monitor.LeastPrivilege.Catalog.IamCatalogReader.Read(source), Monitor.LeastPrivilege.Catalog.EventSourcePrefixes.Embedded);
    }
}

/// <summary>Reads the inputs of <c>policy</c> / <c>report</c> into a <see cref="UsageAggregator"/>, in memory.</summary>
internal static class UsageCollector
{
    public static async Task<(UsageAggregator Usage, ReplayResult Result)> CollectAsync(IReadOnlyList<string> paths, string objectsRoot, CancellationToken cancellationToken, ActionMapper? mapper = null)
    {
        var aggregator = new UsageAggregator(mapper ?? ActionMapper.Embedded);
        await using var store = SqliteStateStore.Open(":memory:");
        var ingestor = new Ingestor(new FolderObjectSource(objectsRoot), store, [new UsageTap(aggregator)], NullFindingSink.Instance, TimeProvider.System);
        var result = await new Replayer(ingestor, new CredentialAuditor(store, NullFindingSink.Instance, new())).ReplayAsync(paths, objectsRoot, cancellationToken).ConfigureAwait(false);
        return (aggregator, result);
    }
}
