using System.Globalization;
using System.Text.Json.Serialization;

namespace Monitor.Detection.PublicBuckets;

/// <summary>
/// The subject of a public-bucket finding: anonymous requests of one kind (read or write) that S3 granted on one
/// bucket in one UTC day, folded together.
/// </summary>
internal sealed record BucketDay(string Account, string Bucket, string Kind, string Day, DateTimeOffset Time) : ISubject
{
    public string Id => $"{PublicBucketAccessDetector.DetectorId}:{Account}|{Bucket}|{Kind}|{Day}";

    [JsonIgnore]
    public bool IsWrite => Kind == "write";

    public static string DayOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

[JsonSerializable(typeof(BucketDay))]
internal sealed partial class PublicBucketJsonContext : JsonSerializerContext;
