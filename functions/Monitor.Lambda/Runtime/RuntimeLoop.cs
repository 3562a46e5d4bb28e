namespace Monitor.Lambda.Runtime;

/// <summary>
/// The invocation loop: fetch the next event, run the handler, post its response or its error, repeat.
/// A handler exception fails that invocation only (Lambda retries the whole SQS batch); a broken Runtime API ends the process.
/// </summary>
public sealed class RuntimeLoop(RuntimeApiClient client, IInvocationHandler handler)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>Serves invocations until cancelled (then throws <see cref="OperationCanceledException"/>) or the API breaks.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var invocation = await client.NextAsync(cancellationToken).ConfigureAwait(false);

            // The X-Ray SDKs and any downstream tracing read the trace header from here, per invocation.
            Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);

            ReadOnlyMemory<byte> response;
            try
            {
                response = await handler.HandleAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await client.PostErrorAsync(invocation.RequestId, LambdaError.From(exception), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await client.PostResponseAsync(invocation.RequestId, response, cancellationToken).ConfigureAwait(false);
        }
    }
}
