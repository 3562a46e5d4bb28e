namespace Monitor.Envelopes;

/// <summary>A log object named by a notification. <see cref="Key"/> is already URL-decoded.</summary>
public readonly record struct ObjectRef(string Bucket, string Key)
{
    public override string ToString() => $"s3://{Bucket}/{Key}";
}
