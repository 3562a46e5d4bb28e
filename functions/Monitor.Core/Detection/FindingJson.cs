using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitor.Detection;

/// <summary>
/// The findings contract (README.md, Findings) as JSON: written and read by hand with <see cref="Utf8JsonWriter"/>
/// and <see cref="JsonDocument"/>, so the property order is fixed and nothing needs reflection (AOT).
/// </summary>
public static class FindingJson
{
    /// <summary>
    /// Every string in a finding can carry attacker-controlled text (user agents, error messages, names), and
    /// the JSON travels on to places we do not control: an HTML report's script block, an email, a log viewer.
    /// The default encoder escapes quotes, control characters, <c>&lt; &gt; &amp; '</c> and non-ASCII as
    /// <c>\uXXXX</c>, so the JSON stays inert wherever it is pasted; it costs readability for non-ASCII text
    /// only, and every JSON reader restores the original. Never the relaxed encoder here.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    /// <summary>Writes one finding as a JSON object, properties in contract order.</summary>
    public static void WriteTo(Utf8JsonWriter writer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(finding);
        writer.WriteStartObject();
        writer.WriteString("id", finding.Id);
        writer.WriteString("detector", finding.Detector);
        writer.WriteString("severity", SeverityName(finding.Severity));
        writer.WriteString("title", finding.Title);
        writer.WriteString("account", finding.Account);
        writer.WriteString("principal", finding.Principal);
        writer.WriteString("time", FormatTime(finding.Time));
        WriteStrings(writer, "eventIds", finding.EventIds);
        WriteStrings(writer, "signals", finding.Signals);
        writer.WritePropertyName("evidence");
        finding.Evidence.WriteTo(writer);
        writer.WriteString("recommendation", finding.Recommendation);
        writer.WriteEndObject();
    }

    /// <summary>The finding as compact UTF-8 JSON (no trailing newline).</summary>
    public static byte[] ToUtf8Bytes(Finding finding)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer, finding);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The finding as one compact line of JSON, without the line terminator (JSONL).</summary>
    public static string ToJsonLine(Finding finding) => Encoding.UTF8.GetString(ToUtf8Bytes(finding));

    /// <summary>Reads one finding object; throws <see cref="FormatException"/> naming the missing or invalid field.</summary>
    public static Finding Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = ParseDocument(ref reader);
        return Read(document.RootElement);
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static Finding Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads one finding from an element (e.g. an item of a JSON array of findings).</summary>
    public static Finding Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A finding must be a JSON object, not {element.ValueKind}.");
        }

        var evidence = Required(element, "evidence", JsonValueKind.Object);
        return new Finding
        {
            Id = RequiredString(element, "id"),
            Detector = RequiredString(element, "detector"),
            Severity = ParseSeverity(RequiredString(element, "severity")),
            Title = RequiredString(element, "title"),
            Account = RequiredString(element, "account"),
            Principal = RequiredString(element, "principal"),
            Time = ParseTime(RequiredString(element, "time"), "time"),
            EventIds = RequiredStrings(element, "eventIds"),
            Signals = RequiredStrings(element, "signals"),

            // Cloned so the finding outlives the document it was read from.
            Evidence = JsonObject.Create(evidence.Clone())!,
            Recommendation = RequiredString(element, "recommendation"),
        };
    }

    /// <summary>Lower-case contract name of a severity: critical, high, medium, low, info.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        Severity.Low => "low",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>
    /// ISO 8601 UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>, with fractional seconds (trailing zeros trimmed) only if present: the
    /// <c>F</c> specifiers drop the decimal point too when the fraction is zero.
    /// </summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO 8601 time with an offset or <c>Z</c>; throws <see cref="FormatException"/> naming <paramref name="field"/>.</summary>
    public static DateTimeOffset ParseTime(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A time without a zone would silently take the machine's zone; the contract always says UTC.
        var hasZone = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasZone || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException($"Field '{field}' is not an ISO 8601 time with a zone: \"{text}\".");
        }

        return time.ToUniversalTime();
    }

    private static Severity ParseSeverity(string text) => text.ToLowerInvariant() switch
    {
        "critical" => Severity.Critical,
        "high" => Severity.High,
        "medium" => Severity.Medium,
        "low" => Severity.Low,
        "info" => Severity.Info,
        _ => throw new FormatException($"Finding field 'severity' has unknown value \"{text}\" (critical, high, medium, low, info)."),
    };

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonDocument ParseDocument(ref Utf8JsonReader reader)
    {
        try
        {
            var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                throw new FormatException("A finding is followed by more JSON; expected one object.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new FormatException($"A finding is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement element, string name, JsonValueKind kind)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FormatException($"Finding is missing field '{name}'.");
        }

        return value.ValueKind == kind
            ? value
            : throw new FormatException($"Finding field '{name}' must be {kind}, not {value.ValueKind}.");
    }

    private static string RequiredString(JsonElement element, string name) => Required(element, name, JsonValueKind.String).GetString()!;

    private static string[] RequiredStrings(JsonElement element, string name)
    {
        var array = Required(element, name, JsonValueKind.Array);
        var values = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new FormatException($"Finding field '{name}' must hold strings only, not {item.ValueKind}.");
        }

        return values;
    }
}
