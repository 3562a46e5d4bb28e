using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitor.Testing;

/// <summary>CloudTrail records for role-assumption tests: every way into a role, and the calls sessions make afterwards.</summary>
public static partial class Some
{
    public const string RoleAccount = "111122223333";
    public const string Office = "198.51.100.10";
    public const string Cli = "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6";
    public const string FakeSessionToken = "IQoJb3JpZ2luX2VjTESTSESSIONTOKENNEVERSTORED";

    public static readonly DateTimeOffset RoleEpoch = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    public static string RoleArn(string name, string account = RoleAccount) => $"arn:aws:iam::{account}:role/{name}";

    public static JsonObject UserIdentity(string name, string account = RoleAccount, string? key = "AKIAEXAMPLEUSERKEY01") => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = "AIDA" + name.ToUpperInvariant(),
        ["arn"] = $"arn:aws:iam::{account}:user/{name}",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["userName"] = name,
    };

    public static JsonObject RootIdentity(string account = RoleAccount) => new()
    {
        ["type"] = "Root",
        ["principalId"] = account,
        ["arn"] = $"arn:aws:iam::{account}:root",
        ["accountId"] = account,
        ["accessKeyId"] = "ASIAROOTCONSOLEKEY01",
    };

    public static JsonObject SessionIdentity(string roleName, string sessionName, string key, string account = RoleAccount) => new()
    {
        ["type"] = "AssumedRole",
        ["principalId"] = $"AROA{roleName.ToUpperInvariant()}:{sessionName}",
        ["arn"] = $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = "AROA" + roleName.ToUpperInvariant(),
                ["arn"] = roleName.StartsWith("AWSServiceRole", StringComparison.Ordinal)
                    ? $"arn:aws:iam::{account}:role/aws-service-role/rds.amazonaws.com/{roleName}"
                    : RoleArn(roleName, account),
                ["accountId"] = account,
                ["userName"] = roleName,
            },
            ["attributes"] = new JsonObject { ["mfaAuthenticated"] = "false" },
        },
    };

    public static JsonObject ServiceIdentity(string service) => new() { ["type"] = "AWSService", ["invokedBy"] = service };

    public static JsonObject OtherAccountIdentity(string account, string principalId = "AROAOTHERACCOUNT:someone") =>
        new() { ["type"] = "AWSAccount", ["principalId"] = principalId, ["accountId"] = account };

    /// <summary>A successful AssumeRole issuing <paramref name="issuedKey"/>, or a denied one when <paramref name="errorCode"/> is set.</summary>
    public static JsonObject AssumeRole(DateTimeOffset at, JsonObject caller, string roleArn, string issuedKey, string ip = Office, string userAgent = Cli, string sessionName = "session", string? errorCode = null)
    {
        if (errorCode is not null)
        {
            var message = $"User: someone is not authorized to perform: sts:AssumeRole on resource: {roleArn}";
            return ApiCall(at, caller, "sts", "AssumeRole", ip, userAgent, errorCode, message);
        }

        var record = ApiCall(at, caller, "sts", "AssumeRole", ip, userAgent);
        record["requestParameters"] = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = sessionName };
        record["responseElements"] = Credentials(issuedKey);
        return record;
    }

    public static JsonObject AssumeRoleWithWebIdentity(DateTimeOffset at, string roleArn, string provider, string subject, string issuedKey, string ip = "20.50.60.70")
    {
        var providerArn = $"arn:aws:iam::{RoleAccount}:oidc-provider/{provider}";
        var identity = new JsonObject { ["type"] = "WebIdentityUser", ["principalId"] = $"{providerArn}:sts.amazonaws.com:{subject}", ["userName"] = subject, ["identityProvider"] = providerArn };
        var record = ApiCall(at, identity, "sts", "AssumeRoleWithWebIdentity", ip, "aws-sdk-js/3.679.0 ua/2.1 os/linux lang/js");
        record["requestParameters"] = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = "GitHubActions" };
        var response = Credentials(issuedKey);
        response["subjectFromWebIdentityToken"] = subject;
        response["provider"] = providerArn;
        record["responseElements"] = response;
        return record;
    }

    public static JsonObject AssumeRoleWithSaml(DateTimeOffset at, string roleArn, string subject, string issuedKey, string ip = Office)
    {
        var identity = new JsonObject { ["type"] = "SAMLUser", ["principalId"] = $"Zm9v:{subject}", ["userName"] = subject, ["identityProvider"] = "Zm9v" };
        var record = ApiCall(at, identity, "sts", "AssumeRoleWithSAML", ip, "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.0.0");
        record["requestParameters"] = new JsonObject { ["roleArn"] = roleArn, ["principalArn"] = $"arn:aws:iam::{RoleAccount}:saml-provider/Corp" };
        var response = Credentials(issuedKey);
        response["subject"] = subject;
        response["issuer"] = "https://idp.example.org/saml";
        record["responseElements"] = response;
        return record;
    }

    public static JsonObject GetSessionToken(DateTimeOffset at, JsonObject caller, string issuedKey, string ip = Office)
    {
        var record = ApiCall(at, caller, "sts", "GetSessionToken", ip, Cli);
        record["responseElements"] = Credentials(issuedKey);
        return record;
    }

    public static JsonObject GetFederationToken(DateTimeOffset at, JsonObject caller, string issuedKey, string name = "report", string ip = Office)
    {
        var record = ApiCall(at, caller, "sts", "GetFederationToken", ip, Cli);
        record["requestParameters"] = new JsonObject { ["name"] = name };
        record["responseElements"] = Credentials(issuedKey);
        return record;
    }

    public static JsonObject AssumeRoot(DateTimeOffset at, JsonObject caller, string memberAccount, string issuedKey, string ip = Office)
    {
        var record = ApiCall(at, caller, "sts", "AssumeRoot", ip, Cli);
        record["requestParameters"] = new JsonObject { ["targetPrincipal"] = memberAccount, ["taskPolicyArn"] = new JsonObject { ["arn"] = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials" } };
        record["responseElements"] = Credentials(issuedKey);
        return record;
    }

    public static JsonObject SwitchRole(DateTimeOffset at, JsonObject caller, string roleArn, string ip = Office)
    {
        var record = ApiCall(at, caller, "signin", "SwitchRole", ip, "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.0.0");
        record["eventType"] = "AwsConsoleSignIn";
        record["responseElements"] = new JsonObject { ["SwitchRole"] = "Success" };
        record["additionalEventData"] = new JsonObject { ["SwitchTo"] = roleArn };
        return record;
    }

    public static JsonObject CreateRole(DateTimeOffset at, JsonObject caller, string roleName, string ip = Office) =>
        ApiCall(at, caller, "iam", "CreateRole", ip, Cli, parameters: new JsonObject { ["roleName"] = roleName });

    /// <summary>Any API call; a denied one when <paramref name="errorCode"/> is set.</summary>
    public static JsonObject ApiCall(DateTimeOffset at, JsonObject identity, string service, string name, string ip = Office, string userAgent = Cli,
        string? errorCode = null, string? errorMessage = null, JsonObject? parameters = null, string account = RoleAccount) => new()
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = identity.DeepClone(),
            ["eventTime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["eventSource"] = $"{service}.amazonaws.com",
            ["eventName"] = name,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = ip,
            ["userAgent"] = userAgent,
            ["errorCode"] = errorCode,
            ["errorMessage"] = errorMessage,
            ["requestParameters"] = parameters,
            ["eventID"] = $"{name}-{at.ToUnixTimeSeconds()}-{ip}-{identity["accessKeyId"]?.GetValue<string>()}",
            ["eventType"] = "AwsApiCall",
            ["recipientAccountId"] = account,
        };

    private static JsonObject Credentials(string issuedKey) => new()
    {
        ["credentials"] = new JsonObject { ["accessKeyId"] = issuedKey, ["sessionToken"] = FakeSessionToken, ["expiration"] = "Oct 1, 2026, 10:00:00 AM" },
    };
}
