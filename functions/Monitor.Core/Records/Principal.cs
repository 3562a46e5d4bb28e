namespace Monitor.Records;

/// <summary>
/// Who made a request, normalized across every identity shape. <see cref="Key"/> is the stable identity
/// that baselines and policies are keyed on: the user, role or root ARN (a role session maps to its role),
/// <c>service:&lt;principal&gt;</c> for AWS services, or <c>account:&lt;id&gt;:&lt;principalId&gt;</c> when
/// a cross-account record carries no ARN.
/// </summary>
public sealed record Principal(
    PrincipalType Type,
    string Key,
    string? Arn = null,
    string? AccountId = null,
    string? PrincipalId = null,
    string? Name = null,
    string? SessionName = null,
    string? IssuerArn = null)
{
    public static readonly Principal Unknown = new(PrincipalType.Unknown, "unknown");

    public bool IsRoot => Type == PrincipalType.Root;

    /// <summary>The root ARN of an account: <c>arn:aws:iam::123456789012:root</c>.</summary>
    public static string RootArn(string accountId, string partition = Records.Arn.DefaultPartition) => Records.Arn.RootOf(accountId, partition);
}
