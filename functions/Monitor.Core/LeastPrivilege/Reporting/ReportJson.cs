using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.LeastPrivilege.Catalog;
using Monitor.LeastPrivilege.Policies;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>The report as JSON (hand-written: AOT).</summary>
internal static class ReportJson
{
    public static string Render(LeastPrivilegeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default }))
        {
            writer.WriteStartObject();
            writer.WriteString("asOf", report.AsOf?.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteStartObject("records");
            foreach (var (kind, count) in report.Records)
            {
                writer.WriteNumber(kind.ToString(), count);
            }

            writer.WriteEndObject();
            Strings(writer, "dataEventServices", report.DataEventServices);
            writer.WriteStartArray("principals");
            foreach (var principal in report.Principals)
            {
                Principal(writer, principal);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Principal(Utf8JsonWriter writer, PrincipalReport p)
    {
        writer.WriteStartObject();
        writer.WriteString("principal", p.Principal);
        writer.WriteString("kind", p.Kind);
        writer.WriteBoolean("grantsKnown", p.GrantsKnown);
        writer.WriteNumber("calls", p.Calls);
        writer.WriteNumber("granted", p.Granted);
        Strings(writer, "grantedBy", p.GrantedBy);
        Strings(writer, "credentials", p.Credentials);
        Strings(writer, "used", p.Used);
        writer.WriteStartObject("unused");
        foreach (var level in p.Unused)
        {
            Strings(writer, level.Level.Name(), level.Actions);
        }

        writer.WriteEndObject();
        Strings(writer, "unusedServices", p.UnusedServices);
        Strings(writer, "usageUnknown", p.UsageUnknown);
        Strings(writer, "usedNotGranted", p.UsedNotGranted);
        UsageJson.WriteDenied(writer, p.Denied);
        UsageJson.WriteUnmapped(writer, p.Unmapped);
        writer.WriteStartObject("suggestion");
        writer.WriteNumber("size", p.Suggestion.Size);
        writer.WriteNumber("budget", p.Suggestion.Budget);
        Strings(writer, "reductions", p.Suggestion.Reductions);
        writer.WriteStartArray("policies");
        foreach (var document in p.Suggestion.Documents)
        {
            PolicyJson.Write(writer, document);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
