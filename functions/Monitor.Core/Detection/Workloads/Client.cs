using Monitor.Detection.Roles;

namespace Monitor.Detection.Workloads;

/// <summary>The operating systems a user agent can name, as far as telling a workload from a laptop needs.</summary>
internal enum ClientSystem
{
    Other,
    MacOs,
    Windows,
    Pentest,
}

/// <summary>
/// What a call's user agent says about the machine that made it: the client family (<c>aws-cli/2</c>, <c>boto3/1</c>,
/// <c>browser</c>), its operating system, an offensive tool, and whether it carries a platform's own marker. Calls are
/// grouped by <see cref="Member"/>, so one session's state holds one entry per kind of client.
/// </summary>
internal sealed record Client(string Family, ClientSystem System, string? Tool, bool Platform)
{
    // How SDKs and CLIs write the operating system: "Darwin/23.1.0", "os/macos#14.1", "Mac_OS_X/14.1" (Java), "(Macintosh; ...)", "Windows/10", "os/windows", "win32".
    private static readonly string[] MacOsTokens = ["darwin", "os/macos", "macintosh", "mac os x", "mac_os_x", "macos/"];
    private static readonly string[] WindowsTokens = ["windows", "os/win32", "win32/", "win64"];

    public string Member => $"{Family}|{System}|{Tool}";

    /// <summary>The client a <see cref="Member"/> names; <see cref="Platform"/> is not part of it (the state keeps it as a mark).</summary>
    public static Client FromMember(string member, bool platform)
    {
        var parts = member.Split('|');
        return new Client(parts[0], parts.Length > 1 && Enum.TryParse<ClientSystem>(parts[1], out var system) ? system : ClientSystem.Other, parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null, platform);
    }

    public static Client Of(string? userAgent)
    {
        var family = UserAgentFamily.Of(userAgent).Replace('|', '_');
        var ua = userAgent?.ToLowerInvariant() ?? "";
        var tool = ToolUserAgents.Offensive(userAgent, onStsOrSignIn: false);
        var system = tool is not null && tool.EndsWith("-linux", StringComparison.Ordinal) ? ClientSystem.Pentest
            : MacOsTokens.Any(t => ua.Contains(t, StringComparison.Ordinal)) ? ClientSystem.MacOs
            : WindowsTokens.Any(t => ua.Contains(t, StringComparison.Ordinal)) ? ClientSystem.Windows
            : ClientSystem.Other;
        return new Client(family, system, tool, Workload.PlatformMark(userAgent) is not null);
    }

    /// <summary>
    /// Why a call from this client cannot come from <paramref name="kind"/>, or null. A Mac, a browser or an offensive
    /// tool runs on none of them; Windows runs on EC2, ECS, CodeBuild and EKS nodes but not on Lambda, Glue or
    /// SageMaker; and Lambda runtimes carry no AWS CLI. (A change of client within a session is judged with its
    /// networks, by the detector.)
    /// </summary>
    public string? OffPlatform(WorkloadKind kind)
    {
        if (Tool is not null)
        {
            return "offensive-tool";
        }

        if (System == ClientSystem.MacOs || (System == ClientSystem.Windows && kind is WorkloadKind.Lambda or WorkloadKind.Glue or WorkloadKind.SageMaker))
        {
            return "desktop-os";
        }

        if (Family == "browser")
        {
            return "browser-client";
        }

        return kind == WorkloadKind.Lambda && Family.StartsWith("aws-cli/", StringComparison.Ordinal) ? "cli-not-on-platform" : null;
    }
}
