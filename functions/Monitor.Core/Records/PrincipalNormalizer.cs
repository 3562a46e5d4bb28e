namespace Monitor.Records;

/// <summary>
/// Maps CloudTrail's <c>userIdentity</c>, in every shape it comes in, to a <see cref="Principal"/> whose
/// <see cref="Principal.Key"/> is stable across sessions. Types are compared case-insensitively because
/// casing varies across AWS examples and third-party datasets.
/// </summary>
internal static class PrincipalNormalizer
{
    // Failed console sign-ins with a wrong user name carry this instead of the name.
    private const string HiddenUserName = "HIDDEN_DUE_TO_SECURITY_REASONS";

    private const string AnonymousAccount = "ANONYMOUS_PRINCIPAL";

    /// <summary>
    /// Normalizes <paramref name="identity"/>. <paramref name="recipientAccountId"/> stands in for the caller's
    /// account when the identity omits it (failed root sign-ins, AwsServiceEvent records).
    /// </summary>
    public static Principal Normalize(UserIdentityRecord? identity, string? recipientAccountId = null)
    {
        if (identity is null)
        {
            return Principal.Unknown;
        }

        var account = Present(identity.AccountId) ?? Arn.AccountOf(Present(identity.Arn)) ?? Present(recipientAccountId);
        var type = Present(identity.Type);
        return type?.ToUpperInvariant() switch
        {
            null => Untyped(identity, account),
            "ROOT" => Root(identity, account),
            "IAMUSER" => IamUser(identity, account),
            "ASSUMEDROLE" => AssumedRole(identity, account),
            "FEDERATEDUSER" => FederatedUser(identity, account),
            "AWSSERVICE" => Service(identity, account),
            "AWSACCOUNT" => OtherAccount(identity, account),
            "IDENTITYCENTERUSER" => IdentityCenterUser(identity, account),
            "WEBIDENTITYUSER" => Federated(PrincipalType.WebIdentityUser, "web-identity", identity, account),
            "SAMLUSER" => Federated(PrincipalType.SamlUser, "saml", identity, account),
            _ => Unrecognized(type, identity, account),
        };
    }

    private static Principal Root(UserIdentityRecord identity, string? account)
    {
        var arn = Present(identity.Arn);

        // Failed sign-ins and Identity Center flows log Root without an ARN; the account still names the root user.
        var rootArn = Arn.Parse(arn)?.IsRoot == true ? arn : account is null ? null : Principal.RootArn(account, Arn.PartitionOf(arn));
        return new Principal(PrincipalType.Root, rootArn ?? "root", rootArn, account, Present(identity.PrincipalId), "root");
    }

    private static Principal IamUser(UserIdentityRecord identity, string? account)
    {
        var userName = Present(identity.UserName) is { } name && name != HiddenUserName ? name : null;
        var arn = Present(identity.Arn) ?? (account is not null && userName is not null ? $"arn:{Arn.DefaultPartition}:iam::{account}:user/{userName}" : null);
        return new Principal(PrincipalType.IamUser, arn ?? AccountKey(account, identity.PrincipalId), arn, account, Present(identity.PrincipalId), userName ?? Arn.Parse(arn)?.LastSegment);
    }

    private static Principal AssumedRole(UserIdentityRecord identity, string? account)
    {
        var sessionArn = Present(identity.Arn);
        var issuer = identity.SessionContext?.SessionIssuer;

        // The issuer's ARN keeps the role's path; the one parsed from the session ARN cannot (see Arn.RoleOfSession).
        var roleArn = Present(issuer?.Arn) ?? Arn.Parse(sessionArn)?.RoleOfSession()?.ToString();
        return new Principal(
            PrincipalType.AssumedRole,
            roleArn ?? sessionArn ?? AccountKey(account, identity.PrincipalId),
            sessionArn,
            account,
            Present(identity.PrincipalId),
            Present(issuer?.UserName) ?? Arn.Parse(roleArn)?.LastSegment,
            Arn.Parse(sessionArn)?.LastSegment ?? AfterColon(identity.PrincipalId),
            roleArn);
    }

