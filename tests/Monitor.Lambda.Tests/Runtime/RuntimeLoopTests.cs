using System.Text;
using System.Text.Json;
using Monitor.Lambda.Runtime;

namespace Monitor.Lambda.Tests.Runtime;

public sealed class RuntimeLoopTests
{
    [Fact]
    public async Task Response_IsPosted_WithTheInvocationHeadersSeenByTheHandler()
    {
        await using var api = new RuntimeApiEmulator();
        using var client = new RuntimeApiClient(api.Address);
        var handler = new RecordingHandler(_ => """{"ok":true}""");
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => new RuntimeLoop(client, handler).RunAsync(stop.Token));

        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_123);
        var result = await api.InvokeAsync("""{"hello":1}""", deadline, "req-1", "Root=1-abc;Sampled=1").WaitAsync(TimeSpan.FromSeconds(10));

        result.IsError.ShouldBeFalse();
        result.Body.ShouldBe("""{"ok":true}""");
        var seen = handler.Seen.ShouldHaveSingleItem();
        seen.Invocation.RequestId.ShouldBe("req-1");
        seen.Invocation.Deadline.ShouldBe(deadline);
        seen.Invocation.FunctionArn.ShouldBe("arn:aws:lambda:us-east-1:123456789012:function:monitor-test");
        seen.TraceVariable.ShouldBe("Root=1-abc;Sampled=1");
        Encoding.UTF8.GetString(seen.Invocation.Body.Span).ShouldBe("""{"hello":1}""");
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(loop);
    }

    [Fact]
    public async Task HandlerException_IsPostedAsError_AndTheLoopGoesOn()
    {
        await using var api = new RuntimeApiEmulator();
        using var client = new RuntimeApiClient(api.Address);
        var handler = new RecordingHandler(body => body.Contains("boom", StringComparison.Ordinal) ? throw new InvalidDataException("bad event") : "{}");
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => new RuntimeLoop(client, handler).RunAsync(stop.Token));

        var failed = await api.InvokeAsync("boom", DateTimeOffset.UtcNow.AddMinutes(1)).WaitAsync(TimeSpan.FromSeconds(10));
        var next = await api.InvokeAsync("fine", DateTimeOffset.UtcNow.AddMinutes(1)).WaitAsync(TimeSpan.FromSeconds(10));

        failed.IsError.ShouldBeTrue();
        failed.ContentType.ShouldBe("application/vnd.aws.lambda.error+json");
        failed.ErrorType.ShouldBe("InvalidDataException");
        var error = JsonSerializer.Deserialize(failed.Body, RuntimeJsonContext.Default.LambdaError)!;
        error.ErrorType.ShouldBe("InvalidDataException");
        error.ErrorMessage.ShouldBe("bad event");
        next.IsError.ShouldBeFalse();
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(loop);
    }

    [Fact]
    public async Task InitError_CarriesTheErrorTypeHeaderAndDocument()
    {
        await using var api = new RuntimeApiEmulator();
        using var client = new RuntimeApiClient(api.Address);

        await client.PostInitErrorAsync(LambdaError.From("Runtime.NoSuchHandler", "No handler named 'x'."), CancellationToken.None);

        var result = await api.InitError.WaitAsync(TimeSpan.FromSeconds(10));
        result.ErrorType.ShouldBe("Runtime.NoSuchHandler");
        result.ContentType.ShouldBe("application/vnd.aws.lambda.error+json");
        result.Body.ShouldBe("""{"errorMessage":"No handler named \u0027x\u0027.","errorType":"Runtime.NoSuchHandler","stackTrace":[]}""");
    }

    private sealed class RecordingHandler(Func<string, string> respond) : IInvocationHandler
    {
        public List<(Invocation Invocation, string? TraceVariable)> Seen { get; } = [];

        public Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken)
        {
            Seen.Add((invocation, Environment.GetEnvironmentVariable(RuntimeLoop.TraceIdVariable)));
            return Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes(respond(Encoding.UTF8.GetString(invocation.Body.Span))));
        }
    }
}
