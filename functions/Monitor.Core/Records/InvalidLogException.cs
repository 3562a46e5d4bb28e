namespace Monitor.Records;

/// <summary>A log object is unusable as a whole (not JSON, truncated gzip, wrong shape). The message says where and why.</summary>
internal sealed class InvalidLogException(string message, Exception? inner = null) : Exception(message, inner);
