using System.Globalization;
using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>
/// Peak memory of ingesting one CloudTrail object, measured the way a user meets it: a generated object on disk
/// (<see cref="SyntheticAccountLog"/>) replayed by the built CLI in its own process, end to end from process start.
/// <list type="bullet">
/// <item><c>ingest-memory SIZE</c> (e.g. <c>100MB</c>, <c>1GB</c>, uncompressed): a fixed population of 2,000
/// sessions, 200 users and 40 roles, so a bigger object is more records, not more principals;</item>
/// <item><c>sessions-memory N</c>: an object with N distinct role sessions (4 N records).</item>
/// </list>
/// Options: <c>--state memory|file|both</c> (default both: <c>:memory:</c>, then a fresh SQLite file),
/// <c>--plain</c> (plain JSON instead of gzip), <c>--monitor PATH</c> (default: the Release build of
/// functions/Monitor.Cli), <c>--env NAME=VALUE</c> (repeatable, for the child: e.g. <c>DOTNET_GCgen0size</c>).
/// Generated objects are kept in <c>$TMPDIR/monitor-bench</c> and reused.
/// </summary>
internal static class IngestMemory
{
    public static async Task RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args[2..]);
        var (name, population, bytes, maxRecords) = args[0] switch
        {
            "sessions-memory" => SessionsLog(int.Parse(args[1], CultureInfo.InvariantCulture)),
            _ => ($"account-{args[1]}", new SyntheticPopulation(), ParseSize(args[1]), long.MaxValue),
        };

        var log = GeneratedLog.Get(name, population, bytes, maxRecords, options.Gzip);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"object: {log.Path} ({Mebibytes(log.FileBytes):N1} MiB on disk, {Mebibytes(log.UncompressedBytes):N1} MiB uncompressed, {log.Records:N0} records of {log.UncompressedBytes / log.Records:N0} bytes on average; {population.Sessions:N0} sessions, {population.Users:N0} users, {population.Roles:N0} roles)"));
        foreach (var state in options.States)
        {
            await ReplayAsync(options, log, state);
        }
    }

    private static async Task ReplayAsync(BenchmarkOptions options, GeneratedLog log, string state)
    {
        var stateFile = state == "file" ? Path.Combine(Path.GetTempPath(), "monitor-bench", $"state-{Environment.ProcessId}.db") : null;
        DeleteStateFile(stateFile);
        string[] arguments = ["replay", log.Path, "--state", stateFile ?? ":memory:", "--format", "jsonl"];
        Console.WriteLine($"command: {string.Join(' ', options.Environment.Select(e => $"{e.Key}={e.Value}"))}{(options.Environment.Count > 0 ? " " : "")}{options.Monitor} {string.Join(' ', arguments)}");
        var loadBefore = MachineLoad.Read();
        var run = await ChildProcessRun.RunAsync(options.Monitor, arguments, options.Environment);
        var stateBytes = stateFile is null ? 0 : new FileInfo(stateFile).Length;
        DeleteStateFile(stateFile);

        foreach (var line in run.StderrHead)
        {
            Console.WriteLine($"  stderr: {line}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak RSS {Mebibytes(run.PeakRssBytes):N0} MiB, {run.Wall.TotalSeconds:N1} s wall ({run.Cpu.TotalSeconds:N1} s CPU), {log.Records / run.Wall.TotalSeconds:N0} records/s, {run.StdoutLines:N0} findings, exit {run.ExitCode}{(stateFile is null ? "" : $", state file {Mebibytes(stateBytes):N0} MiB")}; load {loadBefore} before, {MachineLoad.Read()} after"));
    }

    // Every session used about three times, and about one in seven of them issued in the object.
    private static (string Name, SyntheticPopulation Population, long Bytes, long MaxRecords) SessionsLog(int sessions) =>
        ($"sessions-{sessions}", new SyntheticPopulation(sessions, Users: 200, Roles: 40), long.MaxValue, 4L * sessions);

    private static long ParseSize(string text)
    {
        var units = new (string Suffix, long Factor)[] { ("GiB", 1L << 30), ("MiB", 1L << 20), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000) };
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return (long)(double.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor);
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static void DeleteStateFile(string? path)
    {
        foreach (var file in path is null ? [] : new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static double Mebibytes(long bytes) => bytes / 1048576.0;
}
