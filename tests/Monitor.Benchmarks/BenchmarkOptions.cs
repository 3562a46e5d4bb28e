using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>The options of the memory benchmarks (see <see cref="IngestMemory"/>).</summary>
internal sealed record BenchmarkOptions(string Monitor, IReadOnlyList<string> States, bool Gzip, IReadOnlyDictionary<string, string> Environment)
{
    public static string DefaultMonitor => Path.Combine(RepositoryFolders.Root, "functions", "Monitor.Cli", "bin", "Release", "net10.0", "monitor");

    public static BenchmarkOptions Parse(string[] args)
    {
        var monitor = DefaultMonitor;
        string[] states = ["memory", "file"];
        var gzip = true;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--monitor":
                    monitor = args[++i];
                    break;
                case "--state":
                    states = args[++i] == "both" ? ["memory", "file"] : [args[i]];
                    break;
                case "--plain":
                    gzip = false;
                    break;
                case "--env":
                    var pair = args[++i].Split('=', 2);
                    environment[pair[0]] = pair[1];
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (!File.Exists(monitor))
        {
            throw new FileNotFoundException($"{monitor} not found: build it first (dotnet build -c Release functions/Monitor.Cli), or pass --monitor PATH");
        }

        return new BenchmarkOptions(monitor, states, gzip, environment);
    }
}
