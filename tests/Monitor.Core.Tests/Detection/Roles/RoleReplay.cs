using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitor.Detection;
using Monitor.Detection.Roles;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.Records;
using Monitor.Sinks;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.Detection.Roles;

/// <summary>
/// Runs the role detector through the real pipeline (reader, normalizer, state view, commit) over an in-memory
/// store that lives as long as this object, so tests can feed "files" one after another like deliveries.
/// </summary>
internal sealed class RoleReplay(RoleOptions? options = null)
{
    private readonly RoleOptions _options = options ?? new RoleOptions();

    public InMemoryStateStore Store { get; } = new();

    /// <summary>Every finding in the store after the files fed so far.</summary>
    public Dictionary<string, Finding> Findings { get; } = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Finding>> FeedAsync(params JsonObject[] records)
    {
        var json = new JsonObject { ["Records"] = new JsonArray([.. records.Select(r => (JsonNode)r.DeepClone())]) }.ToJsonString();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Absorb(await Ingestor(NoObjects.Instance).ProcessStreamAsync("test", stream, CancellationToken.None));
    }

    public async Task FeedFileAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        Absorb(await Ingestor(NoObjects.Instance).ProcessStreamAsync(path, stream, CancellationToken.None));
    }

    public async Task FeedSqsEventAsync(string path, string objectsRoot, Func<IReadOnlyList<SqsMessage>, IEnumerable<SqsMessage>>? order = null)
    {
        await using var stream = File.OpenRead(path);
        var sqs = await JsonSerializer.DeserializeAsync(stream, SqsJsonContext.Default.SqsEvent);
        var ingestor = Ingestor(new FolderObjects(objectsRoot));
        foreach (var message in (order ?? (m => m))(sqs!.Records))
        {
            var outcome = await ingestor.ProcessMessageAsync(message, CancellationToken.None);
            outcome.Errors.ShouldBeEmpty();
            Absorb(outcome);
        }
    }

    public IReadOnlyList<Finding> Sorted() => [.. Findings.Values.OrderBy(f => f.Time).ThenBy(f => f.Id, StringComparer.Ordinal)];

    private Ingestor Ingestor(IObjectSource objects) =>
        new(objects, Store, [new RoleAssumptionDetector(_options)], NullFindingSink.Instance, TimeProvider.System);

    // The store holds the findings as every delivery so far corrected them; a feed shows what its own records touched.
    private IReadOnlyList<Finding> Absorb(MessageOutcome outcome)
    {
        outcome.Errors.ShouldBeEmpty();
        Findings.Clear();
        foreach (var finding in Store.ListFindingsAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            Findings[finding.Id] = finding;
        }

        return outcome.Findings;
    }


    private sealed class FolderObjects(string root) : IObjectSource
    {
        public Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken) =>
            Task.FromResult<Stream>(File.OpenRead(Path.Combine(root, reference.Bucket, reference.Key)));
    }
}
