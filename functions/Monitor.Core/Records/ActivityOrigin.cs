namespace Monitor.Records;

/// <summary>Which log an activity was read from.</summary>
public enum ActivityOrigin
{
    CloudTrail,
    S3AccessLog,
}
