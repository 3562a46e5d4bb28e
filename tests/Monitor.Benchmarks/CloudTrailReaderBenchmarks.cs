using BenchmarkDotNet.Attributes;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>Reads a generated gzip CloudTrail log of 100,000 realistic records, as the ingest function does.</summary>
[MemoryDiagnoser]
public class CloudTrailReaderBenchmarks
{
    private const int Records = 100_000;
    private byte[] _gzip = [];

    [GlobalSetup]
    public void Setup() => _gzip = SyntheticCloudTrailStream.Gzipped(Records);

    [Benchmark]
    public async Task<int> ReadGzippedLog()
    {
        var count = 0;
        using var stream = new MemoryStream(_gzip, writable: false);
        await foreach (var _ in new CloudTrailReader().ReadAsync(stream, new ReadReport("benchmark"), CancellationToken.None))
        {
            count++;
        }

        return count == Records ? count : throw new InvalidOperationException($"Read {count} records, expected {Records}.");
    }
}
