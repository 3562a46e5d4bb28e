using Monitor.Detection;

namespace Monitor.Sinks;

/// <summary>Discards findings: for runs whose findings are shown another way (replay prints them itself).</summary>
public sealed class NullFindingSink : IFindingSink
{
    public static readonly NullFindingSink Instance = new();

    public Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken) => Task.CompletedTask;
}
