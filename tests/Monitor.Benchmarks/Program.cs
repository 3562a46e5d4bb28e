using BenchmarkDotNet.Running;
using Monitor.Benchmarks;

if (args is ["coldstart", ..])
{
    await ColdStart.RunAsync(args);
    return;
}

if (args is ["pipeline-rate", ..])
{
    await PipelineRate.RunAsync(args);
    return;
}

if (args is ["ingest-rate", ..])
{
    await IngestRate.RunAsync(args);
    return;
}

if (args is ["audit-users", ..])
{
    await AuditUsers.RunAsync(args);
    return;
}

if (args is ["ingest-memory" or "sessions-memory", _, ..])
{
    await IngestMemory.RunAsync(args);
    return;
}

if (args is ["access-log-rate", ..])
{
    await AccessLogRate.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CloudTrailReaderBenchmarks).Assembly).Run(args);
