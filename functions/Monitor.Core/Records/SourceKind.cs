namespace Monitor.Records;

/// <summary>
/// What a <c>sourceIPAddress</c> really is. CloudTrail puts non-addresses there (<c>AWS Internal</c>, service
/// DNS names) and anonymised datasets carry invalid dotted strings; only real addresses count as networks.
/// </summary>
public enum SourceKind
{
    Missing,
    Public,
    Private,
    AwsInternal,
    ServiceName,
    Invalid,
}
