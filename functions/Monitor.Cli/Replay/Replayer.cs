using System.Text.Json;
using Monitor.Envelopes;
using Monitor.Pipeline;

namespace Monitor.Cli.Replay;

/// <summary>
/// Feeds local input files through the same <see cref="Ingestor"/> the Lambda runs; credential reports go
/// into the ledger through <paramref name="auditor"/> (the audit at the end of the run reads them).
/// </summary>
internal sealed class Replayer(Ingestor ingestor, CredentialAuditor auditor)
{
    public async Task<ReplayResult> ReplayAsync(IEnumerable<string> paths, string objectsRoot, CancellationToken cancellationToken)
    {
        var result = new ReplayResult();
        var inputs = new List<(string File, InputClassification Class)>();
        foreach (var file in InputWalker.Expand(paths, objectsRoot, result.Errors))
        {
            inputs.Add((file, await InputClassifier.ClassifyAsync(file, cancellationToken).ConfigureAwait(false)));
        }

        // Oldest first: each event is judged against the state as it stood before it, so history read after the
        // events it should have informed would change their evidence. Inputs that name no time keep their
        // walking (name) order after the dated ones; OrderBy is stable.
        foreach (var (file, classification) in inputs.OrderBy(i => i.Class.FirstTime ?? DateTimeOffset.MaxValue))
        {
            await ReplayFileAsync(file, classification, result, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task ReplayFileAsync(string file, InputClassification classification, ReplayResult result, CancellationToken cancellationToken)
    {
        switch (classification.Shape)
        {
            case { Role: InputRole.Log }:
                var stream = File.OpenRead(file);
                await using (stream.ConfigureAwait(false))
                {
                    result.Add(await ingestor.ProcessStreamAsync(file, stream, cancellationToken).ConfigureAwait(false));
                }

                break;
            case { Role: InputRole.MessageBatch }:
                await ReplaySqsEventAsync(file, result, cancellationToken).ConfigureAwait(false);
                break;
            case { Role: InputRole.Envelope }:
                var body = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                result.Add(await ingestor.ProcessMessageAsync(new SqsMessage { MessageId = file, Body = body }, cancellationToken).ConfigureAwait(false));
                break;
            case { Role: InputRole.CredentialReport }:
                result.Add(await CredentialReportInput.ReplayAsync(file, auditor, cancellationToken).ConfigureAwait(false));
                break;
            case { Role: InputRole.NoActivity, PassOverReason: { } why }:
                result.Add(Passed(file, why));
                break;
            default:
                result.Errors.Add($"{file}: {classification.Reason}");
                break;
        }
    }

    private static MessageOutcome Passed(string file, string why) =>
        new(file, MessageStatus.Skipped, 0, [], [], [], [$"{file}: {why}"], null, TimeSpan.Zero);

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
