using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.LeastPrivilege.Policies;

/// <summary>Writes policy documents as IAM JSON, by hand (no reflection: the Lambda is AOT-compiled).</summary>
public static class PolicyJson
{
    // IAM accepts only U+0009, U+000A, U+000D and U+0020-U+00FF; relaxed escaping keeps ARNs readable and escapes the rest.
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string ToJson(PolicyDocument document, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            Write(writer, document);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Characters IAM counts: the document without whitespace.</summary>
    public static int Size(PolicyDocument document) => ToJson(document).Count(c => !char.IsWhiteSpace(c));

    public static void Write(Utf8JsonWriter writer, PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        writer.WriteStartObject();
        writer.WriteString("Version", PolicyDocument.Version);
        writer.WriteStartArray("Statement");
        foreach (var statement in document.Statements)
        {
            writer.WriteStartObject();
            writer.WriteString("Sid", statement.Sid);
            writer.WriteString("Effect", "Allow");
            WriteOneOrMany(writer, "Action", statement.Actions);
            WriteOneOrMany(writer, "Resource", statement.Resources);
            if (statement.PassedToServices.Count > 0)
            {
                writer.WriteStartObject("Condition");
                writer.WriteStartObject("StringEquals");
                WriteOneOrMany(writer, "iam:PassedToService", statement.PassedToServices);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOneOrMany(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            writer.WriteString(name, values[0]);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
