using Monitor.Envelopes;
using Monitor.Pipeline;

namespace Monitor.Lambda.Handlers;

/// <summary>Processes one SQS message end to end (the Ingestor's <c>ProcessMessageAsync</c> when composed).</summary>
public delegate Task<MessageOutcome> MessageProcessor(SqsMessage message, CancellationToken cancellationToken);
