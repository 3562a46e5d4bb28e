using System.Security.Cryptography;
using System.Text;

namespace Monitor.Detection;

/// <summary>
/// Deterministic finding ids: the detector plus a hash of the subject parts (and the triggering event's
/// dedup key where the finding is about one event). The same input always yields the same id, so a
/// redelivered or replayed log never produces a second finding.
/// </summary>
internal static class FindingId
{
    public static string For(string detector, params ReadOnlySpan<string?> parts)
    {
        var text = string.Join('\u001f', parts.ToArray());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(detector + '\u001e' + text));
        return $"{detector}-{Convert.ToHexStringLower(hash.AsSpan(0, 10))}";
    }
}
