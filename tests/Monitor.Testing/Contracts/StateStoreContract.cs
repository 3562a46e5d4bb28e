using Monitor.State;

namespace Monitor.Testing.Contracts;

/// <summary>
/// The specification of <see cref="IStateStore"/>, run against every adapter: derive, return a fresh empty store
/// from <see cref="CreateStoreAsync"/>, and every [Fact] here runs against it. Store-agnostic on purpose: the
/// SQLite, DynamoDB and in-memory stores must all pass it unchanged.
/// </summary>
public abstract partial class StateStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private IStateStore? _store;

    /// <summary>The store under test, fresh and empty for each test.</summary>
    protected IStateStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>A new, empty store; the suite disposes it after the test if it is disposable.</summary>
    protected abstract Task<IStateStore> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual async Task DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected static StateKey Key(string member = "203.0.113.0/24", string scope = "root-ip:123456789012") => new(scope, member);

    protected static Sighting Seen(StateKey key, DateTimeOffset at, params (string Name, string Value)[] attributes) =>
        Sighting.Observed(key, at, attributes.Length == 0 ? null : attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    protected async Task<Sighting?> StoredAsync(StateKey key)
    {
        var found = await Store.GetAsync([key], CancellationToken.None);
        return found.TryGetValue(key, out var sighting) ? sighting : null;
    }

    protected Task MergeAsync(params Sighting[] sightings) => Store.MergeAsync(sightings, CancellationToken.None);

    protected async Task<string[]> MembersAsync(string scope, int limit = 100) =>
        [.. (await Store.ListAsync(scope, limit, CancellationToken.None)).Select(s => s.Key.Member)];
}
