namespace Monitor.Detection.Credentials;

/// <summary>
/// The posture rules, applied to all of one user's credentials as of a time. Every age rule is strict
/// ("more than N days"): a credential idle for exactly N days is not yet unused.
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

            if (!credential.Active)
            {
                continue;
            }

            if (credential.LastUsed is { } used)
            {
                if (asOf - used > unusedAfter)
                {
                    problems.Add(new(credential.Id, $"{kind}-unused", Severity.Medium, used, used + unusedAfter));
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

        var activeKeys = user.Credentials.Where(c => c.Kind == CredentialKind.AccessKey && c.Active).ToList();
        if (activeKeys.Count >= 2)
        {
            var since = activeKeys.Select(k => k.Created).All(c => c is not null) ? activeKeys.Max(k => k.Created) : null;
            problems.AddRange(activeKeys.Select(k => new CredentialProblem(k.Id, "two-active-keys", Severity.Low, null, since)));
        }

        return problems;
    }
}
