using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitor.Testing;

public static partial class Some
{
    /// <summary>Small CloudTrail records and inputs, built as JSON so tests can break them on purpose.</summary>
    public static class CloudTrail
    {
        public const string Account = "123456789012";
        public const string OtherAccount = "210987654321";

        /// <summary>A complete, valid record (an IAM user listing users) with <paramref name="identity"/> as its userIdentity.</summary>
        public static JsonObject Record(JsonObject? identity = null, string eventName = "ListUsers", string eventSource = "iam.amazonaws.com") => new()
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = identity ?? IamUser(),
            ["eventTime"] = "2025-01-02T00:03:45Z",
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = "198.51.100.7",
            ["userAgent"] = "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64",
            ["requestParameters"] = null,
            ["responseElements"] = null,
            ["requestID"] = "3f0b6c6e-7d3a-4f2b-9c1d-0e9f8a7b6c5d",
            ["eventID"] = "c1f2e3d4-b5a6-4789-9abc-def012345678",
            ["readOnly"] = true,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = Account,
            ["eventCategory"] = "Management",
        };

        public static JsonObject IamUser(string name = "bob") => new()
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAEXAMPLEUSERID",
            ["arn"] = $"arn:aws:iam::{Account}:user/{name}",
            ["accountId"] = Account,
            ["accessKeyId"] = "AKIAEXAMPLEKEYID2",
            ["userName"] = name,
        };

        public static JsonObject Root() => new()
        {
            ["type"] = "Root",
            ["principalId"] = Account,
            ["arn"] = $"arn:aws:iam::{Account}:root",
            ["accountId"] = Account,
            ["accessKeyId"] = "",
        };

        public static JsonObject AssumedRole(string role = "Admin", string session = "alice", string issuerArn = $"arn:aws:iam::{Account}:role/ops/Admin") => new()
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"AROAEXAMPLEROLEID:{session}",
            ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{role}/{session}",
            ["accountId"] = Account,
            ["accessKeyId"] = "ASIAEXAMPLEKEYID",
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["principalId"] = "AROAEXAMPLEROLEID", ["arn"] = issuerArn, ["accountId"] = Account, ["userName"] = role },
                ["attributes"] = new JsonObject { ["creationDate"] = "2025-01-02T00:00:01Z", ["mfaAuthenticated"] = "true" },
            },
        };

        public static JsonObject FederatedUser() => new()
        {
            ["type"] = "FederatedUser",
            ["principalId"] = $"{Account}:build",
            ["arn"] = $"arn:aws:sts::{Account}:federated-user/build",
            ["accountId"] = Account,
            ["accessKeyId"] = "ASIAFEDERATEDKEY",
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject { ["type"] = "IAMUser", ["principalId"] = "AIDAEXAMPLEUSERID", ["arn"] = $"arn:aws:iam::{Account}:user/ci", ["accountId"] = Account, ["userName"] = "ci" },
                ["attributes"] = new JsonObject { ["creationDate"] = "2025-01-02T00:00:01Z", ["mfaAuthenticated"] = "false" },
            },
        };

        public static JsonObject AwsService(string service = "ec2.amazonaws.com") => new() { ["type"] = "AWSService", ["invokedBy"] = service };

        public static JsonObject AwsAccount() => new()
        {
            ["type"] = "AWSAccount",
            ["principalId"] = "AROAOTHERACCOUNTROLE:session",
            ["accountId"] = OtherAccount,
        };

        public static JsonObject IdentityCenterUser() => new()
        {
            ["type"] = "IdentityCenterUser",
            ["accountId"] = Account,
            ["onBehalfOf"] = new JsonObject { ["userId"] = "94482488-3041-7026-18f3-be45837cd0e4", ["identityStoreArn"] = "arn:aws:identitystore::123456789012:identitystore/d-9067642ac7" },
            ["credentialId"] = "EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE",
        };

        public static JsonObject WebIdentityUser() => new()
        {
            ["type"] = "WebIdentityUser",
            ["principalId"] = "accounts.google.com:app.apps.googleusercontent.com:1234567890",
            ["userName"] = "1234567890",
            ["identityProvider"] = "accounts.google.com",
        };

        public static JsonObject SamlUser() => new()
        {
            ["type"] = "SAMLUser",
            ["principalId"] = "SAMLStandard:alice@example.com",
            ["userName"] = "alice@example.com",
            ["identityProvider"] = $"arn:aws:iam::{Account}:saml-provider/Corp",
        };

        /// <summary>The S3 delivery shape: <c>{"Records":[...]}</c>.</summary>
        public static string Log(params JsonNode?[] records) => new JsonObject { ["Records"] = new JsonArray([.. records.Select(r => r?.DeepClone())]) }.ToJsonString();

        /// <summary>A bare array of records, as in the Stratus detonation logs.</summary>
        public static string Array(params JsonNode?[] records) => new JsonArray([.. records.Select(r => r?.DeepClone())]).ToJsonString();

        /// <summary>An EventBridge "AWS API Call via CloudTrail" event carrying <paramref name="record"/> as its detail.</summary>
        public static string EventBridge(JsonObject record) => new JsonObject
        {
            ["version"] = "0",
            ["id"] = "6f87d04b-9f74-4f04-a780-7acf4b0a9b38",
            ["detail-type"] = "AWS API Call via CloudTrail",
            ["source"] = "aws.iam",
            ["account"] = Account,
            ["time"] = "2025-01-02T00:03:45Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray(),
            ["detail"] = record.DeepClone(),
        }.ToJsonString();

        public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

        public static byte[] Gzip(byte[] plain)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(plain);
            }

            return compressed.ToArray();
        }
    }
}
