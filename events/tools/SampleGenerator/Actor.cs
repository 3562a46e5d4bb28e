using System.Text.Json.Nodes;

/// <summary>A caller as CloudTrail sees it: identity, source address, user agent and TLS shape.</summary>
internal sealed record Actor(
    Func<JsonObject> Identity,
    string Ip,
    string Agent,
    bool Tls = true,
    string? Vpce = null,
    bool Console = false,
    string TlsVersion = "TLSv1.3");
