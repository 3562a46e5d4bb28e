using Monitor.Records.CredentialReports;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Merges what CloudTrail showed of a user's credentials with the newest credential report. The report wins for
/// existence (a credential or user it does not list is gone), except for changes CloudTrail saw after the report
/// was generated; the ledger wins for recency (the later last use of the two).
/// </summary>
internal static class CredentialReconciler
{
    // The report's last_rotated is the key's creation time; CloudTrail logs the CreateAccessKey call a moment apart.
    private static readonly TimeSpan MatchWindow = TimeSpan.FromMinutes(5);

    // IAM tracks last use only approximately (an access key's within hours): CloudTrail's use this close before the
    // report's is the same use.
    private static readonly TimeSpan SameUse = TimeSpan.FromDays(1);

    public static UserCredentials? Reconcile(string account, string user, LedgerAccount ledger)
    {
        ledger.Users.TryGetValue(user, out var userSighting);
        var generated = ledger.ReportGenerated;
        if (generated is { } g && ledger.ReportRows.TryGetValue(user, out var row))
        {
            return FromReport(account, user, row, g, ledger, userSighting);
        }

        if (generated is { } since && !SeenAfter(user, since, ledger))
        {
            return null;
        }

        if (userSighting?.Attribute(Status) == Deleted)
        {
            return null;
        }

        var credentials = new List<CredentialFacts>();
        if (LedgerPassword(user, ledger) is { } password)
        {
            credentials.Add(password);
        }

        credentials.AddRange(ledger.KeysOf(user).Select(id => LedgerKey(id, ledger)).OfType<CredentialFacts>());
        return new UserCredentials
        {
            Account = account,
            User = user,
            Arn = userSighting?.Attribute(Arn) ?? ArnOf(account, user),
            Created = StampOf(userSighting, Created),
            Mfa = userSighting?.Attribute(Mfa) is { } mfa ? mfa == "true" : null,
            Credentials = credentials,
        };
    }

    private static UserCredentials FromReport(string account, string user, CredentialReportRow row, DateTimeOffset generated, LedgerAccount ledger, Sighting? userSighting)
    {
        var credentials = new List<CredentialFacts>();
        ledger.PasswordStatus.TryGetValue(user, out var passwordStatus);
        var laterPassword = After(passwordStatus, Status, generated);
        if (laterPassword is { } status ? status.Value == Active : row.PasswordEnabled == ReportFlag.True)
        {
            var ledgerPassword = LedgerPassword(user, ledger);
            credentials.Add(new CredentialFacts
            {
                Kind = CredentialKind.Password,
                Id = "password",
                Active = true,
                Created = laterPassword is not null ? ledgerPassword?.Created : row.PasswordLastChanged.Time ?? ledgerPassword?.Created ?? row.UserCreated.Time,
                LastUsed = Max(row.PasswordLastUsed.Time, ledgerPassword?.LastUsed),
                Source = ledgerPassword is null ? "credential-report" : "credential-report+cloudtrail",
            });
        }

        var unmatched = ledger.KeysOf(user).ToList();
        var slots = row.Keys.Count(k => k.Exists);
        foreach (var slot in row.Keys.Where(k => k.Exists))
        {
            var match = Match(slot, unmatched, ledger, generated, slots);
            unmatched.Remove(match ?? "");
            if (FromSlot(user, slot, match, ledger, generated) is { } facts)
            {
                credentials.Add(facts);
            }
        }

        // Keys the report cannot know yet: first seen after it was generated.
        credentials.AddRange(unmatched.Where(id => FirstSeen(id, ledger) > generated).Select(id => LedgerKey(id, ledger)).OfType<CredentialFacts>());
        var laterMfa = After(userSighting, Mfa, generated);
        return new UserCredentials
        {
            Account = account,
            User = user,
            Arn = row.Arn,
            Created = row.UserCreated.Time ?? StampOf(userSighting, Created),
            Mfa = laterMfa is { } mfa ? mfa.Value == "true" : row.MfaActive,
            Credentials = credentials,
            RootPasswordUseOnlyInReport = user == CredentialReportRow.RootUser ? OnlyInReport(row.PasswordLastUsed.Time, LedgerPassword(user, ledger)?.LastUsed) : null,
        };
    }

    /// <summary>
    /// The latest use of any of the user's keys: a slot no ledger key matches (created before the logs began) was seen
    /// in use if one of them was. Read only for such a slot, so the audit of matched users does no more work.
    /// </summary>
    private static DateTimeOffset? AnyKeyUse(string user, LedgerAccount ledger) =>
        ledger.KeysOf(user).Select(id => LedgerKey(id, ledger, includeDeleted: true)?.LastUsed).Max();

    /// <summary>The report's last use, unless CloudTrail saw a use about then or later.</summary>
    private static DateTimeOffset? OnlyInReport(DateTimeOffset? reported, DateTimeOffset? seen) =>
        reported is { } r && !(seen >= r - SameUse) ? r : null;

