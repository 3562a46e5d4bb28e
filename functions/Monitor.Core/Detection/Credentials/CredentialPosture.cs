namespace Monitor.Detection.Credentials;

/// <summary>
/// The posture rules, applied to all of one user's credentials as of a time. Every age rule is strict
/// ("more than N days"): a credential idle for exactly N days is not yet unused, one created within N days is new,
/// not never-used, and a password reset within N days is new, whenever it was last used. Root use only the credential report shows is reported when it
/// falls within <see cref="CredentialOptions.RootWindow"/> before the audit.
/// </summary>
internal sealed class CredentialPosture(CredentialOptions options)
{
    public IReadOnlyList<CredentialProblem> Judge(UserCredentials user, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = new List<CredentialProblem>();
        var unusedAfter = options.UnusedAfter;
        foreach (var credential in user.Credentials)
        {
            var kind = credential.Kind == CredentialKind.AccessKey ? "key" : "password";
            if (user.IsRoot && credential.Kind == CredentialKind.AccessKey)
            {
                // Root keys should not exist at all (CIS, Security Hub IAM.4), active or not.
                problems.Add(new(credential.Id, "root-access-key", Severity.Critical, credential.Created, credential.Created ?? asOf));
            }

            // Used, active or not since: the report saw root sign a request that the trail did not.
            if (user.IsRoot && credential.UseOnlyInReport is { } rootUse && Recent(rootUse, asOf))
            {
                problems.Add(new(credential.Id, "root-key-used", Severity.Critical, rootUse, rootUse));
            }

            if (!credential.Active)
            {
                continue;
            }

            if (credential.LastUsed is { } used)
            {
                // A password reset after its last use is new: idle from the reset, not the use. (A key's creation
                // always precedes its use; a rotated key is another key.)
                var idleFrom = credential.Kind == CredentialKind.Password && credential.Created > used ? credential.Created.Value : used;
                if (asOf - idleFrom > unusedAfter)
                {
                    problems.Add(new(credential.Id, $"{kind}-unused", Severity.Medium, used, idleFrom + unusedAfter));
                }
            }
            else if ((credential.Created ?? user.Created) is { } created && asOf - created > unusedAfter)
            {
                problems.Add(new(credential.Id, $"{kind}-never-used", Severity.Medium, created, created + unusedAfter));
            }

            if (credential.Kind == CredentialKind.AccessKey && credential.Created is { } born && asOf - born > options.KeyRotationAfter)
            {
                problems.Add(new(credential.Id, "key-not-rotated", Severity.Low, born, born + options.KeyRotationAfter));
            }

            if (credential.Kind == CredentialKind.Password && user.Mfa == false)
            {
                problems.Add(new(credential.Id, "password-without-mfa", Severity.Medium, null, credential.Created ?? user.Created));
            }
        }

        if (user.IsRoot && user.RootPasswordUseOnlyInReport is { } signIn && Recent(signIn, asOf))
        {
            problems.Add(new("password", "root-password-used", Severity.High, signIn, signIn));
        }

        var activeKeys = user.Credentials.Where(c => c.Kind == CredentialKind.AccessKey && c.Active).ToList();
        if (activeKeys.Count >= 2)
        {
            var since = activeKeys.Select(k => k.Created).All(c => c is not null) ? activeKeys.Max(k => k.Created) : null;
            problems.AddRange(activeKeys.Select(k => new CredentialProblem(k.Id, "two-active-keys", Severity.Low, null, since)));
        }

        return problems;
    }

    // CloudTrail delivers within minutes of a call, not at once: a use this close to the audit may simply not be in the
    // ledger yet. The report keeps showing it, and the next audit judges it.
    private static readonly TimeSpan DeliveryLag = TimeSpan.FromHours(1);

    private bool Recent(DateTimeOffset use, DateTimeOffset asOf) => use <= asOf - DeliveryLag && asOf - use <= options.RootWindow;
}
