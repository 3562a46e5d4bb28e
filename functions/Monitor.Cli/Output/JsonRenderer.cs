using System.Text.Json;
using Monitor.Cli.Replay;
using Monitor.Detection;

namespace Monitor.Cli.Output;

/// <summary>Machine views of a replay: one finding per line (JSONL), or one JSON document with a summary.</summary>
internal static class JsonRenderer
{
    public static void RenderLines(TextWriter output, ReplayResult result)
    {
        foreach (var finding in result.Findings)
        {
            output.WriteLine(FindingJson.ToJsonLine(finding));
        }
    }

    public static void RenderDocument(TextWriter output, ReplayResult result, DateTimeOffset? asOf)
    {
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("records", result.Records);
        writer.WriteNumber("inputs", result.Outcomes.Count);
        if (asOf is { } t)
        {
            writer.WriteString("asOf", t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            FindingJson.WriteTo(writer, finding);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (var error in result.Errors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
