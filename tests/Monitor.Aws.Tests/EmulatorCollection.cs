using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests;

/// <summary>One dynalite and one s3rver for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<LocalEmulators>
{
    public const string Name = "emulators";
}
