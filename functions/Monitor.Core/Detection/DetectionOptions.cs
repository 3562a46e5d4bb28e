using Monitor.Detection.Credentials;
using Monitor.Detection.PublicBuckets;
using Monitor.Detection.Roles;
using Monitor.Detection.RootUsage;
using Monitor.Detection.Tampering;

namespace Monitor.Detection;

/// <summary>Every detector's options, as the CLI and the functions' settings build them. Each detector's own record says its defaults.</summary>
public sealed record DetectionOptions
{
    public RootUsageOptions RootUsage { get; init; } = new();

    public CredentialOptions Credentials { get; init; } = new();

    public RoleOptions Roles { get; init; } = new();

    public PublicBucketOptions PublicBuckets { get; init; } = new();

    public TamperingOptions Tampering { get; init; } = new();
}
