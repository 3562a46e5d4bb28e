using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// What the ledger knows of a credential's life before one use: its sighting, and the sightings of the use's own
/// day and of the day the idle window starts (see <see cref="CredentialKeys.UseDay"/>).
/// </summary>
public sealed record DormancyEvidence(Sighting? Credential, Sighting? Today, Sighting? WindowStartDay)
{
    /// <summary>Whether the use's source network was seen for this credential strictly before the use.</summary>
    public bool NetworkSeenBefore { get; init; }

    /// <summary>
    /// Known since before <paramref name="since"/>, and not seen at all in [<paramref name="since"/>, <paramref name="at"/>):
    /// decided only from sightings strictly before the event, so replays and reordered delivery decide the same.
    /// </summary>
    public bool IdleSince(DateTimeOffset since, DateTimeOffset at)
    {
        if (Credential is null || Credential.FirstSeen >= since)
        {
            return false;
        }

        if (Today is not null && Today.FirstSeen < at)
        {
            return false;
        }

        if (WindowStartDay is not null && WindowStartDay.LastSeen >= since)
        {
            return false;
        }

        int first = Sighting.DayNumber(since), last = Sighting.DayNumber(at);
        return !Credential.Days.Any(d => d > first && d < last);
    }
}
