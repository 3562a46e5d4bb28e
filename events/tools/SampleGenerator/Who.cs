using System.Text.Json.Nodes;

internal static class Who
{
    public static JsonObject IamUser(string account, string name, string principalId, string? key) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = principalId,
        ["arn"] = $"arn:aws:iam::{account}:user/{name}",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["userName"] = name,
    };

    public static JsonObject IamUserSignIn(string account, string name, string principalId) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = principalId,
        ["arn"] = $"arn:aws:iam::{account}:user/{name}",
        ["accountId"] = account,
        ["userName"] = name,
    };

    public static JsonObject Role(string account, string roleName, string roleId, string session, string key,
        DateTime created, bool mfa, string path = "/", string? ec2Delivery = null, bool keyless = false)
    {
        var attributes = new JsonObject
        {
            ["creationDate"] = Time.Iso(created),
            ["mfaAuthenticated"] = mfa ? "true" : "false",
        };
        var context = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject
            {
                ["type"] = "Role",
                ["principalId"] = roleId,
                ["arn"] = $"arn:aws:iam::{account}:role{path}{roleName}",
                ["accountId"] = account,
                ["userName"] = roleName,
            },
            ["attributes"] = attributes,
        };
        if (ec2Delivery is not null)
        {
            context["ec2RoleDelivery"] = ec2Delivery;
        }

        var id = new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"{roleId}:{session}",
            ["arn"] = $"arn:aws:sts::{account}:assumed-role/{roleName}/{session}",
            ["accountId"] = account,
        };
        if (!keyless)
        {
            id["accessKeyId"] = key;
        }

        id["sessionContext"] = context;
        return id;
    }

    public static JsonObject RootWithKey(string account, string key) => new()
    {
        ["type"] = "Root",
        ["principalId"] = account,
        ["arn"] = $"arn:aws:iam::{account}:root",
        ["accountId"] = account,
        ["accessKeyId"] = key,
    };

    public static JsonObject RootConsole(string account, string key, DateTime created, bool mfa) => new()
    {
        ["type"] = "Root",
        ["principalId"] = account,
        ["arn"] = $"arn:aws:iam::{account}:root",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject(),
            ["webIdFederationData"] = new JsonObject(),
            ["attributes"] = new JsonObject
            {
                ["creationDate"] = Time.Iso(created),
                ["mfaAuthenticated"] = mfa ? "true" : "false",
            },
        },
    };

    // The member-account side of an sts:AssumeRoot session: Root with a temporary key.
    public static JsonObject RootTask(string account, string key, DateTime created) => new()
    {
        ["type"] = "Root",
        ["principalId"] = account,
        ["arn"] = $"arn:aws:iam::{account}:root",
        ["accountId"] = account,
        ["accessKeyId"] = key,
        ["sessionContext"] = new JsonObject
        {
            ["attributes"] = new JsonObject
            {
                ["creationDate"] = Time.Iso(created),
                ["mfaAuthenticated"] = "false",
            },
            ["assumedRoot"] = "true",
        },
    };

    public static JsonObject Service(string service) => new()
    {
        ["type"] = "AWSService",
        ["invokedBy"] = service,
    };

    public static JsonObject With(JsonObject identity, string invokedBy)
    {
        identity["invokedBy"] = invokedBy;
        return identity;
    }
}
