using Monitor.LeastPrivilege.Mapping;
using Monitor.Records;
using Monitor.Testing;
using Xunit.Abstractions;

namespace Monitor.Core.Tests.LeastPrivilege.Mapping;

/// <summary>The mapper over the real logs in tests/data/cloudtrail (invictus-ir and Stratus Red Team detonations).</summary>
public sealed class RealLogMappingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Map_EmitsOnlyCatalogActions_AndMapsMostAuthorizedCalls()
    {
        var kinds = new Dictionary<MappingKind, int>();
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var unmapped = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new CloudTrailReader();
        foreach (var file in Directory.EnumerateFiles(RepositoryFolders.TestData("cloudtrail"), "*.json*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            await foreach (var activity in reader.ReadAsync(stream, new ReadReport(file), CancellationToken.None))
            {
                var mapping = ActionMapper.Embedded.Map(activity);
                kinds[mapping.Kind] = kinds.GetValueOrDefault(mapping.Kind) + 1;
                emitted.UnionWith(mapping.Uses.Select(u => u.Action.ToString()));
                if (mapping.Kind == MappingKind.Unmapped)
                {
                    var key = $"{activity.EventSource} {activity.EventName}";
                    unmapped[key] = unmapped.GetValueOrDefault(key) + 1;
                }
            }
        }

        var total = kinds.Values.Sum();
        var mapped = kinds.GetValueOrDefault(MappingKind.Used) + kinds.GetValueOrDefault(MappingKind.Denied);
        var authorizable = total - kinds.GetValueOrDefault(MappingKind.Root) - kinds.GetValueOrDefault(MappingKind.NotIamPrincipal)
            - kinds.GetValueOrDefault(MappingKind.NotApiCall) - kinds.GetValueOrDefault(MappingKind.NoPermissionNeeded);
        output.WriteLine($"records {total}; " + string.Join("; ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine($"mapped to actions: {mapped} of {total} records ({100.0 * mapped / total:F1}%), {100.0 * mapped / authorizable:F1}% of IAM-authorized calls; {emitted.Count} distinct actions");
        foreach (var (call, count) in unmapped.OrderByDescending(u => u.Value).Take(20))
        {
            output.WriteLine($"unmapped: {call} x{count}");
        }

        total.ShouldBeGreaterThan(1000);
        emitted.ShouldAllBe(a => ActionMapper.Embedded.Catalog.Find(a) != null);
        ((double)mapped / authorizable).ShouldBeGreaterThan(0.95);
    }
}
