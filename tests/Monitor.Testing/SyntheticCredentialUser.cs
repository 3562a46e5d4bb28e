using Monitor.Detection.Credentials;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;
using static Monitor.Testing.SyntheticCredentialAccount;

namespace Monitor.Testing;

/// <summary>
/// One user of <see cref="SyntheticCredentialAccount"/>: observes what CloudTrail would have shown of its
/// credentials (as the ledger detector records it) and returns its credential report row, or null when the
/// report does not list it. The dice are drawn in a fixed order, so a user number always tells the same story.
/// </summary>
internal sealed class SyntheticCredentialUser(int number, StateView state)
{
    // The ledger remembers only what the logs showed within the state table's retention.
    private static readonly DateTimeOffset LogsSince = AsOf.AddDays(-400);

    private static readonly (string Active, string Rotated, string Used) NoKey = ("false", "N/A", "N/A");

    private readonly Random _dice = new(number);
    private readonly string _name = $"user{number:D6}";

    public string? Write()
    {
        switch (_dice.Next(100))
        {
            case < 3:
                Removed();
                return null;
            case < 5:
                Newcomer();
                return null;
            default:
                return Listed();
        }
    }

    // Gone before the report was generated, whether or not the logs showed its deletion.
    private void Removed()
    {
        var created = ReportGenerated.AddDays(-_dice.Next(300, 900));
        CreateUser(created);
        CreateKey(KeyId(1), created.AddDays(1));
        Use(KeyId(1), created.AddDays(_dice.Next(2, 250)));
        if (_dice.Next(2) == 0)
        {
            Observe(CredentialKeys.User(Account, _name), ReportGenerated.AddDays(-_dice.Next(1, 30)), (Status, Deleted));
        }
    }

    // Created after the report: only the ledger knows it.
    private void Newcomer()
    {
        var created = ReportGenerated.AddHours(_dice.Next(1, 5));
        CreateUser(created);
        if (_dice.Next(2) == 0)
        {
            CreatePassword(created.AddMinutes(5));
        }

        var keys = _dice.Next(1, 3);
        for (var slot = 1; slot <= keys; slot++)
        {
            CreateKey(KeyId(slot), created.AddMinutes(10 + slot));
        }
    }

    private string Listed()
    {
        var created = ReportGenerated.AddDays(-_dice.Next(30, 800)).AddSeconds(-_dice.Next(86_400));
        CreateUser(created);
        var mfa = _dice.Next(100) < 55;
        if (_dice.Next(100) < 2)
        {
            Observe(CredentialKeys.User(Account, _name), ReportGenerated.AddHours(2), (Mfa, "true"));
        }

        var password = _dice.Next(100) < 60 ? Password(created) : ("false", "N/A", "N/A");
        var keys = _dice.Next(100) switch { < 20 => 0, < 70 => 1, _ => 2 };
        var key1 = keys >= 1 ? Key(1, created) : NoKey;
        var key2 = keys >= 2 ? Key(2, created) : NoKey;
        if (keys < 2 && _dice.Next(100) < 3)
        {
            CreateKey(KeyId(keys + 1), ReportGenerated.AddHours(3));
        }

        if (_dice.Next(100) < 10)
        {
            RotatedAway();
        }

        return Some.ReportRow(_name, Report(created), password.Item1, password.Item2, password.Item3, mfa ? "true" : "false",
            key1.Active, key1.Rotated, key1.Used, key2.Active, key2.Rotated, key2.Used);
    }

    private (string Enabled, string LastUsed, string Changed) Password(DateTimeOffset userCreated)
    {
        var set = Min(userCreated.AddDays(_dice.Next(0, 5)), ReportGenerated.AddDays(-1));
        var used = LastUse(set);
        CreatePassword(set);
        if (used is { } at)
        {
            Observe(CredentialKeys.Password(Account, _name), at, (User, _name), (Used, Ledger(at)), (UsedService, "signin"), (UsedRegion, "us-east-1"));
        }

        if (_dice.Next(100) < 2)
        {
            Observe(CredentialKeys.PasswordStatus(Account, _name), ReportGenerated.AddHours(1), (Status, Deleted), (User, _name));
        }

        return ("true", used is { } u ? Report(u) : "no_information", Report(set));
    }

