using Monitor.Cli.Objects;
using Monitor.Cli.Replay;
using Monitor.Cli.State;
using Monitor.Detection;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;
using Monitor.Pipeline;
using Monitor.Sinks;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>Reads the inputs of <c>policy</c> / <c>report</c> into a <see cref="UsageAggregator"/>, in memory.</summary>
internal static class UsageCollector
{
    public static async Task<(UsageAggregator Usage, ReplayResult Result)> CollectAsync(IReadOnlyList<string> paths, string objectsRoot, CancellationToken cancellationToken)
    {
        var aggregator = new UsageAggregator(ActionMapper.Embedded);
        await using var store = SqliteStateStore.Open(":memory:");
        var options = new DetectionOptions();
        var ingestor = new Ingestor(new FolderObjectSource(objectsRoot), store, [new UsageTap(aggregator)], NullFindingSink.Instance, options, TimeProvider.System);
        var result = await new Replayer(ingestor, store).ReplayAsync(paths, objectsRoot, cancellationToken).ConfigureAwait(false);
        return (aggregator, result);
    }
}
