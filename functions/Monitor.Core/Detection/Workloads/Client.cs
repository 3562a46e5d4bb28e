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
/// grouped by <see cref="Trait"/>.
/// </summary>
internal sealed record Client(string Family, ClientSystem System, string? Tool, bool Platform)
{
    // How SDKs and CLIs write the operating system: "Darwin/23.1.0", "os/macos#14.1", "Mac_OS_X/14.1" (Java), "(Macintosh; ...)", "Windows/10", "os/windows", "win32".
    private static readonly string[] MacOsTokens = ["darwin", "os/macos", "macintosh", "mac os x", "mac_os_x", "macos/"];
    private static readonly string[] WindowsTokens = ["windows", "os/win32", "win32/", "win64"];

    public static Client Of(string? userAgent) => Of(userAgent, Workload.PlatformMark(userAgent));

    /// <summary>The client of <paramref name="userAgent"/>, whose <see cref="Workload.PlatformMark"/> the caller has read already.</summary>
    public static Client Of(string? userAgent, WorkloadKind? platformMark)
    {
        var family = UserAgentFamily.Of(userAgent);
        var ua = userAgent?.ToLowerInvariant() ?? "";
        var tool = ToolUserAgents.Offensive(userAgent, onStsOrSignIn: false);
        var system = tool is not null && tool.EndsWith("-linux", StringComparison.Ordinal) ? ClientSystem.Pentest
            : MacOsTokens.Any(t => ua.Contains(t, StringComparison.Ordinal)) ? ClientSystem.MacOs
            : WindowsTokens.Any(t => ua.Contains(t, StringComparison.Ordinal)) ? ClientSystem.Windows
            : ClientSystem.Other;
        return new Client(family, system, tool, platformMark is not null);
    }

    /// <summary>
    /// What about this client can rule a platform out, from a closed vocabulary (so a session's state holds a few
    /// entries whatever user agents a caller invents): <c>tool</c>, <c>browser</c>, <c>macos</c>, <c>windows</c>,
    /// <c>aws-cli</c> (only without the platform's marker: a CLI layer inside Lambda carries it), else <c>other</c>.
    /// </summary>
    public string Trait => Tool is not null ? "tool"
        : Family == "browser" ? "browser"
        : System == ClientSystem.MacOs ? "macos"
        : System == ClientSystem.Windows ? "windows"
        : !Platform && Family.StartsWith("aws-cli/", StringComparison.Ordinal) ? "aws-cli"
        : "other";

    /// <summary>
    /// Why a call with <paramref name="trait"/> cannot come from <paramref name="kind"/>, or null. An offensive tool
    /// or a browser runs on none of them. macOS runs only on EC2 Mac instances and CodeBuild's macOS fleets, so there it
    /// counts only once the session has also been used from another system (<paramref name="otherSystemSeen"/>).
    /// Windows runs on EC2, ECS, CodeBuild and EKS nodes, not on Lambda, Glue or SageMaker. Lambda runtimes carry no
    /// AWS CLI (a CLI layer's calls carry the runtime's marker, and are not <c>aws-cli</c>).
    /// </summary>
    public static string? OffPlatform(string trait, WorkloadKind kind, bool otherSystemSeen) => trait switch
    {
        "tool" => "offensive-tool",
        "browser" => "browser-client",
        "macos" when kind is not (WorkloadKind.Ec2Instance or WorkloadKind.CodeBuild) || otherSystemSeen => "desktop-os",
        "windows" when kind is WorkloadKind.Lambda or WorkloadKind.Glue or WorkloadKind.SageMaker => "desktop-os",
        "aws-cli" when kind == WorkloadKind.Lambda => "cli-not-on-platform",
        _ => null,
    };
}
