using System.Text;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Records;
using Monitor.Sinks;
using Monitor.State;

namespace Monitor.Pipeline;

/// <summary>
/// The flow of ARCHITECTURE.md for one message: envelope → object source → reader → detectors → state → sinks.
/// One instance serves many messages; each message is its own unit of work and fails alone. State and findings
/// are committed even when part of a message failed: every write is an idempotent merge, so the retry of the
/// failed part cannot double-count what already committed.
/// </summary>
public sealed class Ingestor(
    IObjectSource objects,
    IStateStore store,
    IReadOnlyList<IDetector> detectors,
    IFindingSink alerts,
    DetectionOptions options,
    TimeProvider time)
{
    private readonly LogObjectReader _reader = new();

    /// <summary>Processes one SQS message. Never throws for bad input: failures come back as a Failed outcome naming the message.</summary>
    public async Task<MessageOutcome> ProcessMessageAsync(SqsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = string.IsNullOrEmpty(message.MessageId) ? "(no message id)" : message.MessageId;
        var envelope = EnvelopeDecoder.Decode(id, message.Body);
        if (envelope.IsRejected)
        {
            return IngestRun.Rejected($"message {id}", envelope.Error!);
        }

        var run = new IngestRun($"message {id}", new StateView(store), options, time);
        run.Notes.AddRange(envelope.Skipped);
        if (envelope.Objects.Count == 0 && envelope.InlineRecords.Count == 0)
        {
            return run.Finish(MessageStatus.Skipped);
        }

        foreach (var reference in envelope.Objects)
        {
            await ReadGuardedAsync(run, reference.ToString(), ct => objects.OpenReadAsync(reference, ct), cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < envelope.InlineRecords.Count; i++)
        {
            var json = envelope.InlineRecords[i];
            await ReadGuardedAsync(run, $"message {id} record {i + 1}", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(json))), cancellationToken).ConfigureAwait(false);
        }

        return await CommitAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes one log object read from a local stream (replay of files).</summary>
    public async Task<MessageOutcome> ProcessStreamAsync(string input, Stream stream, CancellationToken cancellationToken)
    {
        var run = new IngestRun(input, new StateView(store), options, time);
        await ReadGuardedAsync(run, input, _ => Task.FromResult(stream), cancellationToken).ConfigureAwait(false);
        return await CommitAsync(run, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadGuardedAsync(IngestRun run, string input, Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        var report = new ReadReport(input);
        try
        {
            var stream = await open(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await DetectAsync(run, _reader.ReadAsync(stream, report, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ObjectUnavailableException e)
        {
            run.Fail(e.Message);
        }
        catch (InvalidLogException e)
        {
            run.Fail(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Fail($"{input}: stopped before the deadline; will be retried");
        }
        catch (IOException e)
        {
            run.Fail($"{input}: read failed: {e.Message}");
        }
        finally
        {
            run.Absorb(report);
        }
    }

    /// <summary>Runs the detectors over the activities in chunks, loading each chunk's state in one round trip.</summary>
    private async Task DetectAsync(IngestRun run, IAsyncEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        const int ChunkSize = 512;
        var chunk = new List<Activity>(ChunkSize);
        await foreach (var activity in activities.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(activity);
            if (chunk.Count == ChunkSize)
            {
                await InspectChunkAsync(run, chunk, cancellationToken).ConfigureAwait(false);
                chunk.Clear();
            }
        }

        await InspectChunkAsync(run, chunk, cancellationToken).ConfigureAwait(false);
    }

    private async Task InspectChunkAsync(IngestRun run, List<Activity> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        await run.State.PrefetchAsync(chunk.SelectMany(a => detectors.SelectMany(d => d.KeysFor(a))), cancellationToken).ConfigureAwait(false);
        foreach (var activity in chunk)
        {
            run.Observe(activity);
            foreach (var detector in detectors)
            {
                await detector.InspectAsync(activity, run.Detection, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<MessageOutcome> CommitAsync(IngestRun run, CancellationToken cancellationToken)
    {
        await run.State.CommitAsync(cancellationToken).ConfigureAwait(false);
        var fresh = await FindingAnnouncer.AnnounceAsync(store, alerts, run.Detection.Findings.ToArray(), cancellationToken).ConfigureAwait(false);

        return run.Finish(run.HasFailed ? MessageStatus.Failed : MessageStatus.Processed, fresh);
    }
}
