using BenchmarkDotNet.Running;
using Monitor.Benchmarks;

if (args is ["ingest-rate", ..])
{
    await IngestRate.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CloudTrailReaderBenchmarks).Assembly).Run(args);
