using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Detection;

namespace Monitor.Aws;

/// <summary>
/// A finding as contract JSON (ARCHITECTURE.md "Findings"), for the alert queue and the state table.
/// The one place the adapters serialize findings: Core's FindingJson replaces this body once it lands.
/// </summary>
public static class FindingDocument
{
    public static string Serialize(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", finding.Id);
            w.WriteString("detector", finding.Detector);
            w.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            w.WriteString("title", finding.Title);
            w.WriteString("account", finding.Account);
            w.WriteString("principal", finding.Principal);
            w.WriteString("time", finding.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            WriteArray(w, "eventIds", finding.EventIds);
            WriteArray(w, "signals", finding.Signals);
            w.WritePropertyName("evidence");
            finding.Evidence.WriteTo(w);
            w.WriteString("recommendation", finding.Recommendation);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Finding Deserialize(string json)
    {
        var node = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("A finding must be a JSON object.");
        return new Finding
        {
            Id = Text(node, "id"),
            Detector = Text(node, "detector"),
            Severity = Enum.Parse<Severity>(Text(node, "severity"), ignoreCase: true),
            Title = Text(node, "title"),
            Account = Text(node, "account"),
            Principal = Text(node, "principal"),
            Time = DateTimeOffset.Parse(Text(node, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            EventIds = Strings(node, "eventIds"),
            Signals = Strings(node, "signals"),
            Evidence = node["evidence"]?.DeepClone().AsObject() ?? [],
            Recommendation = Text(node, "recommendation"),
        };
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new JsonException($"A finding needs '{name}'.");

    private static string[] Strings(JsonObject node, string name) =>
        node[name]?.AsArray().Select(v => v?.GetValue<string>() ?? "").ToArray() ?? [];
}
