using System.Diagnostics;
using System.Globalization;
using System.Text;
using Monitor.Records;
using Monitor.Records.AccessLogs;
using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>access-log-rate [lines]</c>: one timed pass of the access-log reader (split, attribute, build activities) over
/// a generated plain-text log (default 1,000,000 lines: a few buckets, requesters and agents, many keys), after a
/// short warm-up, printing lines per second. Single-threaded, so the figure is per core.
/// </summary>
internal static class AccessLogRate
{
    public static async Task RunAsync(string[] args)
    {
        var lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"Generating an access log of {lines:N0} lines...");
        var log = Generate(lines);
        Console.WriteLine($"Size: {log.Length / 1048576.0:N1} MiB");

        await ReadAsync(log, Math.Min(log.Length, 20 * 1024 * 1024), expected: null);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = await ReadAsync(log, log.Length, lines);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        // On a shared machine the wall clock includes time other processes held the core; CPU time (every thread of
        // this process, the GC's included) is what the reader itself cost, so lines per CPU second is the per-core rate.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} lines in {clock.Elapsed.TotalSeconds:N2} s wall: {count / clock.Elapsed.TotalSeconds:N0} lines/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} lines in {cpu.TotalSeconds:N2} s CPU: {count / cpu.TotalSeconds:N0} lines per CPU second"));
    }

    private static async Task<int> ReadAsync(byte[] log, int length, int? expected)
    {
        var report = new ReadReport("access-log-rate");
        var count = 0;
        using var stream = new MemoryStream(log, 0, length, writable: false);
        await foreach (var _ in new AccessLogReader().ReadAsync(stream, report, CancellationToken.None))
        {
            count++;
        }

        if (expected is { } all && (count != all || report.Errors.Count > 0))
        {
            throw new InvalidOperationException($"Read {count} of {all} lines with {report.Errors.Count} errors: {(report.Errors.Count > 0 ? report.Errors[0] : "")}");
        }

        return count;
    }

    private static byte[] Generate(int lines)
    {
        var random = new Random(6);
        string[] requesters =
        [
            "arn:aws:sts::111122223333:assumed-role/app-server-role/i-0abc1234def567890",
            "arn:aws:sts::111122223333:assumed-role/app-server-role/i-0abc1234def567891",
            "arn:aws:sts::111122223333:assumed-role/etl/etl-job-7",
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:root",
            "-",
            Some.CanonicalOwner,
        ];
        string[] operations = ["REST.GET.OBJECT", "REST.GET.OBJECT", "REST.GET.OBJECT", "REST.HEAD.OBJECT", "REST.PUT.OBJECT", "REST.GET.BUCKET", "REST.DELETE.OBJECT", "REST.COPY.OBJECT_GET"];
        string[] buckets = ["example-prod-data", "example-prod-exports", "example-web-assets"];
        string[] agents = ["aws-sdk-java/2.25.11 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.12 Java/17.0.12", "Boto3/1.35.44 md/Botocore#1.35.44 ua/2.0 os/linux#6.1", "[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)]"];
        var start = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
        var text = new StringBuilder(lines * 360);
        for (var i = 0; i < lines; i++)
        {
            var operation = operations[random.Next(operations.Length)];
            var denied = random.Next(50) == 0;
            text.Append(Some.AccessLogLine(
                requester: requesters[random.Next(requesters.Length)],
                operation: operation,
                key: operation == "REST.GET.BUCKET" ? "-" : $"data/{random.Next(64):D2}/part-{random.Next(1_000_000):D7}.parquet",
                bucket: buckets[random.Next(buckets.Length)],
                time: start.AddMilliseconds(i * 80L),
                status: denied ? 403 : 200,
                errorCode: denied ? "AccessDenied" : "-",
                remoteIp: $"10.20.{random.Next(4)}.{random.Next(1, 250)}",
                userAgent: agents[random.Next(agents.Length)],
                requestId: random.NextInt64(0x1000_0000_0000_0000, long.MaxValue).ToString("X16", CultureInfo.InvariantCulture)));
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
