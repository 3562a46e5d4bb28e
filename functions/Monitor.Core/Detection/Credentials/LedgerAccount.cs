using Monitor.Records.CredentialReports;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>
/// One account's ledger sightings, sorted by kind, with the newest stored credential report's rows, and each user's
/// access keys indexed once: the audit asks for one user's keys per user, and scanning every key of the account for
/// each made it quadratic in the number of users.
/// </summary>
internal sealed class LedgerAccount
{
    private readonly Dictionary<string, SortedSet<string>> _keysByOwner = new(StringComparer.Ordinal);

    public Dictionary<string, Sighting> Keys { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sighting> KeyStatus { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sighting> Passwords { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sighting> PasswordStatus { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Sighting> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows of the newest report only; rows last written by an older report are of users since removed.</summary>
    public Dictionary<string, CredentialReportRow> ReportRows { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset? ReportGenerated { get; private set; }

    /// <summary>The account's latest evidence: the last time any of its ledger entries or sessions was seen.</summary>
    public DateTimeOffset? Latest { get; private set; }

    /// <summary>The latest use of any session each key minted (GetSessionToken), by key id.</summary>
    public Dictionary<string, Sighting> SessionUse { get; } = new(StringComparer.Ordinal);

    public static LedgerAccount From(IEnumerable<Sighting> sightings, IEnumerable<Sighting>? sessions = null)
    {
        var account = new LedgerAccount();
        foreach (var session in sessions ?? [])
        {
            account.Saw(session);
            if (session.Get(CredentialSlots.MintedBy) is { } key && session.Has(CredentialSlots.LastUsed)
                && (!account.SessionUse.TryGetValue(key, out var known) || known.StampOf(CredentialSlots.LastUsed) < session.StampOf(CredentialSlots.LastUsed)))
            {
                account.SessionUse[key] = session;
            }
        }

        var rows = new List<(Stamped Row, string User)>();
        foreach (var sighting in sightings)
        {
            account.Saw(sighting);
            var member = sighting.Key.Member;
            if (member == CredentialKeys.ReportMember)
            {
                account.ReportGenerated = sighting.Attributes.TryGetValue(Generated, out var generated) ? generated.At : null;
            }
            else if (Strip(member, CredentialKeys.ReportRowPrefix) is { } reportUser && sighting.Attributes.TryGetValue(Row, out var row))
            {
                rows.Add((row, reportUser));
            }
            else
            {
                account.Sort(member, sighting);
            }
        }

        foreach (var (row, user) in rows.Where(r => r.Row.At == account.ReportGenerated))
        {
            if (CsvLine.Split(row.Value) is { } fields && CredentialReportRows.Parse(fields, out _) is { } parsed)
            {
                account.ReportRows[user] = parsed;
            }
        }

        account.IndexKeyOwners();
        return account;
    }

    /// <summary>Every user either source names, in ordinal order: report rows, ledger users, and owners of keys and passwords.</summary>
    public IReadOnlyList<string> UserNames() =>
        [.. ReportRows.Keys
            .Concat(Users.Keys)
            .Concat(Passwords.Keys)
            .Concat(_keysByOwner.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The ids of the keys whose use or status names <paramref name="user"/>, in ordinal order. A key named for two
    /// users (its uses by one, a status change recorded for another) is each one's.
    /// </summary>
    public IReadOnlyCollection<string> KeysOf(string user) => _keysByOwner.TryGetValue(user, out var keys) ? keys : [];

    private void Saw(Sighting sighting)
    {
        if (Latest is not { } latest || sighting.LastSeen > latest)
        {
            Latest = sighting.LastSeen;
        }
    }

    private void IndexKeyOwners()
    {
        foreach (var (id, sighting) in Keys.Concat(KeyStatus))
        {
            if (sighting.Attribute(User) is not { } owner)
            {
                continue;
            }

            if (!_keysByOwner.TryGetValue(owner, out var keys))
            {
                _keysByOwner[owner] = keys = new SortedSet<string>(StringComparer.Ordinal);
            }

            keys.Add(id);
        }
    }

    private void Sort(string member, Sighting sighting)
    {
        var target = member switch
        {
            _ when member.StartsWith(CredentialKeys.KeyStatusPrefix, StringComparison.Ordinal) => (KeyStatus, CredentialKeys.KeyStatusPrefix),
            _ when member.StartsWith(CredentialKeys.KeyPrefix, StringComparison.Ordinal) => (Keys, CredentialKeys.KeyPrefix),
            _ when member.StartsWith(CredentialKeys.PasswordStatusPrefix, StringComparison.Ordinal) => (PasswordStatus, CredentialKeys.PasswordStatusPrefix),
            _ when member.StartsWith(CredentialKeys.PasswordPrefix, StringComparison.Ordinal) => (Passwords, CredentialKeys.PasswordPrefix),
            _ when member.StartsWith(CredentialKeys.UserPrefix, StringComparison.Ordinal) => (Users, CredentialKeys.UserPrefix),
            _ => ((Dictionary<string, Sighting>?)null, ""),
        };
        target.Item1?.Add(member[target.Item2.Length..], sighting);
    }

    private static string? Strip(string member, string prefix) =>
        member.StartsWith(prefix, StringComparison.Ordinal) ? member[prefix.Length..] : null;
}
