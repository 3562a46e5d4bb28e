using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>The real bootstrap running as a child process, its stdout collected line by line; killed on dispose.</summary>
public sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;

    public BootstrapProcess(string path, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // Nothing from the developer's machine may leak in: no profile, no real credentials, no IMDS probing.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("MONITOR_", StringComparison.Ordinal) || k == "_HANDLER").ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Errors.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ConcurrentQueue<string> Output { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
