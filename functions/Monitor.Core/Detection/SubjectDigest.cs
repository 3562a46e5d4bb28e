using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// A subject stored in state: <c>detector id</c>, a unit separator, then the detector's own encoding. Stored as an
/// earliest-wins attribute, so a key remembers the subject of its earliest event.
/// </summary>
internal static class SubjectDigest
{
    private const char Separator = '\u001f';

    public static readonly SlotAttribute<string> Attribute = new("subject", Codecs.Text, AttributeMerge.Earliest);

    public static string Of(IDetector detector, ISubject subject)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return detector.Id + Separator + detector.Encode(subject);
    }

    /// <summary>The detector id and the detector's text of a digest, or null when the text is not a digest.</summary>
    public static (string Detector, string Text)? Split(string digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var at = digest.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? (digest[..at], digest[(at + 1)..]) : null;
    }
}