    private static CredentialFacts? FromSlot(string user, ReportKey slot, string? keyId, LedgerAccount ledger, DateTimeOffset generated)
    {
        var fromLedger = keyId is null ? null : LedgerKey(keyId, ledger, includeDeleted: true);
        var laterStatus = keyId is null ? null : After(ledger.KeyStatus.GetValueOrDefault(keyId), Status, generated);
        if (laterStatus?.Value == Deleted)
        {
            return null;
        }

        var ledgerUsedLater = fromLedger?.LastUsed is { } used && (slot.LastUsed.Time is not { } reported || used > reported);
        return new CredentialFacts
        {
            Kind = CredentialKind.AccessKey,
            Id = keyId ?? slot.Name,
            Active = laterStatus is not null ? fromLedger!.Active : slot.Active,
            Created = slot.LastRotated.Time ?? fromLedger?.Created,
            LastUsed = Max(slot.LastUsed.Time, fromLedger?.LastUsed),
            LastUsedRegion = ledgerUsedLater ? fromLedger!.LastUsedRegion : slot.LastUsedRegion,
            LastUsedService = ledgerUsedLater ? fromLedger!.LastUsedService : slot.LastUsedService,
            Source = fromLedger is null ? "credential-report" : "credential-report+cloudtrail",
            UseOnlyInReport = OnlyInReport(slot.LastUsed.Time, fromLedger is null ? AnyKeyUse(user, ledger) : fromLedger.LastUsed),
        };
    }

    // Loops, not LINQ: this runs for every key slot of every user of the account (100,000 users in the benchmark).
    private static string? Match(ReportKey slot, List<string> candidates, LedgerAccount ledger, DateTimeOffset generated, int slots)
    {
        string? onlyKnown = null;
        var knownCount = 0;
        string? closest = null;
        var closestDistance = TimeSpan.MaxValue;
        var rotated = slot.LastRotated.Time;
        foreach (var id in candidates)
        {
            if (FirstSeen(id, ledger) > generated)
            {
                continue;
            }

            knownCount++;
            onlyKnown ??= id;
            if (rotated is { } r && StampOf(ledger.Keys.GetValueOrDefault(id), Created) is { } created)
            {
                // Of equally close keys the first by id wins (candidates are in ordinal order), so the pairing never depends on input order.
                var distance = (created - r).Duration();
                if (distance <= MatchWindow && distance < closestDistance)
                {
                    closest = id;
                    closestDistance = distance;
                }
            }
        }

        if (closest is not null)
        {
            return closest;
        }

        // A key known only by its use (its creation predates the logs) pairs with the user's only key slot.
        return slots == 1 && knownCount == 1 && StampOf(ledger.Keys.GetValueOrDefault(onlyKnown!), Created) is null ? onlyKnown : null;
    }

    private static CredentialFacts? LedgerKey(string id, LedgerAccount ledger, bool includeDeleted = false)
    {
        ledger.Keys.TryGetValue(id, out var key);
        ledger.KeyStatus.TryGetValue(id, out var status);
        var latest = status?.Attributes.GetValueOrDefault(Status);
        if (latest?.Value == Deleted && !includeDeleted)
        {
            return null;
        }

        // A session the key minted counts as the key's use; the later of the two is its last use.
        var session = ledger.SessionUse.GetValueOrDefault(id);
        var latestUse = StampOf(session, Used) > StampOf(key, Used) ? session : key;
        var lastUsed = StampOf(latestUse, Used);

        // An inactive key cannot sign requests: a use after deactivation means it was reactivated unseen.
        var active = latest is not { } s || s.Value == Active || (s.Value == Inactive && lastUsed > s.At);
        return new CredentialFacts
        {
            Kind = CredentialKind.AccessKey,
            Id = id,
            Active = active && latest?.Value != Deleted,
            Created = StampOf(key, Created),
            LastUsed = lastUsed,
            LastUsedRegion = latestUse?.Attribute(UsedRegion),
            LastUsedService = latestUse?.Attribute(UsedService),
            Source = "cloudtrail",
        };
    }

    private static CredentialFacts? LedgerPassword(string user, LedgerAccount ledger)
    {
        ledger.Passwords.TryGetValue(user, out var password);
        ledger.PasswordStatus.TryGetValue(user, out var status);
        if ((password is null && status is null) || status?.Attribute(Status) == Deleted)
        {
            return null;
        }

        return new CredentialFacts
        {
            Kind = CredentialKind.Password,
            Id = "password",
            Active = true,
            Created = StampOf(password, Created),
            LastUsed = StampOf(password, Used),
            LastUsedRegion = password?.Attribute(UsedRegion),
            Source = "cloudtrail",
        };
    }

    private static DateTimeOffset FirstSeen(string keyId, LedgerAccount ledger)
    {
        var use = ledger.Keys.GetValueOrDefault(keyId)?.FirstSeen;
        var status = ledger.KeyStatus.GetValueOrDefault(keyId)?.FirstSeen;
        return Min(use, status) ?? throw new InvalidOperationException($"Key {keyId} is in neither the ledger's keys nor their statuses.");
    }

    private static bool SeenAfter(string user, DateTimeOffset since, LedgerAccount ledger) =>
        (ledger.Users.GetValueOrDefault(user)?.LastSeen > since)
        || (ledger.Passwords.GetValueOrDefault(user)?.LastSeen > since)
        || ledger.KeysOf(user).Any(id => ledger.Keys.GetValueOrDefault(id)?.LastSeen > since);

    private static Stamped? After(Sighting? sighting, string attribute, DateTimeOffset generated) =>
        sighting is not null && sighting.Attributes.TryGetValue(attribute, out var value) && value.At > generated ? value : null;

    private static DateTimeOffset? StampOf(Sighting? sighting, string attribute) =>
        sighting is not null && sighting.Attributes.TryGetValue(attribute, out var value) ? value.At : null;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string ArnOf(string account, string user) =>
        user == CredentialReportRow.RootUser ? Records.Principal.RootArn(account) : $"arn:aws:iam::{account}:user/{user}";
}
