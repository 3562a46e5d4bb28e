using Monitor.Cli.State;
using Monitor.State;
using Monitor.Testing.Contracts;

namespace Monitor.Cli.Tests.State;

/// <summary>The contract against a <c>:memory:</c> store, the CLI's throwaway mode.</summary>
public sealed class InMemorySqliteStateStoreTests : StateStoreContract
{
    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(SqliteStateStore.Open(SqliteStateStore.InMemory));
}

/// <summary>The contract against a WAL-mode state file, the CLI's default.</summary>
public sealed class FileSqliteStateStoreTests : StateStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IStateStore> CreateStoreAsync() =>
        Task.FromResult<IStateStore>(SqliteStateStore.Open(Path.Combine(_folder, "nested", "state.db")));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
