using Monitor.Detection;
using Monitor.State;

namespace Monitor.Testing.Contracts;

/// <summary>Concurrent writers (parallel Lambda invocations, or tasks in one process) must not lose updates.</summary>
public abstract partial class StateStoreContract
{
    private const int Writers = 8;

    [Fact]
    public async Task MergeAsync_LosesNoUpdate_WhenWritersRaceOnOneKey()
    {
        var observations = Enumerable.Range(0, Writers * 3)
            .Select(i => Seen(Key(), T0.AddDays(i), ($"writer-{i % Writers}", $"{i}")))
            .ToArray();

        await Task.WhenAll(observations.Chunk(3).Select(chunk => Task.Run(async () =>
        {
            foreach (var observation in chunk)
            {
                await Store.MergeAsync([observation], CancellationToken.None);
            }
        })));

        (await StoredAsync(Key())).ShouldMatch(observations.Aggregate((a, b) => a.Merge(b)));
    }

    [Fact]
    public async Task MergeAsync_StoresEveryKey_WhenWritersRaceOnManyKeys()
    {
        var batches = Enumerable.Range(0, Writers)
            .Select(w => Enumerable.Range(0, 20).Select(i => Seen(Key($"m{i:D2}"), T0.AddHours(w))).ToArray())
            .ToArray();

        await Task.WhenAll(batches.Select(batch => Task.Run(() => Store.MergeAsync(batch, CancellationToken.None))));

        var listed = await Store.ListAsync(Key().Scope, 100, CancellationToken.None);
        listed.Count.ShouldBe(20);
        listed.ShouldAllBe(s => s.FirstSeen == T0 && s.LastSeen == T0.AddHours(Writers - 1));
    }

    [Fact]
    public async Task PutVerdictsAsync_AnnouncesAFindingOnce_AndKeepsEveryContribution_WhenWritersRace()
    {
        var reports = Enumerable.Range(0, Writers).Select(i => Some.Finding(time: T0.AddSeconds(i), eventIds: [$"e{i}"])).ToArray();

        var results = await Task.WhenAll(reports.Select((report, i) => Task.Run(() => Store.PutVerdictsAsync([new SubjectVerdict($"writer-{i}", [report])], CancellationToken.None))));

        results.Sum(r => r.ToAnnounce.Count).ShouldBe(1);
        var stored = (await Store.ListFindingsAsync(CancellationToken.None)).Single();
        stored.ShouldMatch(Finding.MergeAll(reports));
    }
}
