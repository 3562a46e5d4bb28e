using Monitor.Detection.Workloads;
using static Monitor.Core.Tests.Detection.Workloads.WorkloadCalls;

namespace Monitor.Core.Tests.Detection.Workloads;

/// <summary>
/// The stored layout of one session's state, key for key and slot for slot: a deployed table keeps it across upgrades,
/// so a renamed slot would silently forget every session.
/// </summary>
public sealed class WorkloadStateLayoutTests
{
    [Fact]
    public async Task ASessionsState_IsItsIdentity_ItsTraits_AndItsNetworks()
    {
        var run = new EngineRun(new WorkloadDetector());
        await run.EachAsync(await ReadAsync(
            ServiceAssumeRole("lambda.amazonaws.com", "orders-api-role", "orders-api", "ASIAORDERSAPI0000001"),
            Call("orders-api-role", "orders-api", "ASIAORDERSAPI0000001", "10.20.1.5", LambdaSdk, 1),
            Call("orders-api-role", "orders-api", "ASIAORDERSAPI0000001", "203.0.113.9", Laptop, 600, "s3.amazonaws.com", "GetObject")));

        var key = WorkloadState.Identity("ASIAORDERSAPI0000001");
        key.ShouldBe(new Monitor.State.StateKey("workload:ASIAORDERSAPI0000001", ""));
        var identity = (await run.Store.GetAsync([key], CancellationToken.None))[key];
        identity.Earliest.Keys.Order(StringComparer.Ordinal).ShouldBe(["account", "arn", "identifiedBy", "kind", "name", "role"]);
        identity.EarliestAttribute("kind").ShouldBe("Lambda");

        var traits = await run.Store.ListAsync("workload-trait:ASIAORDERSAPI0000001", 10, CancellationToken.None);
        traits.Select(t => t.Key.Member).ShouldBe(["macos", "other"]);
        var mac = traits[0];
        mac.Earliest.Keys.ShouldBe(["first"]);
        mac.Sets.Keys.Order(StringComparer.Ordinal).ShouldBe(["calls", "eventIds", "ips", "reach"]);
        mac.Set("reach").ShouldBe(["ReadingData"]);
        mac.Set("calls").ShouldBe(["s3:GetObject"]);

        var networks = await run.Store.ListAsync("workload-net:ASIAORDERSAPI0000001", 10, CancellationToken.None);
        networks.Select(n => n.Key.Member).ShouldBe(["10.20.1.0/24", "203.0.113.0/24"]);
        networks[0].Set("marks").ShouldBe(["platform"]);
        networks[1].Sets.Keys.Order(StringComparer.Ordinal).ShouldBe(["calls", "eventIds", "ips", "reach"]);
    }
}
