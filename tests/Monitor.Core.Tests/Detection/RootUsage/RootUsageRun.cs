using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.RootUsage;

/// <summary>Drives the root-usage detector the way the pipeline does: one chunk per input file, over one store.</summary>
internal sealed class RootUsageRun
{
    private readonly EngineRun _run = new(new RootUsageDetector());

    public InMemoryStateStore Store => _run.Store;

    /// <summary>Processes each list as one input file, in the order given.</summary>
    public Task<IReadOnlyList<Finding>> FilesAsync(params IReadOnlyList<Activity>[] files) => _run.FilesAsync(files);

    /// <summary>Each activity as its own file, in the order given.</summary>
    public Task<IReadOnlyList<Finding>> EachAsync(params Activity[] activities) => _run.EachAsync(activities);

    public static Task<IReadOnlyList<Finding>> OnceAsync(params Activity[] activities) => new RootUsageRun().EachAsync(activities);
}
