using Monitor.Detection;
using Monitor.LeastPrivilege;
using Monitor.Records;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>
/// Plugs the <see cref="UsageAggregator"/> into the ingestion pipeline in the detectors' place, so <c>policy</c>
/// and <c>report</c> read exactly the inputs <c>replay</c> reads (envelopes, notifications, gzip objects).
/// It records no facts and judges nothing.
/// </summary>
internal sealed class UsageTap(UsageAggregator aggregator) : IObserver
{
    public string Id => "least-privilege-usage";

    public void Observe(Activity activity, Observation observation) => aggregator.Observe(activity);
}
