using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Monitor.Lambda.Runtime;

/// <summary>
/// Our client of the Lambda Runtime API (2018-06-01): next, response, error and init error. There is no
/// Amazon.Lambda.RuntimeSupport here, and the protocol is four plain HTTP calls.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private readonly HttpClient _http;

    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);

        // `next` is a long poll and the process may be frozen between invocations: any client timeout would
        // fire spuriously after a thaw, so there is none.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"next invocation: HTTP {(int)response.StatusCode}");
        }

        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("next invocation: no Lambda-Runtime-Aws-Request-Id header");
        var deadlineMs = long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms : long.MaxValue / 2;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(deadlineMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())),
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(headers, "Lambda-Runtime-Trace-Id"),
            body);
    }

    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response")
        {
            Content = new ReadOnlyMemoryContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public Task PostErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <summary>Reports a non-recoverable init failure; the caller must exit afterwards.</summary>
    public Task PostInitErrorAsync(LambdaError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync("runtime/init/error", error, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostErrorDocumentAsync(string path, LambdaError error, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.LambdaError)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, error.ErrorType);
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // 500 means the execution environment is broken: the documented reaction is to exit. 4xx (e.g. 413,
        // response too large) fails this invocation only, which Lambda records itself.
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            throw new RuntimeApiException($"{request.RequestUri}: HTTP {(int)response.StatusCode}");
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
