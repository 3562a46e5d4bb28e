using System.IO.Compression;
using System.Text;

namespace Monitor.Testing;

/// <summary>
/// Who acts in a <see cref="SyntheticAccountLog"/>: role sessions (each its own ASIA key), IAM users (each one AKIA
/// key) and the roles the sessions belong to. The population is fixed, so a longer log is more of the same activity,
/// not more principals.
/// </summary>
public sealed record SyntheticPopulation(int Sessions = 2_000, int Users = 200, int Roles = 40);

/// <summary>
/// A generated CloudTrail object shaped like a busy account's (records of about 1.4 KB, as real ones): role sessions
/// calling S3, EC2, KMS and Secrets Manager, IAM users with long-term keys, the AssumeRole calls that issue the
/// sessions, GetSessionToken, console sign-ins, AccessDenied, calls AWS services make for a role, and a root sign-in
/// every 250,000 records. Record <c>i</c> is a pure function of <c>i</c> and the population; every session is used in
/// turn (in a scrambled order), so a log of at least a few records per session uses all of them.
/// </summary>
public sealed partial class SyntheticAccountLog(SyntheticPopulation population)
{
    /// <summary>The account every principal belongs to.</summary>
    public const string Account = "111122223333";

    private const int Cycle = 20;

    /// <summary>Event time of record 0; records are 100 ms apart, so a 1 GB log covers about 21 hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    public SyntheticPopulation Population { get; } = population;

    /// <summary>The JSON of record <paramref name="index"/> (0-based), on one line.</summary>
    public string RecordJson(long index)
    {
        if (index % 250_000 == 124_999)
        {
            return RootSignIn(index);
        }

        var cycle = index / Cycle;
        return (index % Cycle) switch
        {
            var slot and < 7 => SessionDataCall(index, SessionOf(cycle, (int)slot)),
            7 or 8 or 9 => SessionApiCall(index, SessionOf(cycle, (int)(index % Cycle))),
            19 => SessionApiCall(index, SessionOf(cycle, 10)),
            10 or 11 or 12 => UserApiCall(index, UserOf(index)),
            13 => Assumption(index, SessionOf(cycle, 11)),
            14 => Assumption(index, SessionOf(cycle, 12)),
            15 => SessionDenied(index, SessionOf(cycle, 13)),
            16 => UserDenied(index, UserOf(index)),
            17 => ServiceCallForSession(index, SessionOf(cycle, 14)),
            _ => cycle % 4 == 0 ? ConsoleSignIn(index, UserOf(index)) : SessionToken(index, UserOf(index)),
        };
    }

    /// <summary>
    /// Writes records until the uncompressed log reaches <paramref name="bytes"/> (or <paramref name="maxRecords"/>),
    /// gzip-compressed when <paramref name="gzip"/> (as CloudTrail delivers), and returns how many records it wrote
    /// and the uncompressed size.
    /// </summary>
    public (long Records, long Bytes) Write(string path, long bytes, bool gzip, long maxRecords = long.MaxValue)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using Stream sink = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        var buffer = new byte[1 << 16];
        var written = 0L;
        var records = 0L;
        Append(sink, buffer, "{\"Records\":[", ref written);
        while (written < bytes && records < maxRecords)
        {
            Append(sink, buffer, records == 0 ? RecordJson(records) : "," + RecordJson(records), ref written);
            records++;
        }

        Append(sink, buffer, "]}\n", ref written);
        return (records, written);
    }

    private static void Append(Stream sink, byte[] buffer, string text, ref long written)
    {
        var bytes = Encoding.UTF8.GetMaxByteCount(text.Length) <= buffer.Length
            ? Encoding.UTF8.GetBytes(text, buffer)
            : throw new InvalidOperationException("record larger than the write buffer");
        sink.Write(buffer, 0, bytes);
        written += bytes;
    }

    // Sessions are used in turn, scrambled by a multiplier coprime with any population size anyone will ask for.
    private int SessionOf(long cycle, int slot) => (int)((cycle * 15 + slot) * 1_000_003 % Population.Sessions);

    private int UserOf(long index) => (int)(index * 7_919 % Population.Users);
}
