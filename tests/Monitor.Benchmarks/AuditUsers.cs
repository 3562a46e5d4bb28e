using System.Diagnostics;
using System.Globalization;
using Monitor.Detection;
using Monitor.Detection.Credentials;
using Monitor.Testing;
using Monitor.Testing.Fakes;

namespace Monitor.Benchmarks;

/// <summary>
/// <c>audit-users [users]</c>: fills the in-memory store with one account of generated IAM users (default 100,000,
/// see <see cref="SyntheticCredentialAccount"/>) and the credential report covering them, then times one credential
/// audit from start to end (the ledger listing included), printing users, findings, seconds (wall and CPU) and the
/// peak working set.
/// </summary>
internal static class AuditUsers
{
    public static async Task RunAsync(string[] args)
    {
        var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var store = new InMemoryStateStore();
        await SyntheticCredentialAccount.FillAsync(store, users, CancellationToken.None);
        var scope = CredentialKeys.Scope(SyntheticCredentialAccount.Account);
        var entries = store.Sightings.Keys.Count(k => k.Scope == scope);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var filled = process.WorkingSet64;

        var cpu = process.TotalProcessorTime;
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var findings = await new CredentialAudit(new Monitor.Detection.Credentials.CredentialOptions()).EvaluateAsync(store, SyntheticCredentialAccount.AsOf, CancellationToken.None);
        clock.Stop();

        // CPU time beside wall time: on a shared build machine the wall clock also counts other processes' turns.
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{users:N0} users ({entries:N0} ledger entries), {findings.Count:N0} findings in {clock.Elapsed.TotalSeconds:N2} s ({(process.TotalProcessorTime - cpu).TotalSeconds:N2} s CPU, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:N2} s paused by {GC.CollectionCount(2) - collections} full GCs, {Mebibytes(GC.GetTotalAllocatedBytes() - allocated):N0} MiB allocated); working set {Mebibytes(filled):N0} MiB with the store filled, peak {Mebibytes(process.PeakWorkingSet64):N0} MiB"));
    }

    private static double Mebibytes(long bytes) => bytes / 1048576.0;
}
