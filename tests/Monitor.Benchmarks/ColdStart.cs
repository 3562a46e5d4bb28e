using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Benchmarks;

/// <summary>
/// Cold start of the bootstrap: from process start to its first <c>GET /runtime/invocation/next</c>, which is when
/// Lambda's init phase ends. Compares builds of the same code, e.g. Native AOT against framework-dependent JIT:
/// <c>dotnet run -c Release --project tests/Monitor.Benchmarks -- coldstart out/aot/bootstrap out/jit/bootstrap [runs]</c>.
/// </summary>
public static class ColdStart
{
    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("usage: coldstart <bootstrap> [<bootstrap>...] [runs]");
            return;
        }

        var runs = int.TryParse(args[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 20;
        var binaries = args[1..].Where(a => !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        foreach (var binary in binaries)
        {
            await MeasureAsync(binary, warmups: 2);
            var samples = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                samples.Add(await MeasureAsync(binary, 0));
            }

            samples.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{binary}: median {samples[samples.Count / 2]:F1} ms, min {samples[0]:F1} ms, p90 {samples[(int)(samples.Count * 0.9)]:F1} ms over {runs} runs"));
        }
    }

    private static async Task<double> MeasureAsync(string binary, int warmups)
    {
        var result = 0.0;
        for (var i = 0; i <= warmups; i++)
        {
            result = await MeasureOnceAsync(binary);
        }

        return result;
    }

    private static async Task<double> MeasureOnceAsync(string binary)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var info = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        info.Environment["_HANDLER"] = "ingest-cloudtrail";
        info.Environment["AWS_REGION"] = "us-east-1";
        info.Environment["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "example";
        info.Environment["MONITOR_STATE_TABLE"] = "state";
        info.Environment["MONITOR_ALERT_QUEUE_URL"] = "https://sqs.us-east-1.amazonaws.com/123456789012/alerts";

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        using var client = await listener.AcceptTcpClientAsync();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        var stream = client.GetStream();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!request.ToString().StartsWith("GET /2018-06-01/runtime/invocation/next", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{binary} sent {request} instead of a next request");
        }

        process.Kill();
        await process.WaitForExitAsync();
        return elapsed;
    }
}
