using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Pipeline;
using Monitor.State;

namespace Monitor.Cli.Replay;

/// <summary>
/// Feeds local input files through the same <see cref="Ingestor"/> the Lambda runs; credential reports go
/// straight into the ledger in <paramref name="store"/> (the audit at the end of the run reads them).
/// </summary>
internal sealed class Replayer(Ingestor ingestor, IStateStore store)
{
    public async Task<ReplayResult> ReplayAsync(IEnumerable<string> paths, string objectsRoot, CancellationToken cancellationToken)
    {
        var result = new ReplayResult();
        foreach (var file in InputWalker.Expand(paths, objectsRoot, result.Errors))
        {
            await ReplayFileAsync(file, result, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ReplayFileAsync(string file, ReplayResult result, CancellationToken cancellationToken)
    {
        var (kind, reason) = await InputClassifier.ClassifyAsync(file, cancellationToken).ConfigureAwait(false);
        switch (kind)
        {
            case InputKind.CloudTrail:
                var stream = File.OpenRead(file);
                await using (stream.ConfigureAwait(false))
                {
                    result.Add(await ingestor.ProcessStreamAsync(file, stream, cancellationToken).ConfigureAwait(false));
                }

                break;
            case InputKind.SqsEvent:
                await ReplaySqsEventAsync(file, result, cancellationToken).ConfigureAwait(false);
                break;
            case InputKind.MessageBody:
                var body = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                result.Add(await ingestor.ProcessMessageAsync(new SqsMessage { MessageId = file, Body = body }, cancellationToken).ConfigureAwait(false));
                break;
            case InputKind.CredentialReport:
                result.Add(await CredentialReportInput.ReplayAsync(file, store, cancellationToken).ConfigureAwait(false));
                break;
            default:
                result.Errors.Add($"{file}: {reason}");
                break;
        }
    }

    private async Task ReplaySqsEventAsync(string file, ReplayResult result, CancellationToken cancellationToken)
    {
        SqsEvent? sqsEvent;
        try
        {
            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                sqsEvent = await JsonSerializer.DeserializeAsync(stream, SqsJsonContext.Default.SqsEvent, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            result.Errors.Add($"{file}: not a valid SQS event: {e.Message}");
            return;
        }

        foreach (var message in sqsEvent?.Records ?? [])
        {
            var outcome = await ingestor.ProcessMessageAsync(message, cancellationToken).ConfigureAwait(false);
            result.Add(outcome with { Input = $"{file}: {outcome.Input}", Errors = [.. outcome.Errors.Select(e => $"{file}: {e}")] });
        }
    }
}
