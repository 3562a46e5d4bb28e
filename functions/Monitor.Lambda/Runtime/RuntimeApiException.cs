namespace Monitor.Lambda.Runtime;

/// <summary>The Runtime API answered in a way the runtime cannot recover from (Lambda then restarts the environment).</summary>
public sealed class RuntimeApiException(string message) : Exception(message);
