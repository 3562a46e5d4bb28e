using System.Text.Json;

namespace Monitor.Envelopes;

/// <summary>
/// What telling an input's shape looks at: the start of its text and, for JSON, the root's kind and property names
/// and, when the root holds a <c>Records</c> array (or is an array), the first element's property names and
/// <c>eventSource</c>. A file's outline is read from a prefix of it (<see cref="Read"/>), a message body's from its
/// parsed root, so the one set of rules in <see cref="InputShapes"/> serves both.
/// </summary>
public sealed class InputOutline
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>The text from its first non-blank byte, a UTF-8 byte order mark skipped; empty for a parsed body.</summary>
    public ReadOnlyMemory<byte> Head { get; init; }

    /// <summary><c>Object</c> or <c>Array</c> when the text starts like one (it may still turn out malformed), else <c>Undefined</c>.</summary>
    public JsonValueKind Root { get; init; }

    /// <summary>The root object's property names; from a prefix, those before the <c>Records</c> array and the prefix's end.</summary>
    public IReadOnlySet<string> Properties { get; init; } = None;

    /// <summary>The first record's property names; null when there is no first record or it is not an object.</summary>
    public IReadOnlySet<string>? FirstRecord { get; init; }

    /// <summary>The first record's <c>eventSource</c>, when it is a string.</summary>
    public string? FirstRecordEventSource { get; init; }

    /// <summary>
    /// The earliest time the input names up front (a record's <c>eventTime</c>, an SQS message's <c>SentTimestamp</c>, an
    /// EventBridge <c>time</c>, an SNS <c>Timestamp</c>), by which replay orders its inputs; read from a prefix only.
    /// </summary>
    public DateTimeOffset? FirstTime { get; init; }

    public bool Has(string property) => Properties.Contains(property);

    public bool FirstRecordHas(string property) => FirstRecord?.Contains(property) == true;

    /// <summary>The outline of a file from a prefix of its (decompressed) bytes; stops quietly where the prefix ends or the JSON breaks.</summary>
    public static InputOutline Read(ReadOnlyMemory<byte> prefix) => InputOutlineReader.Read(prefix);

    /// <summary>The outline of a parsed message body.</summary>
    internal static InputOutline Of(JsonElement root)
    {
        var records = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("Records", out var value) && value.ValueKind == JsonValueKind.Array => value,
            _ => default(JsonElement?),
        };
        var first = records is { } array && array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.Object ? array[0] : default(JsonElement?);
        return new InputOutline
        {
            Root = root.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? root.ValueKind : JsonValueKind.Undefined,
            Properties = Names(root) ?? None,
            FirstRecord = first is { } record ? Names(record) : null,
            FirstRecordEventSource = first is { } source ? JsonFields.String(source, "eventSource") : null,
        };
    }

    private static HashSet<string>? Names(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal)
            : null;
}
