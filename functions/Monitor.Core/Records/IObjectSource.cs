using Monitor.Envelopes;

namespace Monitor.Records;

/// <summary>Opens log objects for reading: S3 when deployed, a local folder for replay.</summary>
public interface IObjectSource
{
    /// <summary>
    /// Opens the object as a readable stream (as stored: gzip or plain; readers detect which).
    /// Throws <see cref="ObjectUnavailableException"/> when it is missing or access is denied.
    /// </summary>
    Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken);
}
