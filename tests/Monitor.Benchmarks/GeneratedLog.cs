using System.Diagnostics;
using System.Globalization;
using Monitor.Testing;

namespace Monitor.Benchmarks;

/// <summary>A <see cref="SyntheticAccountLog"/> object written to disk once and reused by later runs (a 1 GB one takes minutes).</summary>
internal sealed record GeneratedLog(string Path, long Records, long UncompressedBytes, long FileBytes)
{
    public static GeneratedLog Get(string name, SyntheticPopulation population, long bytes, long maxRecords, bool gzip)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monitor-bench");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, name + (gzip ? ".json.gz" : ".json"));

        // The sidecar is written last, so an interrupted generation is redone rather than measured.
        var sidecar = path + ".records";
        if (File.Exists(path) && File.Exists(sidecar))
        {
            var parts = File.ReadAllText(sidecar).Split(' ');
            return new GeneratedLog(path, long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), new FileInfo(path).Length);
        }

        Console.WriteLine($"generating {path} ...");
        var clock = Stopwatch.StartNew();
        var (records, written) = new SyntheticAccountLog(population).Write(path, bytes, gzip, maxRecords);
        File.WriteAllText(sidecar, string.Create(CultureInfo.InvariantCulture, $"{records} {written}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {clock.Elapsed.TotalSeconds:N0} s"));
        return new GeneratedLog(path, records, written, new FileInfo(path).Length);
    }
}
