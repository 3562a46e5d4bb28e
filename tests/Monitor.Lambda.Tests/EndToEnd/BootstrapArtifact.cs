using System.Diagnostics;
using Monitor.Testing;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>
/// The Native AOT <c>bootstrap</c> the end-to-end tests run: <c>MONITOR_BOOTSTRAP</c> when set (CI publishes
/// once), otherwise published here into out/e2e-bootstrap (incremental after the first time).
/// </summary>
public static class BootstrapArtifact
{
    public const string Variable = "MONITOR_BOOTSTRAP";
    private static readonly Lazy<string> Published = new(Publish);

    public static string Path => Published.Value;

    private static string Publish()
    {
        var prebuilt = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(prebuilt))
        {
            return File.Exists(prebuilt) ? prebuilt : throw new FileNotFoundException($"{Variable} names a missing file", prebuilt);
        }

        var output = System.IO.Path.Combine(RepositoryFolders.Root, "out", "e2e-bootstrap");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryFolders.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", "functions/Monitor.Lambda/Monitor.Lambda.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        if (!publish.WaitForExit(TimeSpan.FromMinutes(20)) || publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the bootstrap failed:\n{stdout.Result}\n{stderr.Result}");
        }

        // Trim/AOT analysis warnings are errors in the project; this catches any other warning in the publish.
        if (stdout.Result.Contains(": warning ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"dotnet publish of the bootstrap warned:\n{stdout.Result}");
        }

        return System.IO.Path.Combine(output, "bootstrap");
    }
}
