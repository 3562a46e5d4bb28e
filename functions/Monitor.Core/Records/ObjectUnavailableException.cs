using Monitor.Envelopes;

namespace Monitor.Records;

/// <summary>A named log object could not be read (missing, access denied). The message names the object and why.</summary>
public sealed class ObjectUnavailableException(ObjectRef reference, string reason, Exception? inner = null)
    : Exception($"{reference}: {reason}", inner)
{
    public ObjectRef Reference { get; } = reference;

    public string Reason { get; } = reason;
}
