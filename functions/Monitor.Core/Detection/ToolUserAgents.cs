namespace Monitor.Detection;

/// <summary>
/// The one list of tool user agents every detector consults: offensive or scanning tools (whose user agent is a signal
/// in itself) and scripting clients (unusual for a person's credential waking up). A detection must never fire only
/// because a tool names itself; these add weight to findings that stand on their own.
/// </summary>
internal static class ToolUserAgents
{
    private static readonly string[] OffensiveTools = ["stratus-red-team", "trufflehog", "pacu", "scoutsuite", "cloudfox"];

    // Penetration-testing distributions show up in the os/ or distrib# part of SDK and CLI user agents (GuardDuty PenTest:*).
    private static readonly string[] PentestSystems = ["kali", "parrot", "pentoo"];

    private static readonly string[] ScriptClients = ["python-requests/", "curl/", "go-http-client", "okhttp"];

    /// <summary>Why a user agent is an offensive or scanning tool, or null. <c>python-requests</c> counts only on STS and sign-in.</summary>
    public static string? Offensive(string? userAgent, bool onStsOrSignIn)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var ua = userAgent.ToLowerInvariant();
        if (OffensiveTools.FirstOrDefault(tool => ua.Contains(tool, StringComparison.Ordinal)) is { } found)
        {
            return found;
        }

        var kernel = KernelRelease(ua);
        foreach (var system in PentestSystems)
        {
            if (ua.Contains("os/linux#" + system, StringComparison.Ordinal) || ua.Contains("distrib#" + system, StringComparison.Ordinal) || ua.Contains(system + " linux", StringComparison.Ordinal)
                || kernel.Contains(system, StringComparison.Ordinal) || ua.Contains("." + system + ".", StringComparison.Ordinal))
            {
                return system + "-linux";
            }
        }

        return onStsOrSignIn && ua.StartsWith("python-requests/", StringComparison.Ordinal) ? "python-requests" : null;
    }

    // The AWS CLI v2 writes the kernel release and its build's distribution: "Linux/6.3.0-kali1-amd64 exe/x86_64.kali.2023".
    private static string KernelRelease(string ua)
    {
        var kernel = ua.IndexOf("linux/", StringComparison.Ordinal);
        return kernel < 0 ? "" : ua[(kernel + "linux/".Length)..].Split(' ')[0];
    }

    /// <summary>Whether a user agent is an offensive tool or a scripting client (curl, python-requests, ...).</summary>
    public static bool IsTool(string? userAgent) =>
        Offensive(userAgent, onStsOrSignIn: true) is not null
        || (userAgent is not null && ScriptClients.Any(client => userAgent.Contains(client, StringComparison.OrdinalIgnoreCase)));
}
