using Monitor.Records;

namespace Monitor.Detection.Roles;

/// <summary>Recognises the credential-issuing events and normalises each into a <see cref="CredentialIssue"/>.</summary>
internal static class CredentialIssueReader
{
    /// <summary>The issue an activity records, or null when it issues nothing (or failed: a denied call issues nothing).</summary>
    public static CredentialIssue? Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Outcome != Outcome.Success || activity.Record is not { } record)
        {
            return null;
        }

        var kind = KindOf(activity.EventSource, activity.EventName);
        if (kind is null)
        {
            return null;
        }

        var request = record.RequestParameters;
        var response = record.ResponseElements;
        var caller = activity.Principal;
        var issued = RecordFields.String(response, "credentials", "accessKeyId");
        var callerKey = CallerKey(caller);
        var issue = new CredentialIssue
        {
            Kind = kind.Value,
            CallerKey = callerKey,
            CallerType = caller.Type,
            CallerAccount = caller.AccountId,
            Target = callerKey,
            IssuedKey = issued,
            SourceIdentity = RecordFields.String(request, "sourceIdentity") ?? record.UserIdentity?.SessionContext?.SourceIdentity,
        };

        return kind switch
        {
            IssueKind.AssumeRole => ToRole(issue, activity, RecordFields.String(request, "roleArn"), RecordFields.String(request, "roleSessionName")),
            IssueKind.AssumeRoleWithSaml => Federated(issue, activity, "saml",
                RecordFields.String(response, "issuer") ?? RecordFields.String(request, "principalArn") ?? record.UserIdentity?.IdentityProvider,
                RecordFields.String(response, "subject") ?? record.UserIdentity?.UserName),
            IssueKind.AssumeRoleWithWebIdentity => Federated(issue, activity, "web-identity",
                OidcHost(RecordFields.String(response, "provider") ?? record.UserIdentity?.IdentityProvider),
                RecordFields.String(response, "subjectFromWebIdentityToken") ?? record.UserIdentity?.UserName),
            IssueKind.AssumeRoot => RecordFields.String(request, "targetPrincipal") is { } member
                ? issue with { Target = Principal.RootArn(member), TargetAccount = member }
                : null,
            IssueKind.GetFederationToken => issue with { TargetAccount = caller.AccountId, SessionName = RecordFields.String(request, "name") },
            IssueKind.GetSessionToken => issue with { TargetAccount = caller.AccountId },
            IssueKind.SwitchRole => SwitchRole(issue, activity),
            _ => null,
        };
    }

    /// <summary>
    /// The caller key baselines use. Cross-account records in the role owner's log name the caller only by
    /// account and principal id, and that id carries the session name (<c>AROA…:session</c>): drop it, so one
    /// caller stays one key across its sessions.
    /// </summary>
    public static string CallerKey(Principal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Type switch
        {
            PrincipalType.AwsAccount when caller.PrincipalId is { } id => $"account:{caller.AccountId ?? "unknown"}:{Before(id, ':')}",
            _ => caller.Key,
        };
    }

    private static IssueKind? KindOf(string source, string name) => (source, name) switch
    {
        ("sts.amazonaws.com", "AssumeRole") => IssueKind.AssumeRole,
        ("sts.amazonaws.com", "AssumeRoleWithSAML") => IssueKind.AssumeRoleWithSaml,
        ("sts.amazonaws.com", "AssumeRoleWithWebIdentity") => IssueKind.AssumeRoleWithWebIdentity,
        ("sts.amazonaws.com", "AssumeRoot") => IssueKind.AssumeRoot,
        ("sts.amazonaws.com", "GetFederationToken") => IssueKind.GetFederationToken,
        ("sts.amazonaws.com", "GetSessionToken") => IssueKind.GetSessionToken,
        ("signin.amazonaws.com", "SwitchRole") => IssueKind.SwitchRole,
        _ => null,
    };

    private static CredentialIssue? ToRole(CredentialIssue issue, Activity activity, string? roleArn, string? sessionName)
    {
        roleArn ??= activity.Resources.FirstOrDefault(r => r.Contains(":role/", StringComparison.Ordinal));
        return roleArn is null ? null : issue with { Target = roleArn, TargetAccount = Arn.AccountOf(roleArn), SessionName = sessionName };
    }

    private static CredentialIssue? Federated(CredentialIssue issue, Activity activity, string prefix, string? provider, string? subject)
    {
        provider ??= "unknown";
        subject ??= "unknown";
        var withRole = ToRole(issue, activity, RecordFields.String(activity.Record!.RequestParameters, "roleArn"), RecordFields.String(activity.Record.RequestParameters, "roleSessionName"));
        return withRole is null ? null : withRole with
        {
            CallerKey = $"{prefix}:{provider}:{subject}",
            Provider = provider,
            Subject = subject,

            // The role owner's account is the only account a federated caller has.
            CallerAccount = withRole.TargetAccount,
        };
    }

    // Console switch-role: success is in responseElements.SwitchRole; the target in additionalEventData.SwitchTo.
    private static CredentialIssue? SwitchRole(CredentialIssue issue, Activity activity)
    {
        var record = activity.Record!;
        if (!string.Equals(RecordFields.String(record.ResponseElements, "SwitchRole"), "Success", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var target = RecordFields.String(record.AdditionalEventData, "SwitchTo");
        return target is null ? null : issue with { Target = target, TargetAccount = Arn.AccountOf(target) };
    }

    // STS logs the provider as an ARN (…:oidc-provider/token.actions.githubusercontent.com) or as the bare host.
    private static string? OidcHost(string? provider)
    {
        const string Marker = "oidc-provider/";
        var at = provider?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return at >= 0 ? provider![(at + Marker.Length)..] : provider;
    }

    private static string Before(string text, char separator) => text.IndexOf(separator, StringComparison.Ordinal) is var i and > 0 ? text[..i] : text;
}
