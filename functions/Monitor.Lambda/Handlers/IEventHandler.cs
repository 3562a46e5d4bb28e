namespace Monitor.Lambda.Handlers;

/// <summary>
/// The least a scheduled function needs from the runtime host: the raw event in, the response document out.
/// The host's invocation handler adapts to it by passing the invocation body through.
/// </summary>
public interface IEventHandler
{
    Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> eventBody, CancellationToken cancellationToken);
}
