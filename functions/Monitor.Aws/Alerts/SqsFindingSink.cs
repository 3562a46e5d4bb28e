using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.SQS;
using Amazon.SQS.Model;
using Monitor.Detection;
using Monitor.Sinks;

namespace Monitor.Aws.Alerts;

/// <summary>
/// Sends new findings, as contract JSON, to the alert queue with SendMessageBatch. Entries SQS reports as failed
/// for its own reasons (throttling, internal errors) are resent with backoff; anything still unsent throws, so
/// the message is retried. A finding too large for one alert is sent without its evidence, marked as such.
/// </summary>
public sealed class SqsFindingSink(IAmazonSQS sqs, string queueUrl, TimeProvider time) : IFindingSink
{
    private const int MaxAttempts = 4;

    public async Task PublishAsync(IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var bodies = findings.Select(Body).ToList();
        foreach (var batch in AlertBatches.Pack(Enumerable.Range(0, bodies.Count), i => bodies[i]))
        {
            await SendAsync(batch.ToDictionary(i => i.ToString(CultureInfo.InvariantCulture), i => bodies[i]), cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Body(Finding finding)
    {
        var body = FindingDocument.Serialize(finding);
        if (Encoding.UTF8.GetByteCount(body) <= AlertBatches.MaxMessageBytes)
        {
            return body;
        }

        var trimmed = finding with
        {
            Evidence = new JsonObject { ["truncated"] = "evidence too large for an alert; see the state table" },
            EventIds = finding.EventIds.Take(10).ToArray(),
            Title = finding.Title.Length > 1000 ? finding.Title[..1000] : finding.Title,
            Recommendation = finding.Recommendation.Length > 4000 ? finding.Recommendation[..4000] : finding.Recommendation,
        };
        return FindingDocument.Serialize(trimmed);
    }

    private async Task SendAsync(Dictionary<string, string> entries, CancellationToken cancellationToken)
    {
        var pending = entries;
        for (var attempt = 1; ; attempt++)
        {
            var response = await sqs.SendMessageBatchAsync(
                new SendMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = pending.Select(e => new SendMessageBatchRequestEntry { Id = e.Key, MessageBody = e.Value }).ToList(),
                },
                cancellationToken).ConfigureAwait(false);

            var failed = response.Failed ?? [];
            if (failed.Count == 0)
            {
                return;
            }

            // A sender fault (malformed entry) will fail the same way again; only service-side failures are retried.
            var senderFault = failed.FirstOrDefault(f => f.SenderFault == true);
            if (senderFault is not null || attempt >= MaxAttempts)
            {
                var first = senderFault ?? failed[0];
                throw new AlertDeliveryException($"{failed.Count} alert(s) not sent to the alert queue after {attempt} attempt(s): {first.Code} {first.Message}");
            }

            pending = failed.ToDictionary(f => f.Id, f => pending[f.Id]);
            await Task.Delay(TimeSpan.FromMilliseconds(100 * (1 << attempt)), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
