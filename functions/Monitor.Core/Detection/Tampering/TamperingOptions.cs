namespace Monitor.Detection.Tampering;

/// <summary>Options of the <c>tampering</c> detector.</summary>
public sealed record TamperingOptions
{
    /// <summary>Accounts a role's trust policy may admit without a finding, besides the role's own. Default: none.</summary>
    public IReadOnlySet<string> TrustedAccounts { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Principals whose changes are never reported: break-glass users, the automation that manages IAM and logging
    /// (an ARN, or a prefix ending in <c>*</c>, e.g. <c>arn:aws:iam::111122223333:role/terraform-*</c>). A role's ARN
    /// covers its sessions; a session ARN (<c>arn:aws:sts::…:assumed-role/role/session</c>) only that session. Default: none.
    /// </summary>
    public IReadOnlyList<string> AllowedPrincipals { get; init; } = [];

    public bool Allows(string? principal) =>
        principal is not null && AllowedPrincipals.Any(p => p.EndsWith('*') ? principal.StartsWith(p[..^1], StringComparison.Ordinal) : principal == p);
}
