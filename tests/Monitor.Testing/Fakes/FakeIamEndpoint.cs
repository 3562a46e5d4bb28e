using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Testing.Fakes;

/// <summary>A loopback HTTP server that answers like IAM's Query API from a script, recording every request.</summary>
public sealed class FakeIamEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(HttpStatusCode Status, string Body)> _script = new();
    private readonly Task _loop;

    public FakeIamEndpoint()
    {
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public FakeIamEndpoint Then(HttpStatusCode status, string body)
    {
        _script.Enqueue((status, body));
        return this;
    }

    public FakeIamEndpoint ThenGenerate(string state) => Then(HttpStatusCode.OK,
        $"""<GenerateCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GenerateCredentialReportResult><State>{state}</State><Description>x</Description></GenerateCredentialReportResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GenerateCredentialReportResponse>""");

    public FakeIamEndpoint ThenReport(string csv, string generated = "2025-06-01T12:00:00Z") => Then(HttpStatusCode.OK,
        $"""<GetCredentialReportResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetCredentialReportResult><Content>{Convert.ToBase64String(Encoding.UTF8.GetBytes(csv))}</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>{generated}</GeneratedTime></GetCredentialReportResult></GetCredentialReportResponse>""");

    public FakeIamEndpoint ThenError(HttpStatusCode status, string code) => Then(status,
        $"""<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} message</Message></Error><RequestId>r</RequestId></ErrorResponse>""");

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopping the listener ends the loop with one of these.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Requests.Add(new RecordedRequest(context.Request.HttpMethod, body, headers));
            var (status, answer) = _script.Count > 0 ? _script.Dequeue() : (HttpStatusCode.InternalServerError, "<ErrorResponse><Error><Code>ScriptExhausted</Code></Error></ErrorResponse>");
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/xml";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

public sealed record RecordedRequest(string Method, string Body, IReadOnlyDictionary<string, string> Headers);
