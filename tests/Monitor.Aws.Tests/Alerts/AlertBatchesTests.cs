using Monitor.Aws.Alerts;

namespace Monitor.Aws.Tests.Alerts;

public sealed class AlertBatchesTests
{
    [Fact]
    public void Pack_PutsAtMostTenEntriesInABatch()
    {
        var batches = AlertBatches.Pack(Enumerable.Range(0, 23), _ => "x").ToList();

        batches.Select(b => b.Count).ShouldBe([10, 10, 3]);
        batches.SelectMany(b => b).ShouldBe(Enumerable.Range(0, 23));
    }

    [Fact]
    public void Pack_KeepsEachBatchWithinTheTotalSizeLimit()
    {
        var body = new string('a', 200_000);

        var batches = AlertBatches.Pack(Enumerable.Range(0, 12), _ => body).ToList();

        batches.Select(b => b.Count).ShouldBe([5, 5, 2]);
        batches.ShouldAllBe(b => b.Count * 200_000 <= AlertBatches.MaxBatchBytes);
    }

    [Fact]
    public void Pack_CountsUtf8Bytes_NotCharacters()
    {
        var body = new string('日', 100_000); // 300,000 bytes in UTF-8

        AlertBatches.Pack(Enumerable.Range(0, 4), _ => body).Select(b => b.Count).ShouldBe([3, 1]);
    }

    [Fact]
    public void Pack_YieldsNothing_ForNothing() => AlertBatches.Pack(Array.Empty<int>(), _ => "x").ShouldBeEmpty();
}
