using Monitor.Detection;
using Monitor.State;

namespace Monitor.Sinks;

/// <summary>
/// Sends the findings the store said to announce. When the send fails, the announcements are handed back before the
/// failure propagates (the message or invocation is then retried), so the retry announces them instead of the store
/// believing they were sent.
/// </summary>
internal static class FindingAnnouncer
{
    public static async Task AnnounceAsync(IStateStore store, IFindingSink sink, IReadOnlyList<Finding> toAnnounce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(toAnnounce);
        if (toAnnounce.Count == 0)
        {
            return;
        }

        try
        {
            await sink.PublishAsync(toAnnounce, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not cancellable: the hand-back must land even when the send failed because time ran out.
            await store.ReturnAnnouncementsAsync([.. toAnnounce.Select(f => f.Id)], CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