    private (string Active, string Rotated, string Used) Key(int slot, DateTimeOffset userCreated)
    {
        var id = KeyId(slot);
        var created = Min(userCreated.AddDays(_dice.Next(0, 300)).AddSeconds(_dice.Next(86_400)), ReportGenerated.AddDays(-1));
        var used = LastUse(created);
        var active = _dice.Next(100) >= 12;

        // CloudTrail logs CreateAccessKey a moment after the creation time the report gives as last_rotated.
        CreateKey(id, created.AddSeconds(_dice.Next(1, 60)));
        if (used is { } at)
        {
            Use(id, at);
        }

        if (!active)
        {
            KeyStatus(id, Min((used ?? created).AddDays(1), ReportGenerated.AddMinutes(-1)), Inactive);
        }

        if (used is not null && _dice.Next(100) < 10)
        {
            Use(id, ReportGenerated.AddHours(2));
        }

        if (_dice.Next(100) < 2)
        {
            KeyStatus(id, ReportGenerated.AddHours(1), Deleted);
        }

        return (active ? "true" : "false", Report(created), used is { } u ? Report(u) : "N/A");
    }

    // A key replaced and deleted before the report: the ledger still holds it, the report does not.
    private void RotatedAway()
    {
        var created = ReportGenerated.AddDays(-_dice.Next(200, 390));
        CreateKey(KeyId(3), created);
        Use(KeyId(3), created.AddDays(_dice.Next(1, 100)));
        KeyStatus(KeyId(3), created.AddDays(_dice.Next(100, 190)), Deleted);
    }

    // Recent (within 30 days), stale (95 to 700 days ago) or never; never before the credential existed.
    private DateTimeOffset? LastUse(DateTimeOffset since) => _dice.Next(100) switch
    {
        < 45 => Max(since, ReportGenerated.AddDays(-_dice.Next(0, 30)).AddMinutes(-_dice.Next(1_440))),
        < 75 => Max(since, ReportGenerated.AddDays(-_dice.Next(95, 700))),
        _ => null,
    };

    private void CreateUser(DateTimeOffset at) =>
        Observe(CredentialKeys.User(Account, _name), at, (Created, Ledger(at)), (Status, Active), (Arn, $"arn:aws:iam::{Account}:user/{_name}"));

    private void CreatePassword(DateTimeOffset at)
    {
        Observe(CredentialKeys.Password(Account, _name), at, (User, _name), (Created, Ledger(at)));
        Observe(CredentialKeys.PasswordStatus(Account, _name), at, (Status, Active), (User, _name));
    }

    private void CreateKey(string id, DateTimeOffset at)
    {
        Observe(CredentialKeys.Key(Account, id), at, (User, _name), (Created, Ledger(at)));
        KeyStatus(id, at, Active);
    }

    private void Use(string id, DateTimeOffset at) =>
        Observe(CredentialKeys.Key(Account, id), at, (User, _name), (Used, Ledger(at)), (UsedService, id.EndsWith('1') ? "s3" : "ec2"), (UsedRegion, "us-east-1"));

    private void KeyStatus(string id, DateTimeOffset at, string status) =>
        Observe(CredentialKeys.KeyStatus(Account, id), at, (Status, status), (User, _name));

    private void Observe(StateKey key, DateTimeOffset at, params (string Name, string Value)[] attributes)
    {
        if (at >= LogsSince)
        {
            state.Observe(key, at, attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
        }
    }

    private string KeyId(int slot) => $"AKIA{number:D14}{slot:D2}";

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
