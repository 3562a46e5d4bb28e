namespace Monitor.Cli.Tests;

/// <summary>The cancellation token tests pass down: never cancelled, named for readability.</summary>
internal static class TestContext
{
    public static CancellationToken Current => CancellationToken.None;
}
