using Monitor.Core.Tests.Pipeline.Delivery;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Pipeline;

/// <summary>
/// The engine judges a round's subjects in slices, releasing each slice's reads before planning the next, so a chunk
/// never holds the history of all its subjects at once. Slicing must change nothing but when reads are made.
/// </summary>
public sealed class DetectionEngineSliceTests
{
    [Fact]
    public async Task Chunk_IsPlannedInSlices_EachLoadingItsOwnReads()
    {
        var store = new InMemoryStateStore();
        var activities = Enumerable.Range(0, 10).Select(i => Some.Activity("ListBuckets", "s3.amazonaws.com", Some.StateEpoch.AddMinutes(i)) with { EventId = $"e-{i}" }).ToArray();

        var outcome = await new DetectionEngine([new EchoDetector()], store, judgeSlice: 3).RunAsync(activities, (_, reason) => throw new ShouldAssertException(reason), CancellationToken.None);

        outcome.Errors.ShouldBeEmpty();
        outcome.FindingIds.Count.ShouldBe(10);
        store.GetCalls.ShouldBe(4, "ten subjects in slices of three: four batches of reads");
        (await store.ListFindingsAsync(CancellationToken.None)).Count.ShouldBe(10);
    }

    [Fact]
    public void JudgeSlice_MustBePositive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DetectionEngine([new EchoDetector()], new InMemoryStateStore(), judgeSlice: 0));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task SampleStories_GiveTheSameFindingsAndState_WhateverTheSlice(int slice)
    {
        var dataset = await Deliveries.SamplesAsync();
        var expected = await dataset.ReplayAsync(DeliveryPlan.InOrder, judgeSlice: int.MaxValue);
        expected.Findings.ShouldNotBeEmpty();

        (await dataset.ReplayAsync(DeliveryPlan.InOrder, judgeSlice: slice)).ShouldMatch(expected, $"slices of {slice}");
    }
}
