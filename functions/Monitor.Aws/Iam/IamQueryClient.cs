using System.Net;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Monitor.Aws.Iam;

/// <summary>
/// A minimal client of IAM's Query API (form-encoded POST, XML answers), signed with AWSSDK.Core's public
/// <see cref="SigV4SigningHandler"/>: there is no IAM SDK package in the registry, and two actions do not need one.
/// </summary>
public sealed class IamQueryClient(HttpClient http, IamQueryOptions options)
{
    public const string Version = "2010-05-08";

    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    /// <summary>An HTTP client that signs every request for service <c>iam</c> in <c>us-east-1</c> (IAM's signing region).</summary>
    public static HttpClient CreateSignedHttpClient(AWSCredentials credentials, HttpMessageHandler? inner = null) =>
        new(new SigV4SigningHandler(credentials, RegionEndpoint.USEast1, "iam", inner ?? new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    public IamQueryOptions Options { get; } = options;

    /// <summary>Calls <paramref name="action"/>; returns its <c>&lt;ActionResult&gt;</c> element, or throws <see cref="IamRequestException"/>.</summary>
    public Task<XElement> CallAsync(string action, CancellationToken cancellationToken) => CallAsync(action, [], cancellationToken);

    /// <summary>Calls <paramref name="action"/> with request <paramref name="parameters"/> (e.g. <c>Marker</c>).</summary>
    public async Task<XElement> CallAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.Endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", Version), .. parameters]),
        };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (System.Xml.XmlException)
        {
            throw new IamRequestException(action, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), "IAM answered with something that is not XML");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            throw new IamRequestException(
                action,
                Child(error, "Code") ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Child(error, "Message") ?? response.ReasonPhrase ?? "");
        }

        return document.Root?.Element(Ns + $"{action}Result") ?? document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == $"{action}Result")
            ?? throw new IamRequestException(action, "MalformedResponse", $"no {action}Result element");
    }

    internal static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
