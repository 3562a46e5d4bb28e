using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Monitor.Lambda.Tests.Runtime;

/// <summary>
/// A loopback Lambda Runtime API (2018-06-01) for tests: queued invocations are handed out on
/// <c>/runtime/invocation/next</c>; responses, invocation errors and init errors are recorded.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<QueuedInvocation> _queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeResult>> _results = new();
    private readonly TaskCompletionSource<RuntimeResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public RuntimeApiEmulator()
    {
        var port = FreePort();
        Address = $"127.0.0.1:{port}";
        _listener.Prefixes.Add($"http://{Address}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>When the first <c>next</c> request arrived (for cold-start measurement).</summary>
    public Task<DateTimeOffset> FirstNext => _firstNext.Task;

    public Task<RuntimeResult> InitError => _initError.Task;

    /// <summary>Queues an invocation and returns its result when the runtime posts one.</summary>
    public Task<RuntimeResult> InvokeAsync(string body, DateTimeOffset deadline, string? requestId = null, string traceId = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1")
    {
        requestId ??= Guid.NewGuid().ToString();
        var result = _results.GetOrAdd(requestId, _ => new TaskCompletionSource<RuntimeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(new QueuedInvocation(requestId, body, deadline, traceId));
        return result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                _firstNext.TrySetResult(DateTimeOffset.UtcNow);
                var next = await _queue.Reader.ReadAsync(_stop.Token);
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:monitor-test";
                response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
                await WriteAsync(response, 200, next.Body);
                return;
            }

            var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
            var result = new RuntimeResult(body, request.ContentType, request.Headers["Lambda-Runtime-Function-Error-Type"]);
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (request.HttpMethod == "POST" && path == "/2018-06-01/runtime/init/error")
            {
                _initError.TrySetResult(result with { IsError = true });
            }
            else if (request.HttpMethod == "POST" && parts is [_, "runtime", "invocation", var id, "response" or "error"])
            {
                _results.GetOrAdd(id, _ => new TaskCompletionSource<RuntimeResult>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(result with { IsError = parts[4] == "error" });
            }
            else
            {
                await WriteAsync(response, 404, "{}");
                return;
            }

            await WriteAsync(response, 202, """{"status":"OK"}""");
        }
        catch (OperationCanceledException)
        {
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed record QueuedInvocation(string RequestId, string Body, DateTimeOffset Deadline, string TraceId);
}

/// <summary>What the runtime posted for one invocation (or for init).</summary>
public sealed record RuntimeResult(string Body, string? ContentType, string? ErrorType, bool IsError = false);
