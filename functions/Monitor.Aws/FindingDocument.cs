using Monitor.Detection;

namespace Monitor.Aws;

/// <summary>A finding as contract JSON, for the alert queue and the state table: Core's <see cref="FindingJson"/>.</summary>
public static class FindingDocument
{
    public static string Serialize(Finding finding) => FindingJson.ToJsonLine(finding);

    public static Finding Deserialize(string json) => FindingJson.Parse(json);
}
