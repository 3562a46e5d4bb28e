using CsCheck;
using Monitor.Core.Tests.Pipeline.Delivery;

namespace Monitor.Core.Tests.Pipeline;

/// <summary>
/// The engine's promise, checked on generated deliveries of the sample stories and the real logs in tests/data: any
/// order of objects, any order of records within them, any split of them into messages and chunks, and any
/// redelivery give the same findings (ids, severities, signals, times, event ids, evidence), the same verdicts and
/// the same stored facts. CI runs a fixed seed; <c>MONITOR_PROPERTY_ITERATIONS</c> runs longer.
/// </summary>
public sealed class OrderIndependenceTests
{
    private const string Seed = "0000000000fG";

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("MONITOR_PROPERTY_ITERATIONS"), out var n) ? n : 6;

    [Fact]
    public async Task SampleStories_GiveTheSameFindingsAndState_WhateverTheDelivery() => await CheckAsync(await Deliveries.SamplesAsync());

    [Fact]
    public async Task RealLogs_GiveTheSameFindingsAndState_WhateverTheDelivery() => await CheckAsync(await Deliveries.RealLogsAsync());

    private static async Task CheckAsync(Dataset dataset)
    {
        var expected = await dataset.ReplayAsync(DeliveryPlan.InOrder);
        expected.Findings.ShouldNotBeEmpty();

        DeliveryPlan.Generator.Sample(
            plan =>
            {
                var actual = dataset.ReplayAsync(plan).GetAwaiter().GetResult();
                actual.ShouldMatch(expected, plan.ToString());
            },
            seed: Seed,
            iter: Iterations,
            threads: 1);
    }
}
