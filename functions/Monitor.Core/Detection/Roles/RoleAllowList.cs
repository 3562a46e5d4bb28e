using System.Net;

namespace Monitor.Detection.Roles;

/// <summary>
/// What an operator has declared normal for role assumptions. Patterns are exact, or end in <c>*</c> for a
/// prefix (<c>arn:aws:iam::111122223333:role/ci-*</c>). Networks are CIDRs (on-premises egress, VPN, Outposts:
/// the documented cause of instance-credential false positives).
/// </summary>
public sealed record RoleAllowList
{
    public static readonly RoleAllowList None = new();

    /// <summary>Callers (ARN or caller key, e.g. <c>web-identity:token.actions.githubusercontent.com:repo:org/app:*</c>) never reported.</summary>
    public IReadOnlyList<string> Callers { get; init; } = [];

    /// <summary>Roles whose assumptions and sessions are never reported.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Networks (CIDR) counted as known for every role and session.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    public bool AllowsCaller(string? caller) => Matches(Callers, caller);

    public bool AllowsRole(string? role) => Matches(Roles, role);

    public bool AllowsAddress(IPAddress? address) =>
        address is not null && Networks.Any(cidr => Cidr.TryParse(cidr, out var network) && network.Contains(address));

    private static bool Matches(IReadOnlyList<string> patterns, string? value) =>
        value is not null && patterns.Any(p => p.EndsWith('*') ? value.StartsWith(p[..^1], StringComparison.Ordinal) : value == p);
}
