// The root story, first part: a benign root visit, slow password guessing, and what must be excluded.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private const string AttackLoginTo = "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_c04d1b7e9a2f3e61";

    private static JsonObject RootSignIn(bool withArn)
    {
        var id = new JsonObject { ["type"] = "Root", ["principalId"] = Org.Prod };
        if (withArn)
        {
            id["arn"] = $"arn:aws:iam::{Org.Prod}:root";
        }

        id["accountId"] = Org.Prod;
        id["accessKeyId"] = "";
        return id;
    }

    private void BenignRoot(LogObject f, DateTime t)
    {
        Story("2026-11-03 root console login with MFA from the office", Add(f, t, new Actor(() => RootSignIn(true), Org.Office, Org.MacChrome), new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject
            {
                ["LoginTo"] = LoginTo,
                ["MobileVersion"] = "No",
                ["MFAIdentifier"] = $"arn:aws:iam::{Org.Prod}:mfa/root-account-mfa-device",
                ["MFAUsed"] = "Yes",
            },
        }));
        var root = new Actor(() => Who.RootConsole(Org.Prod, Org.BenignRootConsoleKey, t, mfa: true), Org.Office, Org.MacChrome, Console: true);
        Story("2026-11-03 root reads contact information", Add(f, t.AddSeconds(89), root, new Call("account", "GetContactInformation")));
        Story("2026-11-03 root reads billing alternate contact", Add(f, t.AddSeconds(111), root, new Call("account", "GetAlternateContact") { Request = new JsonObject { ["alternateContactType"] = "BILLING" } }));
        Story("2026-11-03 root updates contact information", Add(f, t.AddSeconds(260), root, new Call("account", "PutContactInformation")
        {
            Request = new JsonObject
            {
                ["contactInformation"] = new JsonObject
                {
                    ["addressLine1"] = "100 Example Street",
                    ["city"] = "Seattle",
                    ["companyName"] = "Example Corp",
                    ["countryCode"] = "US",
                    ["fullName"] = "Example Corp Cloud Operations",
                    ["phoneNumber"] = "+1-206-555-0100",
                    ["postalCode"] = "98101",
                    ["stateOrRegion"] = "WA",
                },
            },
        }));
        Add(f, t.AddSeconds(301), root, new Call("account", "GetContactInformation"));
    }

    private void RootLoginFailure(LogObject f, DateTime t, string which)
    {
        Story($"{which} failed root console login", Add(f, t, new Actor(() => RootSignIn(false), Org.Attacker, Org.Chrome), new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            ErrorMessage = "Failed authentication",
            Response = new JsonObject { ["ConsoleLogin"] = "Failure" },
            Additional = new JsonObject { ["LoginTo"] = AttackLoginTo, ["MobileVersion"] = "No", ["MFAUsed"] = "No" },
        }));
    }

    private void SupportOnRootsBehalf(LogObject f, DateTime t)
    {
        var support = new Actor(() => new JsonObject
        {
            ["type"] = "Root",
            ["principalId"] = Org.Prod,
            ["arn"] = $"arn:aws:iam::{Org.Prod}:root",
            ["accountId"] = Org.Prod,
            ["invokedBy"] = "support.amazonaws.com",
        }, "support.amazonaws.com", "support.amazonaws.com", Tls: false);
        Story("excluded: root via support.amazonaws.com (DescribeCases)", Add(f, t, support, new Call("support", "DescribeCases")
        {
            Request = new JsonObject { ["includeResolvedCases"] = false, ["language"] = "en", ["includeCommunications"] = false },
        }));
    }

    private void ExternalIdpFailure(LogObject f, DateTime t)
    {
        var who = new Actor(() => new JsonObject { ["accessKeyId"] = "", ["accountId"] = Org.Prod, ["arn"] = "", ["principalId"] = Org.Prod, ["type"] = "Root" }, Org.CarolHome, Org.Chrome);
        Story("excluded: failed ExternalIdPDirectoryLogin, type Root, empty arn", Add(f, t, who, new Call("signin", "ExternalIdPDirectoryLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            ErrorMessage = "Not a valid response for the provided request id: aws_" + _ids.Hex(24),
            Response = new JsonObject { ["ExternalIdPDirectoryLogin"] = "Failure" },
        }));
    }
}
