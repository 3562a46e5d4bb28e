namespace Monitor.Records.AccessLogs;

/// <summary>
/// The IAM action an access-log operation is authorized by, without the <c>s3:</c> prefix, and what it is granted
/// on. <see cref="Action"/> is null for operations that need no permission (CORS preflight) or are not known.
/// </summary>
internal sealed record S3Operation(string? Action, S3ResourceScope Scope)
{
    /// <summary>S3's own work (lifecycle expiry, transitions, log delivery): not a request by anyone.</summary>
    public bool IsServiceInternal { get; init; }
}
