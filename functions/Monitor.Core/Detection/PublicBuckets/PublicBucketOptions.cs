namespace Monitor.Detection.PublicBuckets;

/// <summary>Options of the <c>public-bucket-access</c> detector.</summary>
public sealed record PublicBucketOptions
{
    /// <summary>Buckets meant to be public: anonymous access to them is not reported. Default: none.</summary>
    public PublicBucketList PublicBuckets { get; init; } = PublicBucketList.None;
}
