using Monitor.Testing.Emulators;

namespace Monitor.Lambda.Tests.EndToEnd;

/// <summary>dynalite and s3rver shared by the end-to-end tests of the real bootstrap.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<LocalEmulators>
{
    public const string Name = "end-to-end";
}
