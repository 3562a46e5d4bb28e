using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitor.Testing.Emulators;

/// <summary>
/// A loopback SQS that speaks the AWS JSON 1.0 protocol of SDK v4 for <c>SendMessageBatch</c> only (no npm SQS
/// emulator speaks it). It records what was sent and can be told to fail entries, to exercise the sink's retries.
/// </summary>
public sealed class FakeSqs : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private int _failNext;
    private bool _failAsSender;

    public FakeSqs()
    {
        Endpoint = new Uri($"http://127.0.0.1:{LocalEmulators.FreePort()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public string QueueUrl(string name = "alerts") => $"{Endpoint}123456789012/{name}";

    /// <summary>Every message accepted, in arrival order.</summary>
    public ConcurrentQueue<(string QueueUrl, string Body)> Messages { get; } = new();

    /// <summary>Every SendMessageBatch call, as the number of entries it carried and their total body bytes.</summary>
    public ConcurrentQueue<(int Entries, int Bytes)> Batches { get; } = new();

    /// <summary>Fails the next <paramref name="entries"/> entries (as a service fault, or a sender fault).</summary>
    public void FailNext(int entries, bool senderFault = false)
    {
        _failAsSender = senderFault;
        Interlocked.Exchange(ref _failNext, entries);
    }

    public IReadOnlyList<string> BodiesIn(string queueUrl) => Messages.Where(m => m.QueueUrl == queueUrl).Select(m => m.Body).ToList();

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"];
        var request = JsonNode.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync())!.AsObject();
        if (target != "AmazonSQS.SendMessageBatch")
        {
            await ReplyAsync(context.Response, 400, new JsonObject { ["__type"] = "com.amazonaws.sqs#UnsupportedOperation", ["message"] = $"{target} is not faked" });
            return;
        }

        var queueUrl = request["QueueUrl"]!.GetValue<string>();
        var entries = request["Entries"]!.AsArray();
        Batches.Enqueue((entries.Count, entries.Sum(e => Encoding.UTF8.GetByteCount(e!["MessageBody"]!.GetValue<string>()))));
        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in entries)
        {
            var id = entry!["Id"]!.GetValue<string>();
            var body = entry["MessageBody"]!.GetValue<string>();
            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                failed.Add(new JsonObject { ["Id"] = id, ["SenderFault"] = _failAsSender, ["Code"] = _failAsSender ? "InvalidMessageContents" : "InternalError", ["Message"] = "injected failure" });
                continue;
            }

            Messages.Enqueue((queueUrl, body));
            successful.Add(new JsonObject
            {
                ["Id"] = id,
                ["MessageId"] = Guid.NewGuid().ToString(),
#pragma warning disable CA5351 // SQS's own protocol checksum, which the SDK verifies; not used for security.
                ["MD5OfMessageBody"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))),
#pragma warning restore CA5351
            });
        }

        Interlocked.Exchange(ref _failNext, Math.Max(0, Volatile.Read(ref _failNext)));
        await ReplyAsync(context.Response, 200, new JsonObject { ["Successful"] = successful, ["Failed"] = failed });
    }

    private static async Task ReplyAsync(HttpListenerResponse response, int status, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/x-amz-json-1.0";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
