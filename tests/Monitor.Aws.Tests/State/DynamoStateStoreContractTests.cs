using Monitor.Aws.State;
using Monitor.State;
using Monitor.Testing.Contracts;
using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests.State;

/// <summary>The state store contract, run against DynamoDB (dynalite), each test on a fresh table.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DynamoStateStoreContractTests(LocalEmulators emulators) : StateStoreContract
{
    protected override async Task<IStateStore> CreateStoreAsync()
    {
        var dynamo = TestClients.DynamoDb(emulators.DynamoDb);
        var table = await TestClients.CreateStateTableAsync(dynamo);
        return new DynamoStateStore(dynamo, table, TimeSpan.FromDays(400));
    }
}
