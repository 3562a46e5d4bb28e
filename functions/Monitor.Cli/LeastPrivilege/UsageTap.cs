using Monitor.Detection;
using Monitor.LeastPrivilege;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>
/// Plugs the <see cref="UsageAggregator"/> into the ingestion pipeline in the detectors' place, so <c>policy</c>
/// and <c>report</c> read exactly the inputs <c>replay</c> reads (envelopes, notifications, gzip objects).
/// It reads no state and reports nothing.
/// </summary>
internal sealed class UsageTap(UsageAggregator aggregator) : IDetector
{
    public string Id => "least-privilege-usage";

    public IEnumerable<StateKey> KeysFor(Activity activity) => [];

    public ValueTask InspectAsync(Activity activity, DetectionContext context, CancellationToken cancellationToken)
    {
        aggregator.Observe(activity);
        return ValueTask.CompletedTask;
    }
}
