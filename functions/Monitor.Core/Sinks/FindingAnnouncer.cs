using Monitor.Detection;
using Monitor.State;

namespace Monitor.Sinks;

/// <summary>
/// Stores findings and sends the ones the store says are to be announced. When the send fails, the
/// announcements are handed back before the failure propagates (the message or invocation is then retried),
/// so the retry announces them instead of the store believing they were sent.
/// </summary>
public static class FindingAnnouncer
{
    /// <summary>Returns the findings that were sent now.</summary>
    public static async Task<IReadOnlyList<Finding>> AnnounceAsync(IStateStore store, IFindingSink sink, IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return [];
        }

        var pending = await store.PutFindingsAsync(findings, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return pending;
        }

        try
        {
            await sink.PublishAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not cancellable: the hand-back must land even when the send failed because time ran out.
            await store.ReturnAnnouncementsAsync([.. pending.Select(f => f.Id)], CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return pending;
    }
}
