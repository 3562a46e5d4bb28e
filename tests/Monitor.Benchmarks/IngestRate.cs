using System.Diagnostics;
using System.Globalization;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>ingest-rate [records]</c>: one timed pass of the reader over a generated gzip log (default 1,000,000
/// records), printing records per second. A quick number for the README, not a statistically careful benchmark.
/// </summary>
internal static class IngestRate
{
    public static async Task RunAsync(string[] args)
    {
        var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"Generating a gzip log of {records:N0} records...");
        var gzip = SyntheticCloudTrailStream.Gzipped(records);
        Console.WriteLine($"Compressed size: {gzip.Length / 1048576.0:N1} MiB");

        var reader = new CloudTrailReader();
        var report = new ReadReport("ingest-rate");
        var clock = Stopwatch.StartNew();
        var count = 0;
        using (var stream = new MemoryStream(gzip, writable: false))
        {
            await foreach (var _ in reader.ReadAsync(stream, report, CancellationToken.None))
            {
                count++;
            }
        }

        clock.Stop();
        if (count != records || report.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Read {count} of {records} records with {report.Errors.Count} errors.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} records in {clock.Elapsed.TotalSeconds:N2} s: {count / clock.Elapsed.TotalSeconds:N0} records/s"));
    }
}