    // GetFederationToken sessions act with the permissions of the IAM user (or root) that minted them: key on that issuer.
    private static Principal FederatedUser(UserIdentityRecord identity, string? account)
    {
        var sessionArn = Present(identity.Arn);
        var issuer = identity.SessionContext?.SessionIssuer;
        var issuerArn = Present(issuer?.Arn);
        return new Principal(
            PrincipalType.FederatedUser,
            issuerArn ?? sessionArn ?? AccountKey(account, identity.PrincipalId),
            sessionArn,
            account,
            Present(identity.PrincipalId),
            Present(issuer?.UserName) ?? Arn.Parse(issuerArn)?.LastSegment,
            Arn.Parse(sessionArn)?.LastSegment ?? AfterColon(identity.PrincipalId),
            issuerArn);
    }

    private static Principal Service(UserIdentityRecord identity, string? account)
    {
        var service = Present(identity.InvokedBy) ?? Present(identity.PrincipalId) ?? "unknown";
        return new Principal(PrincipalType.AwsService, $"service:{service}", null, account, Present(identity.PrincipalId), service);
    }

    // The role owner's side of a cross-account call: no ARN, only the caller's account and principal id.
    // S3 data events name an unauthenticated caller as the account ANONYMOUS_PRINCIPAL: the same anonymous principal access logs give.
    private static Principal OtherAccount(UserIdentityRecord identity, string? account) =>
        Present(identity.AccountId) == AnonymousAccount
            ? AccessLogs.AccessLogRequester.Anonymous
            : new(PrincipalType.AwsAccount, AccountKey(account, identity.PrincipalId), null, account, Present(identity.PrincipalId), null, AfterColon(identity.PrincipalId));

    private static Principal IdentityCenterUser(UserIdentityRecord identity, string? account)
    {
        var userId = Present(identity.OnBehalfOf?.UserId) ?? Present(identity.PrincipalId) ?? "unknown";
        var store = Present(identity.OnBehalfOf?.IdentityStoreArn) ?? account ?? "unknown";
        return new Principal(PrincipalType.IdentityCenterUser, $"identity-center:{store}:{userId}", null, account, Present(identity.PrincipalId), userId);
    }

    private static Principal Federated(PrincipalType type, string prefix, UserIdentityRecord identity, string? account)
    {
        var provider = Present(identity.IdentityProvider) ?? "unknown";
        var user = Present(identity.UserName) ?? Present(identity.PrincipalId) ?? "unknown";
        return new Principal(type, $"{prefix}:{provider}:{user}", null, account, Present(identity.PrincipalId), user);
    }

    // AwsServiceEvent records often carry only accountId and invokedBy, with no type at all.
    private static Principal Untyped(UserIdentityRecord identity, string? account)
    {
        if (Present(identity.InvokedBy) is { } service)
        {
            return new Principal(PrincipalType.AwsService, $"service:{service}", null, account, Present(identity.PrincipalId), service);
        }

        var arn = Present(identity.Arn);
        return new Principal(PrincipalType.Unknown, arn ?? (account is null ? "unknown" : AccountKey(account, identity.PrincipalId)), arn, account, Present(identity.PrincipalId), Present(identity.UserName));
    }

    // A type this code does not know yet (or "Unknown", used by Identity Center sign-in internals): keep the raw type in the key.
    private static Principal Unrecognized(string type, UserIdentityRecord identity, string? account)
    {
        var arn = Present(identity.Arn);
        var subject = arn ?? Present(identity.PrincipalId) ?? Present(identity.UserName) ?? account ?? "unknown";
        return new Principal(PrincipalType.Unknown, $"unknown:{type}:{subject}", arn, account, Present(identity.PrincipalId), Present(identity.UserName));
    }

    private static string AccountKey(string? account, string? principalId) =>
        Present(principalId) is { } id ? $"account:{account ?? "unknown"}:{id}" : $"account:{account ?? "unknown"}";

    private static string? AfterColon(string? principalId) =>
        Present(principalId) is { } id && id.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 && colon < id.Length - 1 ? id[(colon + 1)..] : null;

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
