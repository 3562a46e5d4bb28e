using Monitor.Envelopes;
using Monitor.Records;

namespace Monitor.Testing.Fakes;

/// <summary>An object source with nothing in it: for ingesting activities or inline records only.</summary>
public sealed class NoObjects : IObjectSource
{
    public static readonly NoObjects Instance = new();

    public Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken) =>
        throw new ObjectUnavailableException(reference, "no objects here");
}
