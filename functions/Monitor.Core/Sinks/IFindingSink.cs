using Monitor.Detection;

namespace Monitor.Sinks;

/// <summary>Where new findings go: the alert queue when deployed, the console or a JSONL file locally.</summary>
public interface IFindingSink
{
    Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken);
}
