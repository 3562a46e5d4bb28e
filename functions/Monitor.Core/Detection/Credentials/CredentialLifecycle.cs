using Monitor.Records;
using Monitor.State;
using static Monitor.Detection.Credentials.CredentialAttributes;

namespace Monitor.Detection.Credentials;

/// <summary>Turns successful IAM/STS lifecycle calls into ledger observations, stamped with the event time.</summary>
internal static class CredentialLifecycle
{
    public static void Observe(Activity activity, string account, StateView state)
    {
        var time = FindingJson.FormatTime(activity.Time);
        var user = IamEventFields.TargetUser(activity);
        switch (activity.EventName)
        {
            case "CreateAccessKey" when IamEventFields.Response(activity, "accessKey", "accessKeyId") is { } keyId:
                var owner = IamEventFields.Response(activity, "accessKey", "userName") ?? user;
                if (owner is null)
                {
                    return;
                }

                state.Observe(CredentialKeys.Key(account, keyId), activity.Time, new Dictionary<string, string> { [User] = owner, [Created] = time });
                state.Observe(CredentialKeys.UseDay(CredentialKeys.Key(account, keyId), activity.Time), activity.Time);
                ObserveStatus(state, CredentialKeys.KeyStatus(account, keyId), activity.Time, IamEventFields.Response(activity, "accessKey", "status") ?? Active, owner);
                break;
            case "UpdateAccessKey" when IamEventFields.Request(activity, "accessKeyId") is { } keyId && user is not null:
                ObserveStatus(state, CredentialKeys.KeyStatus(account, keyId), activity.Time, IamEventFields.Request(activity, "status") ?? Active, user);
                break;
            case "DeleteAccessKey" when IamEventFields.Request(activity, "accessKeyId") is { } keyId && user is not null:
                ObserveStatus(state, CredentialKeys.KeyStatus(account, keyId), activity.Time, Deleted, user);
                break;
            case "CreateLoginProfile" when user is not null:
                state.Observe(CredentialKeys.Password(account, user), activity.Time, new Dictionary<string, string> { [User] = user, [Created] = time });
                state.Observe(CredentialKeys.UseDay(CredentialKeys.Password(account, user), activity.Time), activity.Time);
                ObserveStatus(state, CredentialKeys.PasswordStatus(account, user), activity.Time, Active, user);
                break;
            case "DeleteLoginProfile" when user is not null:
                ObserveStatus(state, CredentialKeys.PasswordStatus(account, user), activity.Time, Deleted, user);
                break;
            case "CreateUser" when IamEventFields.Request(activity, "userName") is { } created:
                var attributes = new Dictionary<string, string> { [Created] = time, [Status] = Active };
                if (IamEventFields.Response(activity, "user", "arn") is { } arn)
                {
                    attributes[Arn] = arn;
                }

                state.Observe(CredentialKeys.User(account, created), activity.Time, attributes);
                break;
            case "DeleteUser" when IamEventFields.Request(activity, "userName") is { } deleted:
                state.Observe(CredentialKeys.User(account, deleted), activity.Time, new Dictionary<string, string> { [Status] = Deleted });
                break;
            case "EnableMFADevice" or "DeactivateMFADevice" when user is not null:
                state.Observe(CredentialKeys.User(account, user), activity.Time, new Dictionary<string, string> { [Mfa] = activity.EventName == "EnableMFADevice" ? "true" : "false" });
                break;
            case "GetSessionToken" when CredentialLedgerDetector.IsLongTermKey(activity.AccessKeyId)
                && IamEventFields.Response(activity, "credentials", "accessKeyId") is { } sessionKey:
                // Only the session's key id is kept (never its secret or token): later calls signed by it count as use of the parent key.
                state.Observe(CredentialKeys.Session(account, sessionKey), activity.Time, new Dictionary<string, string> { [ParentKey] = activity.AccessKeyId! });
                return;
            default:
                return;
        }

        state.Observe(CredentialKeys.Account(account), activity.Time);
    }

    private static void ObserveStatus(StateView state, StateKey key, DateTimeOffset at, string status, string user) =>
        state.Observe(key, at, new Dictionary<string, string> { [Status] = status, [User] = user });
}
