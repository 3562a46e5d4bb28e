namespace Monitor.Detection;

/// <summary>The detectors the pipeline runs, in order. One list, shared by the Lambda and the CLI.</summary>
public static class DetectorCatalog
{
    public static IReadOnlyList<IDetector> All(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [new RootUsage.RootUsageDetector(), new Credentials.CredentialLedgerDetector(options), new Roles.RoleAssumptionDetector(options), new PublicBuckets.PublicBucketAccessDetector(options.PublicBuckets), new LeastPrivilege.UsageRecorder(LeastPrivilege.Mapping.ActionMapper.Embedded)];
    }
}
