namespace Monitor.Records.CredentialReports;

/// <summary>
/// One access key slot (1 or 2) of a credential report row. The report names no key id. An inactive key keeps
/// its dates, so <see cref="Exists"/> looks at <see cref="LastRotated"/>, not at <see cref="Active"/>.
/// </summary>
public sealed record ReportKey(int Slot, bool Active, ReportTime LastRotated, ReportTime LastUsed, string? LastUsedRegion, string? LastUsedService)
{
    public bool Exists => Active || LastRotated.HasTime;

    /// <summary>The slot's name in the report: <c>access_key_1</c> or <c>access_key_2</c>.</summary>
    public string Name => $"access_key_{Slot}";
}
