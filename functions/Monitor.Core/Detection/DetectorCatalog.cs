using Monitor.Detection.Credentials;
using Monitor.Detection.PublicBuckets;
using Monitor.Detection.Roles;
using Monitor.Detection.RootUsage;
using Monitor.Detection.Tampering;
using Monitor.Detection.Workloads;
using Monitor.LeastPrivilege;
using Monitor.LeastPrivilege.Mapping;

namespace Monitor.Detection;

/// <summary>The detectors and observers the pipeline runs: one line each, one list shared by the Lambda and the CLI.</summary>
public static class DetectorCatalog
{
    public static IReadOnlyList<IObserver> All(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new RootUsageDetector(options.RootUsage),
            new CredentialLedgerDetector(options.Credentials),
            new RoleAssumptionDetector(options.Roles),
            new PublicBucketAccessDetector(options.PublicBuckets),
            new TamperingDetector(options.Tampering),
            new WorkloadDetector(options.Roles.AllowList),
            new UsageRecorder(ActionMapper.Embedded),
        ];
    }
}
