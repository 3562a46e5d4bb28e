using Monitor.Detection;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection;

/// <summary>
/// Drives observers through the real detection engine over an in-memory store that lives as long as this object: each
/// "file" is one chunk, judged and committed like a delivered object. Any failed judgment (an undeclared read among
/// them) fails the test.
/// </summary>
internal sealed class EngineRun(params IObserver[] observers)
{
    public InMemoryStateStore Store { get; } = new();

    /// <summary>Records rejected by an observer, as "event id: reason".</summary>
    public List<string> Rejected { get; } = [];

    /// <summary>Processes each list as one chunk, in the order given, and returns every finding stored.</summary>
    public async Task<IReadOnlyList<Finding>> FilesAsync(params IReadOnlyList<Activity>[] files)
    {
        var engine = new DetectionEngine(observers, Store);
        foreach (var file in files)
        {
            var outcome = await engine.RunAsync(file, (activity, reason) => Rejected.Add($"{activity.EventId}: {reason}"), CancellationToken.None);
            outcome.Errors.ShouldBeEmpty();
        }

        return await Store.ListFindingsAsync(CancellationToken.None);
    }

    /// <summary>Each activity as its own chunk, in the order given.</summary>
    public Task<IReadOnlyList<Finding>> EachAsync(params Activity[] activities) =>
        FilesAsync([.. activities.Select(a => (IReadOnlyList<Activity>)[a])]);

    /// <summary>All activities in one chunk.</summary>
    public Task<IReadOnlyList<Finding>> TogetherAsync(params Activity[] activities) => FilesAsync(activities);
}
