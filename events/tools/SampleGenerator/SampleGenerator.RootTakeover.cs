// The root story, second part: the console login without MFA, persistence, tampering, and the new root key in use.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private void RootTakeover(LogObject f, DateTime t)
    {
        var browser = new Actor(() => RootSignIn(true), Org.Attacker, Org.Chrome);
        Story("excluded: sign-in CredentialVerification AwsServiceEvent, type Root", Add(f, t, browser with
        {
            Identity = () => new JsonObject { ["type"] = "Root", ["principalId"] = Org.Prod, ["arn"] = $"arn:aws:iam::{Org.Prod}:root", ["accountId"] = Org.Prod },
        }, new Call("signin", "CredentialVerification")
        {
            EventType = "AwsServiceEvent",
            ReadOnly = false,
            NoRequestId = true,
            Additional = new JsonObject { ["AuthWorkflowID"] = _ids.Uuid(), ["CredentialType"] = "PASSWORD" },
            ServiceEventDetails = new JsonObject { ["CredentialVerification"] = "Success" },
        }));
        var login = t.AddSeconds(2);
        Story("root console login WITHOUT MFA from the guessing IP", Add(f, login, browser, new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject { ["LoginTo"] = AttackLoginTo, ["MobileVersion"] = "No", ["MFAUsed"] = "No" },
        }));

        var root = new Actor(() => Who.RootConsole(Org.Prod, Org.RootConsoleKey, login, mfa: false), Org.Attacker, Org.Chrome, Console: true);
        var consoleIam = new Call("iam", "") { InvokedBy = "signin.amazonaws.com", Agent = "console.amazonaws.com" };
        var trail = $"arn:aws:cloudtrail:us-east-1:{Org.Prod}:trail/prod-local-trail";
        var steps = new (int Seconds, string Label, Call Call)[]
        {
            (85, "root ListUsers (read)", new Call("iam", "ListUsers")),
            (119, "root GetAccountSummary (read)", new Call("iam", "GetAccountSummary")),
            (155, "root ListAccessKeys (read)", new Call("iam", "ListAccessKeys")),
            (158, "root ListMFADevices (read)", new Call("iam", "ListMFADevices")),
            (275, "root CreateAccessKey for itself", consoleIam with
            {
                Name = "CreateAccessKey",
                Response = new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = Org.RootAccessKey, ["status"] = "Active", ["createDate"] = Time.Us(t.AddSeconds(275)) } },
            }),
            (430, "root CreateUser backup-admin", consoleIam with
            {
                Name = "CreateUser",
                Request = new JsonObject { ["userName"] = "backup-admin" },
                Response = new JsonObject
                {
                    ["user"] = new JsonObject
                    {
                        ["path"] = "/",
                        ["userName"] = "backup-admin",
                        ["userId"] = "AIDA5BACKUPADMINEXMPL",
                        ["arn"] = $"arn:aws:iam::{Org.Prod}:user/backup-admin",
                        ["createDate"] = Time.Us(t.AddSeconds(430)),
                    },
                },
            }),
            (473, "root AttachUserPolicy AdministratorAccess", consoleIam with
            {
                Name = "AttachUserPolicy",
                Request = new JsonObject { ["userName"] = "backup-admin", ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" },
            }),
            (516, "root CreateLoginProfile for backup-admin", consoleIam with
            {
                Name = "CreateLoginProfile",
                Request = new JsonObject { ["userName"] = "backup-admin", ["passwordResetRequired"] = false },
                Response = new JsonObject { ["loginProfile"] = new JsonObject { ["userName"] = "backup-admin", ["createDate"] = Time.Us(t.AddSeconds(516)), ["passwordResetRequired"] = false } },
            }),
            (664, "root DeactivateMFADevice (its own)", new Call("iam", "DeactivateMFADevice")
            {
                Request = new JsonObject { ["serialNumber"] = $"arn:aws:iam::{Org.Prod}:mfa/root-account-mfa-device" },
            }),
            (779, "root DescribeTrails (read)", new Call("cloudtrail", "DescribeTrails") { Request = new JsonObject { ["includeShadowTrails"] = true } }),
            (827, "root PutEventSelectors (drops data events)", new Call("cloudtrail", "PutEventSelectors")
            {
                Request = new JsonObject
                {
                    ["trailName"] = trail,
                    ["eventSelectors"] = new JsonArray(new JsonObject { ["readWriteType"] = "All", ["includeManagementEvents"] = true, ["dataResources"] = new JsonArray(), ["excludeManagementEventSources"] = new JsonArray() }),
                },
                Response = new JsonObject
                {
                    ["trailARN"] = trail,
                    ["eventSelectors"] = new JsonArray(new JsonObject { ["readWriteType"] = "All", ["includeManagementEvents"] = true, ["dataResources"] = new JsonArray(), ["excludeManagementEventSources"] = new JsonArray() }),
                },
            }),
            (977, "root StopLogging on prod-local-trail", new Call("cloudtrail", "StopLogging") { Request = new JsonObject { ["name"] = trail } }),
            (1079, "root LeaveOrganization denied by SCP", new Call("organizations", "LeaveOrganization")
            {
                ErrorCode = "AccessDeniedException",
                ErrorMessage = $"User: arn:aws:iam::{Org.Prod}:root is not authorized to perform: organizations:LeaveOrganization with an explicit deny in a service control policy",
            }),
            (1212, "root ListBuckets via S3 console (read)", new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" }, Agent = Org.S3Console }),
            (1250, "root GetBucketPolicy via S3 console (read)", new Call("s3", "GetBucketPolicy") { Request = new JsonObject { ["bucketName"] = "example-prod-customer-exports", ["policy"] = "" }, Agent = Org.S3Console }),
        };
        foreach (var (seconds, label, call) in steps)
        {
            Story(label, Add(f, t.AddSeconds(seconds), root, call));
        }
    }

    private void RootKeyUse(LogObject f, DateTime t)
    {
        Actor Cli(string command) => new(() => Who.RootWithKey(Org.Prod, Org.RootAccessKey), Org.AttackerCli, Org.AttackerCliAgent(command));
        Story("root access key: GetCallerIdentity", Add(f, t, Cli("sts.get-caller-identity"), new Call("sts", "GetCallerIdentity")));
        Story("root access key: ListBuckets", Add(f, t.AddSeconds(28), Cli("s3.ls"), new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } }));
        Story("root access key: GetBucketPolicy", Add(f, t.AddSeconds(51), Cli("s3api.get-bucket-policy"), new Call("s3", "GetBucketPolicy") { Request = new JsonObject { ["bucketName"] = "example-prod-customer-exports", ["policy"] = "" } }));
        Story("root access key: ListAccessKeys", Add(f, t.AddSeconds(89), Cli("iam.list-access-keys"), new Call("iam", "ListAccessKeys")));
        Story("root access key: ListAttachedUserPolicies", Add(f, t.AddSeconds(124), Cli("iam.list-attached-user-policies"), new Call("iam", "ListAttachedUserPolicies") { Request = new JsonObject { ["userName"] = "backup-admin" } }));
    }
}
