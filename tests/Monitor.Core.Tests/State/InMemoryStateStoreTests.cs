using Monitor.State;
using Monitor.Testing.Contracts;
using Monitor.Testing.Fakes;

namespace Monitor.Core.Tests.State;

/// <summary>The hand-written fake other tests rely on keeps the same contract as the real stores.</summary>
public sealed class InMemoryStateStoreTests : StateStoreContract
{
    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(new InMemoryStateStore());
}
