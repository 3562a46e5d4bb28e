using System.Text.Json.Nodes;
using Monitor.Records;

namespace Monitor.Testing;

public static partial class Some
{
    /// <summary>Runs inputs through <see cref="CloudTrailReader"/> the way the pipeline does: as a non-seekable stream.</summary>
    public static class CloudTrailReading
    {
        public const string Input = "s3://trail-bucket/AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/02/log.json.gz";

        public static async Task<(List<Activity> Activities, ReadReport Report)> ReadAsync(
            byte[] content, CloudTrailReaderOptions? options = null, int chunk = 4096, CloudTrailReader? reader = null)
        {
            var report = new ReadReport(Input);
            var activities = new List<Activity>();
            using var stream = new ChunkedStream(content, chunk);
            await foreach (var activity in (reader ?? new CloudTrailReader(options)).ReadAsync(stream, report, CancellationToken.None))
            {
                activities.Add(activity);
            }

            return (activities, report);
        }

        public static Task<(List<Activity> Activities, ReadReport Report)> ReadAsync(string json, CloudTrailReaderOptions? options = null, int chunk = 4096) =>
            ReadAsync(CloudTrail.Utf8(json), options, chunk);

        /// <summary>Reads one record delivered the S3 way and returns its activity; fails if it was rejected.</summary>
        public static async Task<Activity> ReadOneAsync(JsonObject record)
        {
            var (activities, report) = await ReadAsync(CloudTrail.Log(record));
            report.Errors.ShouldBeEmpty();
            return activities.ShouldHaveSingleItem();
        }
    }
}
