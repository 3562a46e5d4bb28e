using Monitor.State;

namespace Monitor.Detection.Credentials;

/// <summary>
/// Where the credential ledger lives in the state store. One scope per account holds every user, key, password and
/// the stored report rows, so the audit reads an account with one listing. Users and passwords are keyed by user
/// name, not ARN: CloudTrail's request parameters name the user without its path, and names are unique in an account.
/// </summary>
internal static class CredentialKeys
{
    /// <summary>Every account seen (member = account id), last seen at its latest record: the audit finds the accounts here, and dates each one's evidence.</summary>
    public const string AccountsScope = "credential-accounts";

    public const string KeyPrefix = "key:";
    public const string KeyStatusPrefix = "key-status:";
    public const string PasswordPrefix = "password:";
    public const string PasswordStatusPrefix = "password-status:";
    public const string UserPrefix = "user:";
    public const string ReportRowPrefix = "report-row:";
    public const string ReportMember = "report";

    public static string Scope(string account) => $"credential:{account}";

    public static StateKey Account(string account) => new(AccountsScope, account);

    /// <summary>
    /// Sessions a user's key minted with GetSessionToken, with their uses, in a scope of their own so they never swell
    /// the ledger's listing. The audit counts a session's use as use of the key that minted it.
    /// </summary>
    public static string SessionScope(string account) => $"credential-session:{account}";

    public static StateKey Session(string account, string sessionKeyId) => new(SessionScope(account), sessionKeyId);

    /// <summary>Creation and every use of a long-term key (FirstSeen is its first sign of life).</summary>
    public static StateKey Key(string account, string keyId) => new(Scope(account), KeyPrefix + keyId);

    /// <summary>Status changes of a key, apart from its uses so a reactivation does not count as use.</summary>
    public static StateKey KeyStatus(string account, string keyId) => new(Scope(account), KeyStatusPrefix + keyId);

    public static StateKey Password(string account, string user) => new(Scope(account), PasswordPrefix + user);

    public static StateKey PasswordStatus(string account, string user) => new(Scope(account), PasswordStatusPrefix + user);

    public static StateKey User(string account, string user) => new(Scope(account), UserPrefix + user);

    public static StateKey Report(string account) => new(Scope(account), ReportMember);

    public static StateKey ReportRow(string account, string user) => new(Scope(account), ReportRowPrefix + user);

    /// <summary>
    /// One UTC day of a credential's use (<paramref name="credential"/> a <see cref="Key"/> or <see cref="Password"/>):
    /// it remembers the day's first use, the one a dormancy finding is about.
    /// </summary>
    public static StateKey UseDay(StateKey credential, DateTimeOffset at) =>
        new($"credential-day:{credential.Scope["credential:".Length..]}", $"{credential.Member}@{at.UtcDateTime:yyyy-MM-dd}");

    /// <summary>
    /// One source network a credential was used from. "New network" is judged from this sighting's first time,
    /// not from the latest-wins last network, so any delivery order decides the same.
    /// </summary>
    public static StateKey UseNetwork(StateKey credential, string network) =>
        new($"credential-network:{credential.Scope["credential:".Length..]}", $"{credential.Member}@{network}");
}

/// <summary>Attribute names of the ledger's sightings.</summary>
internal static class CredentialAttributes
{
    public const string User = "user";
    public const string Arn = "arn";
    public const string Created = "created";
    public const string Status = "status";
    public const string Used = "used";
    public const string UsedRegion = "usedRegion";
    public const string UsedService = "usedService";
    public const string Mfa = "mfa";
    public const string Generated = "generated";
    public const string Row = "row";

    public const string Active = "Active";
    public const string Inactive = "Inactive";
    public const string Deleted = "Deleted";
}
