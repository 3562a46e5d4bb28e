using System.Text;
using Monitor.Detection;
using Monitor.Envelopes;
using Monitor.Records;
using Monitor.Sinks;
using Monitor.State;

namespace Monitor.Pipeline;

/// <summary>
/// The ingest use case, for one message: envelope → object source → reader → detection engine → state → sinks.
/// One instance serves many messages; each message is its own unit of work and fails alone. Records are judged in
/// chunks of at most <see cref="ChunkSize"/>, each committed before the next is read, so memory stays bounded
/// whatever the size of an object; every write is a join or a replaced verdict, so the retry of a failed part cannot
/// double-count what already committed.
/// </summary>
public sealed class Ingestor(
    IObjectSource objects,
    IStateStore store,
    IReadOnlyList<IObserver> observers,
    IFindingSink alerts,
    TimeProvider time)
{
    /// <summary>Activities judged (and committed) together; within a chunk they are judged in event-time order.</summary>
    public const int ChunkSize = 4096;

    private readonly LogObjectReader _reader = new();
    private readonly DetectionEngine _engine = new(observers, store);

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

        var run = new IngestRun($"message {id}", time);
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

        return await FinishAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Processes one log object read from a local stream (replay of files).</summary>
    public async Task<MessageOutcome> ProcessStreamAsync(string input, Stream stream, CancellationToken cancellationToken)
    {
        var run = new IngestRun(input, time);
        await ReadGuardedAsync(run, input, _ => Task.FromResult(stream), cancellationToken).ConfigureAwait(false);
        return await FinishAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Judges activities read by any other source (a test, another reader, a backfill): in chunks of at most
    /// <see cref="ChunkSize"/>, each committed, with rejections reported under <paramref name="input"/>.
    /// </summary>
    public async Task<MessageOutcome> ProcessActivitiesAsync(string input, IEnumerable<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var run = new IngestRun(input, time);
        var report = new ReadReport(input);
        foreach (var chunk in activities.Chunk(ChunkSize))
        {
            foreach (var activity in chunk)
            {
                report.CountRecord();
                run.Observe(activity);
            }

            await JudgeAsync(run, report, [.. chunk], cancellationToken).ConfigureAwait(false);
        }

        run.Absorb(report);
        return await FinishAsync(run, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MessageOutcome> FinishAsync(IngestRun run, CancellationToken cancellationToken)
    {
        var status = run.HasFailed ? MessageStatus.Failed : MessageStatus.Processed;
        if (run.FindingIds.Count == 0 || cancellationToken.IsCancellationRequested)
        {
            return run.Finish(status);
        }

        return run.Finish(status, await store.GetFindingsAsync(run.FindingIds, cancellationToken).ConfigureAwait(false));
    }

    private async Task ReadGuardedAsync(IngestRun run, string input, Func<CancellationToken, Task<Stream>> open, CancellationToken cancellationToken)
    {
        var report = new ReadReport(input);
        var chunk = new List<Activity>(ChunkSize);
        try
        {
            var stream = await open(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var activity in _reader.ReadAsync(stream, report, cancellationToken).ConfigureAwait(false))
                {
                    run.Observe(activity);
                    chunk.Add(activity);
                    if (chunk.Count == ChunkSize)
                    {
                        await JudgeAsync(run, report, chunk, cancellationToken).ConfigureAwait(false);
                        chunk.Clear();
                    }
                }
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
            chunk.Clear();
        }
        catch (IOException e)
        {
            run.Fail($"{input}: read failed: {e.Message}");
        }

        // What was read before an object turned out broken is still judged: its records stand alone.
        if (chunk.Count > 0)
        {
            await JudgeAsync(run, report, chunk, cancellationToken).ConfigureAwait(false);
        }

        run.Absorb(report);
    }

    private async Task JudgeAsync(IngestRun run, ReadReport report, List<Activity> chunk, CancellationToken cancellationToken)
    {
        var outcome = await _engine.RunAsync(chunk, (activity, reason) => report.Reject(activity.Position ?? activity.EventId, reason), cancellationToken).ConfigureAwait(false);
        await FindingAnnouncer.AnnounceAsync(store, alerts, outcome.Changes.ToAnnounce, cancellationToken).ConfigureAwait(false);
        run.Absorb(outcome, outcome.Changes.ToAnnounce);
    }
}
