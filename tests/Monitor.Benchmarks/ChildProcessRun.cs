using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Monitor.Benchmarks;

/// <summary>What one child process cost, measured from outside it: peak resident set, wall and CPU time, and its output.</summary>
internal sealed record ChildProcessRun(int ExitCode, long PeakRssBytes, TimeSpan Wall, TimeSpan Cpu, long StdoutLines, IReadOnlyList<string> StderrHead)
{
    private const int RusageChildren = -1;

    /// <summary>
    /// Runs <paramref name="file"/> to its end, reading <c>VmHWM</c> (the kernel's high-water mark of its resident set)
    /// from <c>/proc/PID/status</c> every 20 ms, and the children's <c>getrusage</c> before and after for its CPU time
    /// and, when it set a new high, its exact peak. Stdout is counted in lines, not kept.
    /// </summary>
    public static async Task<ChildProcessRun> RunAsync(string file, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var before = Usage();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var lines = CountLinesAsync(process.StandardOutput);
        var errors = HeadAsync(process.StandardError, 20);
        var peak = 0L;
        var statusPath = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(statusPath));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(20));
        }

        await process.WaitForExitAsync();
        clock.Stop();
        var after = Usage();

        // ru_maxrss of waited-for children is the largest of any of them: it tells this child's peak only when it grew.
        if (after.MaxRssKib > before.MaxRssKib)
        {
            peak = Math.Max(peak, after.MaxRssKib * 1024);
        }

        return new ChildProcessRun(process.ExitCode, peak, clock.Elapsed, after.Cpu - before.Cpu, await lines, await errors);
    }

    private static long ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    private static async Task<long> CountLinesAsync(StreamReader reader)
    {
        var count = 0L;
        while (await reader.ReadLineAsync() is not null)
        {
            count++;
        }

        return count;
    }

    private static async Task<IReadOnlyList<string>> HeadAsync(StreamReader reader, int keep)
    {
        var head = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (head.Count < keep)
            {
                head.Add(line);
            }
        }

        return head;
    }

    private static (TimeSpan Cpu, long MaxRssKib) Usage()
    {
        if (!OperatingSystem.IsLinux() || NativeMethods.getrusage(RusageChildren, out var usage) != 0)
        {
            return (TimeSpan.Zero, 0);
        }

        var micros = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicros + usage.SystemMicros;
        return (TimeSpan.FromMicroseconds(micros), usage.MaxRss);
    }

    /// <summary>Linux x64 <c>struct rusage</c>: two timevals, then fourteen longs of which the first is ru_maxrss (KiB).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int getrusage(int who, out Rusage usage);
    }
}
