using Monitor.Records;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>Turns successful IAM lifecycle calls into ledger facts, stamped with the event time.</summary>
internal static class CredentialLifecycle
{
    public static void Observe(Activity activity, string account, Observation observation)
    {
        var at = activity.Time;
        var user = activity.Request("userName") ?? CredentialLedgerDetector.CallerUser(activity.Principal);
        switch (activity.EventName)
        {
            case "CreateAccessKey" when activity.Response("accessKey", "accessKeyId") is { } keyId:
                var owner = activity.Response("accessKey", "userName") ?? user;
                if (owner is null)
                {
                    return;
                }

                var key = CredentialKeys.Key(account, keyId);
                observation.Saw(key, at).With(CredentialSlots.Owner, owner).With(CredentialSlots.CreatedAt, at);
                observation.Saw(CredentialKeys.UseDay(key, at), at);
                Status(observation, CredentialKeys.KeyStatus(account, keyId), at, activity.Response("accessKey", "status") ?? Active, owner);
                break;
            case "UpdateAccessKey" when activity.Request("accessKeyId") is { } keyId && user is not null:
                Status(observation, CredentialKeys.KeyStatus(account, keyId), at, activity.Request("status") ?? Active, user);
                break;
            case "DeleteAccessKey" when activity.Request("accessKeyId") is { } keyId && user is not null:
                Status(observation, CredentialKeys.KeyStatus(account, keyId), at, Deleted, user);
                break;
            case "CreateLoginProfile" when user is not null:
                var password = CredentialKeys.Password(account, user);
                observation.Saw(password, at).With(CredentialSlots.Owner, user).With(CredentialSlots.CreatedAt, at);
                observation.Saw(CredentialKeys.UseDay(password, at), at);
                Status(observation, CredentialKeys.PasswordStatus(account, user), at, Active, user);
                break;
            case "DeleteLoginProfile" when user is not null:
                Status(observation, CredentialKeys.PasswordStatus(account, user), at, Deleted, user);
                break;
            case "CreateUser" when activity.Request("userName") is { } created:
                observation.Saw(CredentialKeys.User(account, created), at)
                    .With(CredentialSlots.CreatedAt, at)
                    .With(CredentialSlots.StatusOf, Active)
                    .With(CredentialSlots.UserArn, activity.Response("user", "arn"));
                break;
            case "DeleteUser" when activity.Request("userName") is { } deleted:
                observation.Saw(CredentialKeys.User(account, deleted), at).With(CredentialSlots.StatusOf, Deleted);
                break;
            case "EnableMFADevice" or "DeactivateMFADevice" when user is not null:
                observation.Saw(CredentialKeys.User(account, user), at).With(CredentialSlots.MfaActive, activity.EventName == "EnableMFADevice");
                break;
        }
    }

    private static void Status(Observation observation, StateKey key, DateTimeOffset at, string status, string user) =>
        observation.Saw(key, at).With(CredentialSlots.StatusOf, status).With(CredentialSlots.Owner, user);
}
