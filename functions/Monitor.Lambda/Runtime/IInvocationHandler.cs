namespace Monitor.Lambda.Runtime;

/// <summary>One deployed function: turns an invocation's event into its response document (UTF-8 JSON).</summary>
public interface IInvocationHandler
{
    Task<ReadOnlyMemory<byte>> HandleAsync(Invocation invocation, CancellationToken cancellationToken);
}
