using Monitor.Lambda;
using Monitor.Lambda.Handlers;
using Monitor.Lambda.Runtime;

// The bootstrap of every Monitor function on provided.al2023: read settings, pick the handler named by
// _HANDLER, then serve invocations until Lambda stops the process. Init failures are reported to the
// Runtime API (Lambda shows them on the first invoke) and end the process with a non-zero code.
var environment = Settings.ProcessEnvironment();
if (!environment.TryGetValue(Settings.Names.RuntimeApi, out var runtimeApi) || string.IsNullOrWhiteSpace(runtimeApi))
{
    await Console.Error.WriteLineAsync($"{Settings.Names.RuntimeApi} is not set: this program runs inside AWS Lambda (or its emulator).").ConfigureAwait(false);
    return 2;
}

using var client = new RuntimeApiClient(runtimeApi);
IInvocationHandler? handler;
try
{
    var settings = Settings.Load(environment);
    handler = HandlerCatalog.Create(settings, TimeProvider.System, Console.Out);
    if (handler is null)
    {
        var known = string.Join(", ", HandlerCatalog.Names);
        await client.PostInitErrorAsync(LambdaError.From("Runtime.NoSuchHandler", $"No handler named '{settings.Handler}'. Known handlers: {known}."), CancellationToken.None).ConfigureAwait(false);
        return 3;
    }
}
catch (SettingsException exception)
{
    await client.PostInitErrorAsync(LambdaError.From("Runtime.ConfigInvalid", exception.Message), CancellationToken.None).ConfigureAwait(false);
    return 3;
}
catch (Exception exception)
{
    await client.PostInitErrorAsync(LambdaError.From(exception), CancellationToken.None).ConfigureAwait(false);
    return 3;
}

await new RuntimeLoop(client, handler).RunAsync(CancellationToken.None).ConfigureAwait(false);
return 0;
