using System.Text.Json;
using Monitor.State;

namespace Monitor.Detection.Roles;

/// <summary>Reads back the role subjects that facts remember (<see cref="FactDraft.Remember"/>).</summary>
internal static class RoleDigest
{
    public static RoleSubject? Remembered(Sighting? sighting)
    {
        if (sighting.Get(SubjectDigest.Attribute) is not { } digest || SubjectDigest.Split(digest) is not { } parts || parts.Detector != RoleFindings.Detector)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(parts.Text, RoleJsonContext.Default.RoleSubject);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
