using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Monitor.Testing.Emulators;

/// <summary>
/// dynalite (DynamoDB) and s3rver (S3) on 127.0.0.1, on free ports, for the adapter and end-to-end tests.
/// Installs them with <c>npm ci</c> in tests/emulators the first time (so a fresh clone needs no extra step),
/// and kills them when disposed.
/// </summary>
public sealed class LocalEmulators : IAsyncLifetime
{
    private readonly List<Process> _processes = [];
    private string? _s3Directory;

    public Uri DynamoDb { get; private set; } = null!;

    public Uri S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = EmulatorPackages.EnsureInstalled();
        var bin = Path.Combine(folder, "node_modules", ".bin");

        var dynamoPort = FreePort();
        var dynamo = Start(Path.Combine(bin, "dynalite"), "--host", "127.0.0.1", "--port", $"{dynamoPort}", "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");

        _s3Directory = Directory.CreateTempSubdirectory("monitor-s3rver-").FullName;
        var s3Port = FreePort();
        var s3 = Start(Path.Combine(bin, "s3rver"), "-d", _s3Directory, "-a", "127.0.0.1", "-p", $"{s3Port}", "--silent");

        await Task.WhenAll(WaitForPortAsync(dynamo, dynamoPort), WaitForPortAsync(s3, s3Port));
        DynamoDb = new Uri($"http://127.0.0.1:{dynamoPort}");
        S3 = new Uri($"http://127.0.0.1:{s3Port}");
    }

    public Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            process.Dispose();
        }

        if (_s3Directory is not null)
        {
            try
            {
                Directory.Delete(_s3Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }

    private Process Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return process;
    }

    private static async Task WaitForPortAsync(Process process, int port)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with code {process.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"{process.StartInfo.FileName} did not listen on {port} within 60 s.");
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
