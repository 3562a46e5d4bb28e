namespace Monitor.Records.AccessLogs;

/// <summary>
/// Turns the requester field into a <see cref="Principal"/> keyed like the CloudTrail normalizer keys it, so a
/// role seen in access logs and in CloudTrail is one principal: an assumed-role session maps to its role.
/// </summary>
internal static class AccessLogRequester
{
    /// <summary>The key of every anonymous caller (the requester field is <c>-</c>).</summary>
    public const string AnonymousKey = "anonymous";

    public static readonly Principal Anonymous = new(PrincipalType.Anonymous, AnonymousKey, Name: AnonymousKey);

    /// <summary>
    /// The principal behind <paramref name="requester"/>: null or <c>-</c> is anonymous, a 64-hex-digit value is a
    /// canonical user id (older logs and cross-account grants by ACL), an ARN is a root, user, role session or
    /// federated user. Anything else is kept as an unknown principal with the raw value in its key.
    /// </summary>
    public static Principal ToPrincipal(string? requester)
    {
        if (string.IsNullOrEmpty(requester) || requester == "-")
        {
            return Anonymous;
        }

        if (IsCanonicalId(requester))
        {
            return new Principal(PrincipalType.CanonicalUser, $"canonical:{requester}", PrincipalId: requester);
        }

        if (Arn.Parse(requester) is not { Account.Length: > 0 } arn)
        {
            return new Principal(PrincipalType.Unknown, $"unknown:access-log:{requester}", PrincipalId: requester);
        }

        var account = arn.Account;
        if (arn.IsRoot)
        {
            return new Principal(PrincipalType.Root, requester, requester, account, Name: "root");
        }

        if (arn.RoleOfSession() is { } session)
        {
            var role = session.ToString();
            return new Principal(PrincipalType.AssumedRole, role, requester, account, Name: session.LastSegment, SessionName: arn.LastSegment, IssuerArn: role);
        }

        var resource = arn.Resource;
        return resource switch
        {
            _ when resource.StartsWith("user/", StringComparison.Ordinal) => new Principal(PrincipalType.IamUser, requester, requester, account, Name: arn.LastSegment),
            _ when resource.StartsWith("role/", StringComparison.Ordinal) => new Principal(PrincipalType.AssumedRole, requester, requester, account, Name: arn.LastSegment, IssuerArn: requester),
            _ when resource.StartsWith("federated-user/", StringComparison.Ordinal) => new Principal(PrincipalType.FederatedUser, requester, requester, account, SessionName: arn.LastSegment),
            _ => new Principal(PrincipalType.Unknown, requester, requester, account),
        };
    }

    private static bool IsCanonicalId(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
