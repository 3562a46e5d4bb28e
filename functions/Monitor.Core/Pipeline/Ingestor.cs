using Monitor.Envelopes;

namespace Monitor.Pipeline;

/// <summary>
/// The flow of ARCHITECTURE.md for one message: envelope → object source → reader → detectors → state → sinks.
/// One instance serves many messages; each message is its own unit of work and fails alone.
/// </summary>
public sealed partial class Ingestor
{
    /// <summary>Processes one SQS message. Never throws for bad input: failures come back as a Failed outcome naming the message.</summary>
    public Task<MessageOutcome> ProcessMessageAsync(SqsMessage message, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Processes one log object read from a local stream (replay of files).</summary>
    public Task<MessageOutcome> ProcessStreamAsync(string input, Stream stream, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
