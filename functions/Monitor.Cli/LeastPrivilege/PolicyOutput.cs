using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Policies;
using Monitor.LeastPrivilege.Reporting;

namespace Monitor.Cli.LeastPrivilege;

/// <summary>
/// The <c>policy</c> JSON contract: <c>{"principals":[{"principal":ARN,"policy":{Version,Statement},
/// "denied":[{"action","count"}],"unmapped":[{"eventSource","eventName","count"}]}]}</c>, plus
/// <c>additionalPolicies</c> when the size ladder split the policy, and the ladder steps applied.
/// </summary>
internal static class PolicyOutput
{
    public static void Write(Stream output, IReadOnlyList<(PrincipalUsage Usage, PolicySuggestion Suggestion)> principals)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("principals");
        foreach (var (usage, suggestion) in principals)
        {
            writer.WriteStartObject();
            writer.WriteString("principal", usage.Key);
            writer.WritePropertyName("policy");
            PolicyJson.Write(writer, suggestion.Documents[0]);
            if (suggestion.Documents.Count > 1)
            {
                writer.WriteStartArray("additionalPolicies");
                foreach (var document in suggestion.Documents.Skip(1))
                {
                    PolicyJson.Write(writer, document);
                }

                writer.WriteEndArray();
            }

            writer.WriteNumber("size", suggestion.Size);
            writer.WriteNumber("budget", suggestion.Budget);
            writer.WriteStartArray("reductions");
            suggestion.Reductions.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            UsageJson.WriteDenied(writer, usage.Denied);
            UsageJson.WriteUnmapped(writer, usage.Unmapped.Select(u => (u.Key.EventSource, u.Key.EventName, u.Value)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
