using Monitor.Records;

namespace Monitor.Detection.Roles;

/// <summary>
/// One successful credential-issuing event as a graph edge: <see cref="CallerKey"/> → <see cref="Target"/>, with the
/// session it created. Never holds the session token: only the issued access key id, which later records name.
/// </summary>
internal sealed record CredentialIssue
{
    public required IssueKind Kind { get; init; }

    /// <summary>Stable caller identity: an ARN, <c>account:&lt;id&gt;:&lt;principal&gt;</c>, <c>service:&lt;svc&gt;</c>, <c>saml:…</c> or <c>web-identity:…</c>.</summary>
    public required string CallerKey { get; init; }

    public required PrincipalType CallerType { get; init; }

    public string? CallerAccount { get; init; }

    /// <summary>The role ARN assumed; the caller itself for GetSessionToken/GetFederationToken; the member root for AssumeRoot.</summary>
    public required string Target { get; init; }

    public string? TargetAccount { get; init; }

    public string? SessionName { get; init; }

    /// <summary><c>responseElements.credentials.accessKeyId</c>: the ASIA key later records of this session carry.</summary>
    public string? IssuedKey { get; init; }

    /// <summary>SAML issuer or OIDC provider host, for federated assumptions.</summary>
    public string? Provider { get; init; }

    /// <summary>SAML subject or OIDC <c>sub</c>.</summary>
    public string? Subject { get; init; }

    public string? SourceIdentity { get; init; }

    /// <summary>
    /// An outside caller coming into this account's role. AssumeRoot runs the other way (the management account
    /// reaching into a member), so it is never "external".
    /// </summary>
    public bool CrossAccount => Kind != IssueKind.AssumeRoot && CallerAccount is not null && TargetAccount is not null && TargetAccount.Length > 0 && CallerAccount != TargetAccount;

    /// <summary>Service-linked roles are created and assumed by AWS services only; they are never anomalous.</summary>
    public bool IsServiceLinkedTarget => Arn.Parse(Target)?.IsServiceLinkedRole == true;

    public bool IsServiceCaller => CallerType == PrincipalType.AwsService;
}
