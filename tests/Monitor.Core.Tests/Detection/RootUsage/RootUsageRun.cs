using Monitor.Detection;
using Monitor.Detection.RootUsage;
using Monitor.Records;
using Monitor.State;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.RootUsage;

/// <summary>
/// Drives the detector the way the pipeline does: one unit of work (state view) per input file, keys
/// prefetched, state committed, findings stored by id. Fails the test if a read was not prefetched.
/// </summary>
internal sealed class RootUsageRun
{
    private readonly RootUsageDetector _detector = new();

    public InMemoryStateStore Store { get; } = new();

    /// <summary>Processes each list as one input file, in the order given.</summary>
    public async Task<IReadOnlyList<Finding>> FilesAsync(params IReadOnlyList<Activity>[] files)
    {
        foreach (var file in files)
        {
            var view = new StateView(Store);
            var context = new DetectionContext(view, new DetectionOptions());
            foreach (var activity in file)
            {
                await view.PrefetchAsync(_detector.KeysFor(activity), CancellationToken.None);
                var calls = Store.GetCalls;
                await _detector.InspectAsync(activity, context, CancellationToken.None);
                Store.GetCalls.ShouldBe(calls, $"KeysFor missed a key read for {activity.EventName}");
            }

            await view.CommitAsync(CancellationToken.None);
            await Store.PutFindingsAsync(context.Findings.ToArray(), CancellationToken.None);
        }

        return await Store.ListFindingsAsync(CancellationToken.None);
    }

    /// <summary>Each activity as its own file, in the order given.</summary>
    public Task<IReadOnlyList<Finding>> EachAsync(params Activity[] activities) =>
        FilesAsync([.. activities.Select(a => (IReadOnlyList<Activity>)[a])]);

    public static Task<IReadOnlyList<Finding>> OnceAsync(params Activity[] activities) => new RootUsageRun().EachAsync(activities);
}
