namespace Monitor.Detection.Roles;

/// <summary>
/// Reduces a user agent to its family: SDK, CLI or tool name plus major version (<c>aws-cli/2</c>,
/// <c>boto3/1</c>, <c>terraform/1</c>), <c>browser</c> for the console, <c>aws-internal</c> for console
/// back ends. Full user agents change with every patch release; families change when the client does.
/// </summary>
internal static class UserAgentFamily
{
    // Tools named inside a user agent, checked before the SDK token that usually leads it.
    private static readonly (string Token, string Family)[] Tools =
    [
        ("stratus-red-team", "stratus-red-team"),
        ("trufflehog", "trufflehog"),
        ("pacu", "pacu"),
        ("amazon-ssm-agent", "amazon-ssm-agent"),
        ("terraform/", "terraform"),
        ("pulumi", "pulumi"),
        ("ansible", "ansible"),
    ];

    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "unknown";
        }

        var ua = userAgent.Trim().TrimStart('[').ToLowerInvariant();
        if (ua.StartsWith("aws internal", StringComparison.Ordinal) || ua.Contains("aws-internal/", StringComparison.Ordinal))
        {
            return "aws-internal";
        }

        if (ua.EndsWith(".amazonaws.com", StringComparison.Ordinal))
        {
            return "service:" + ua;
        }

        foreach (var (token, family) in Tools)
        {
            if (ua.Contains(token, StringComparison.Ordinal))
            {
                return family == "terraform" || family == "amazon-ssm-agent" ? family + "/" + MajorAfter(ua, token.TrimEnd('/') + "/") : family;
            }
        }

        if (ua.StartsWith("mozilla/", StringComparison.Ordinal) || ua.StartsWith("opera/", StringComparison.Ordinal))
        {
            return "browser";
        }

        var slash = ua.IndexOf('/', StringComparison.Ordinal);
        var space = ua.IndexOf(' ', StringComparison.Ordinal);
        if (slash <= 0 || (space >= 0 && space < slash))
        {
            return Clip(space > 0 ? ua[..space] : ua);
        }

        return Clip(ua[..slash]) + "/" + MajorAfter(ua, ua[..(slash + 1)]);
    }

    /// <summary>Families that name a human's browser or the console's own back end: no network or UA novelty applies.</summary>
    public static bool IsConsole(string family) => family is "browser" or "aws-internal";

    private static string MajorAfter(string ua, string prefix)
    {
        var at = ua.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return "?";
        }

        var start = at + prefix.Length;
        var end = start;
        while (end < ua.Length && char.IsAsciiDigit(ua[end]))
        {
            end++;
        }

        return end > start ? ua[start..end] : "?";
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40];
}
