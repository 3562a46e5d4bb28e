// Placeholder until the SQLite store lands from its branch.
using Monitor.Detection;
using Monitor.State;

namespace Monitor.Cli.State;

internal sealed class SqliteStateStore : IStateStore, IAsyncDisposable
{
    public static Task<SqliteStateStore> OpenAsync(string location, CancellationToken cancellationToken) => throw new NotImplementedException(location);

    public Task<IReadOnlyDictionary<StateKey, Sighting>> GetAsync(IReadOnlyCollection<StateKey> keys, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<Sighting>> ListAsync(string scope, int limit, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task MergeAsync(IReadOnlyCollection<Sighting> sightings, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<Finding>> PutFindingsAsync(IReadOnlyCollection<Finding> findings, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<Finding>> ListFindingsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
