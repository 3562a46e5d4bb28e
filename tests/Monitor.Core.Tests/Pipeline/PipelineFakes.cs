using System.IO.Compression;
using System.Text;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Records;
using Monitor.Sinks;

namespace Monitor.Core.Tests.Pipeline;

/// <summary>Objects held in memory, as gzip; unknown keys are "not found", like S3.</summary>
internal sealed class MemoryObjectSource : IObjectSource
{
    public Dictionary<ObjectRef, byte[]> Objects { get; } = [];

    public void Add(string bucket, string key, string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        Objects[new ObjectRef(bucket, key)] = buffer.ToArray();
    }

    public Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken) =>
        Objects.TryGetValue(reference, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes))
            : throw new ObjectUnavailableException(reference, "object not found");
}

/// <summary>Collects what is published.</summary>
internal sealed class RecordingSink : IFindingSink
{
    public List<Finding> Published { get; } = [];

    public Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        Published.AddRange(findings);
        return Task.CompletedTask;
    }
}

/// <summary>An object source whose every read blocks until cancelled: the slow object near the deadline.</summary>
internal sealed class HangingObjectSource : IObjectSource
{
    public async Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>A sink whose queue is unreachable.</summary>
internal sealed class FailingSink : IFindingSink
{
    public Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) =>
        throw new IOException("alert queue unreachable");
}
