// Placeholder until FindingJson lands from its branch.
using System.Text.Json;

namespace Monitor.Detection;

public static class FindingJson
{
    public static string ToJsonLine(Finding finding) => throw new NotImplementedException(finding?.Id);

    public static void WriteTo(Utf8JsonWriter writer, Finding finding) => throw new NotImplementedException(finding?.Id + writer);
}
