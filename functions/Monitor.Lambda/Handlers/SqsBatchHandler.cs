using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Lambda.Runtime;
using Monitor.Lambda.Telemetry;
using Monitor.Pipeline;

namespace Monitor.Lambda.Handlers;

/// <summary>
/// An SQS-triggered function: runs each message through <paramref name="process"/> and answers with a partial
/// batch response, so a failing message is retried alone. It stops taking messages once less than
/// <paramref name="safetyMargin"/> is left before the deadline, and cancels the message in flight at that point:
/// the unprocessed rest is returned as failures rather than lost to a timeout (which would retry the whole batch).
/// </summary>
public sealed class SqsBatchHandler(
    MessageProcessor process,
    TimeProvider time,
    TimeSpan safetyMargin,
    InvocationTelemetry telemetry) : IInvocationHandler
{
    public async Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var sqsEvent = JsonSerializer.Deserialize(invocation.Body.Span, SqsJsonContext.Default.SqsEvent)
            ?? throw new InvalidDataException("The invocation event is not an SQS event.");

        var stopAt = invocation.Deadline - safetyMargin;
        var budget = stopAt - time.GetUtcNow();
        using var deadline = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);

        var batch = telemetry.StartBatch(invocation.RequestId);
        var response = new BatchResponse();
        var messages = sqsEvent.Records;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (linked.IsCancellationRequested || time.GetUtcNow() >= stopAt)
            {
                foreach (var rest in messages.Skip(i))
                {
                    response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = rest.MessageId ?? "" });
                    batch.Deferred(rest.MessageId);
                }

                break;
            }

            var started = time.GetTimestamp();
            var outcome = await ProcessAsync(message, linked.Token).ConfigureAwait(false);
            batch.Processed(message.MessageId, outcome, time.GetElapsedTime(started));
            if (outcome.Failed)
            {
                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = message.MessageId ?? "" });
            }
        }

        batch.Complete();
        return JsonSerializer.SerializeToUtf8Bytes(response, SqsJsonContext.Default.BatchResponse);
    }

    // The Ingestor never throws for bad input; this guards the batch against a bug in it, so one message
    // still fails alone.
    private async Task<MessageOutcome> ProcessAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await process(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var reason = exception is OperationCanceledException ? "cancelled at the deadline" : $"{exception.GetType().Name}: {exception.Message}";
            return new MessageOutcome($"message {message.MessageId}", MessageStatus.Failed, 0, [], [], [reason], [], null, TimeSpan.Zero);
        }
    }
}
