using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>The published bootstrap loads on Amazon Linux 2023 (glibc 2.34) and is self-contained.</summary>
public sealed partial class BootstrapBinaryTests
{
    [Fact]
    public void HighestGlibcSymbolVersion_IsAtMost234()
    {
        var symbols = Run("objdump", "-T", BootstrapArtifact.Path);

        var versions = GlibcVersion().Matches(symbols).Select(m => Version.Parse(m.Groups[1].Value)).ToList();

        versions.ShouldNotBeEmpty();
        versions.Max().ShouldBeLessThanOrEqualTo(new Version(2, 34), "provided.al2023 has glibc 2.34");
    }

    [Fact]
    public void Bootstrap_NeedsNoDotnetRuntime()
    {
        var needed = NeededLibrary().Matches(Run("objdump", "-p", BootstrapArtifact.Path)).Select(m => m.Groups[1].Value).ToList();

        needed.ShouldNotBeEmpty();
        needed.ShouldAllBe(library => library.StartsWith("libc.so", StringComparison.Ordinal) || library.StartsWith("libm.so", StringComparison.Ordinal) || library.StartsWith("ld-linux", StringComparison.Ordinal));
    }

    private static string Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{file} failed");
        return output;
    }

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();

    [GeneratedRegex(@"NEEDED\s+(\S+)")]
    private static partial Regex NeededLibrary();
}
