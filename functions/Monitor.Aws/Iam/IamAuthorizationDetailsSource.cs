using System.Text.Json;
using System.Xml.Linq;
using Monitor.LeastPrivilege.Granted;

namespace Monitor.Aws.Iam;

/// <summary>Where the report learns what is granted: every user and role of the account with its policies.</summary>
public interface IGrantedSource
{
    Task<IReadOnlyList<GrantedPrincipal>> FetchAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <c>GetAccountAuthorizationDetails</c> over the Query API, every page (<c>Marker</c> while <c>IsTruncated</c>).
/// The XML is rewritten into the JSON shape the CLI prints (lists of <c>member</c> become arrays), so the one
/// <see cref="AuthorizationDetailsReader"/> reads both; policy documents stay URL-encoded, which it decodes.
/// </summary>
public sealed class IamAuthorizationDetailsSource(IamQueryClient iam) : IGrantedSource
{
    private const string Action = "GetAccountAuthorizationDetails";

    private static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];

    /// <summary>Pages fetched by the last call (for tests and telemetry).</summary>
    public int Pages { get; private set; }

    public async Task<IReadOnlyList<GrantedPrincipal>> FetchAsync(CancellationToken cancellationToken)
    {
        var members = Lists.ToDictionary(l => l, _ => new List<XElement>(), StringComparer.Ordinal);
        string? marker = null;
        Pages = 0;
        do
        {
            KeyValuePair<string, string>[] parameters = marker is null ? [new("MaxItems", "1000")] : [new("MaxItems", "1000"), new("Marker", marker)];
            var result = await iam.CallAsync(Action, parameters, cancellationToken).ConfigureAwait(false);
            Pages++;
            foreach (var list in Lists)
            {
                members[list].AddRange(ListMembers(result.Elements().FirstOrDefault(e => e.Name.LocalName == list)));
            }

            marker = string.Equals(IamQueryClient.Child(result, "IsTruncated"), "true", StringComparison.OrdinalIgnoreCase) ? IamQueryClient.Child(result, "Marker") : null;
            if (marker is { Length: 0 })
            {
                throw new IamRequestException(Action, "MalformedResponse", "IsTruncated without a Marker");
            }
        }
        while (marker is not null);

        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var list in Lists)
            {
                writer.WriteStartArray(list);
                members[list].ForEach(m => WriteValue(writer, m));
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        json.Position = 0;
        return AuthorizationDetailsReader.Read(json);
    }

    private static IEnumerable<XElement> ListMembers(XElement? list) => list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    // Query API shapes: a list is an element of <member> children, a structure has named children, a scalar is
    // text. An empty list (<GroupList/>) is indistinguishable from an empty string and reads as one: the reader
    // treats a non-array as no items.
    private static void WriteValue(Utf8JsonWriter writer, XElement element)
    {
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (element.Name.LocalName == "IsDefaultVersion")
            {
                writer.WriteBooleanValue(string.Equals(element.Value, "true", StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                writer.WriteStringValue(element.Value);
            }
        }
        else if (children.All(c => c.Name.LocalName == "member"))
        {
            writer.WriteStartArray();
            children.ForEach(c => WriteValue(writer, c));
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject();
            foreach (var child in children)
            {
                writer.WritePropertyName(child.Name.LocalName);
                WriteValue(writer, child);
            }

            writer.WriteEndObject();
        }
    }
}
