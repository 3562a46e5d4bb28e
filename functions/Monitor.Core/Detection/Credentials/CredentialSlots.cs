using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>
/// The typed attributes of the ledger's sightings (<see cref="CredentialKeys"/> says where they live). The audit reads
/// the latest-wins ones as they stand; the dormancy judgment reads only what is earliest or dated, so any delivery
/// order gives it the same answer.
/// </summary>
internal static class CredentialSlots
{
    public static readonly SlotAttribute<string> Owner = new(User, Codecs.Text);
    public static readonly SlotAttribute<string> UserArn = new(Arn, Codecs.Text);
    public static readonly SlotAttribute<DateTimeOffset> CreatedAt = new(Created, Codecs.Time);
    public static readonly SlotAttribute<string> StatusOf = new(Status, Codecs.Text);
    public static readonly SlotAttribute<DateTimeOffset> LastUsed = new(Used, Codecs.Time);
    public static readonly SlotAttribute<string> LastRegion = new(UsedRegion, Codecs.Text);
    public static readonly SlotAttribute<string> LastService = new(UsedService, Codecs.Text);
    public static readonly SlotAttribute<bool> MfaActive = new(Mfa, Codecs.Bool);

    /// <summary>The long-term key that minted a session (GetSessionToken), on <see cref="CredentialKeys.Session"/>.</summary>
    public static readonly SlotAttribute<string> MintedBy = new("key", Codecs.Text, AttributeMerge.Earliest);

    /// <summary>The network of a credential's first use with one, and (its stamp) when that was.</summary>
    public static readonly SlotAttribute<string> FirstNetwork = new("firstNetwork", Codecs.Text, AttributeMerge.Earliest);

    /// <summary>The first use of a day (on <see cref="CredentialKeys.UseDay"/>): what a dormancy finding shows.</summary>
    public static readonly SlotAttribute<CredentialUse> FirstUse = new("firstUse", CredentialUse.Codec, AttributeMerge.Earliest);
}
