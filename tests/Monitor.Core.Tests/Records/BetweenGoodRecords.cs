using System.Text.Json.Nodes;
using Monitor.Records;
using static Monitor.Testing.Some;

namespace Monitor.Core.Tests.Records;

/// <summary>Puts one broken record between two good ones and checks that it alone failed.</summary>
internal static class BetweenGoodRecords
{
    /// <summary>Replaced in the JSON of the bad record by raw text (escapes, numbers) that JsonNode would not write.</summary>
    public const string Marker = "@@";

    public static JsonObject Good(string eventId)
    {
        var record = CloudTrail.Record();
        record["eventID"] = eventId;
        return record;
    }

    /// <summary>Reads the records "first", <paramref name="bad"/> and "third" as one log.</summary>
    public static Task<(List<Activity> Activities, ReadReport Report)> ReadAsync(JsonObject bad, string? marker = null, int chunk = 4096)
    {
        var json = CloudTrail.Log(Good("first"), bad, Good("third"));
        return CloudTrailReading.ReadAsync(marker is null ? json : json.Replace(Marker, marker, StringComparison.Ordinal), chunk: chunk);
    }

    /// <summary>Like <see cref="ReadAsync"/>, with every <c>"@@"</c> value of the bad record replaced by the JSON <paramref name="value"/>.</summary>
    public static Task<(List<Activity> Activities, ReadReport Report)> ReadWithValueAsync(JsonObject bad, string value) =>
        CloudTrailReading.ReadAsync(CloudTrail.Log(Good("first"), bad, Good("third")).Replace($"\"{Marker}\"", value, StringComparison.Ordinal));

    public static void ShouldHaveReadOnlyTheGoodOnes(List<Activity> activities, ReadReport report, string error)
    {
        activities.Select(a => a.EventId).ShouldBe(["first", "third"]);
        report.Records.ShouldBe(3);
        report.Errors.ShouldBe([$"{CloudTrailReading.Input}: record 2: {error}"]);
    }
}
