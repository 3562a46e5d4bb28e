namespace Monitor.Benchmarks;

/// <summary>The machine's load averages (1, 5, 15 minutes), printed beside every figure: the build machine is shared.</summary>
internal static class MachineLoad
{
    public static string Read() =>
        OperatingSystem.IsLinux() ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
