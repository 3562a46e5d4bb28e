using CsCheck;
using Monitor.Core.Tests.Pipeline.Delivery;

namespace Monitor.Core.Tests.Pipeline;

/// <summary>
/// The engine's promise, checked on generated deliveries of the sample stories and the real logs in tests/data: any
/// order of objects, any order of records within them, any split of them into messages and chunks, and any
/// redelivery give the same findings (ids, severities, signals, times, event ids, evidence), the same verdicts and
/// the same stored facts. By default the same few plans every run (fixed PCG streams, so CI is repeatable; CsCheck's
/// own <c>seed</c> argument pins only the first iteration); <c>MONITOR_PROPERTY_ITERATIONS=N</c> runs N random plans
/// instead, shrinking a failure to the seed that reproduces it.
/// </summary>
public sealed class OrderIndependenceTests
{
    private const ulong FixedSeed = 0x5EED;
    private const uint FixedPlans = 6;

    private static int? RandomIterations => int.TryParse(Environment.GetEnvironmentVariable("MONITOR_PROPERTY_ITERATIONS"), out var n) ? n : null;

    [Fact]
    public async Task SampleStories_GiveTheSameFindingsAndState_WhateverTheDelivery() => await CheckAsync(await Deliveries.SamplesAsync());

    [Fact]
    public async Task RealLogs_GiveTheSameFindingsAndState_WhateverTheDelivery() => await CheckAsync(await Deliveries.RealLogsAsync());

    private static async Task CheckAsync(Dataset dataset)
    {
        var expected = await dataset.ReplayAsync(DeliveryPlan.InOrder);
        expected.Findings.ShouldNotBeEmpty();

        if (RandomIterations is { } iterations)
        {
            DeliveryPlan.Generator.Sample(plan => Check(plan), iter: iterations, threads: 1);
            return;
        }

        for (var stream = 1u; stream <= FixedPlans; stream++)
        {
            Check(DeliveryPlan.Generator.Generate(new PCG(stream, FixedSeed), null, out _));
        }

        void Check(DeliveryPlan plan) => dataset.ReplayAsync(plan).GetAwaiter().GetResult().ShouldMatch(expected, plan.ToString());
    }
}
