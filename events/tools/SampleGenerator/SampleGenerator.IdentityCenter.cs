// IAM Identity Center: carol signs in to the ReadOnly permission set and hits two denials.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private Actor CarolSession(DateTime created)
    {
        var key = _ids.Key("ASIA");
        return new Actor(() => Who.Role(Org.Prod, SsoReadOnly, _ssoReadOnlyRoleId, "carol@example.com", key, created, false, "/aws-reserved/sso.amazonaws.com/"),
            Org.CarolHome, Org.Chrome, Console: true);
    }

    /// <summary>IAM Identity Center sign-in to the ReadOnly permission set; a read-only user hits two denials.</summary>
    private void CarolSso(LogObject f, DateTime t)
    {
        var key = _ids.Key("ASIA");
        const string path = "/aws-reserved/sso.amazonaws.com/";
        var roleArn = $"arn:aws:iam::{Org.Prod}:role{path}{SsoReadOnly}";
        var provider = $"arn:aws:iam::{Org.Prod}:saml-provider/AWSSSO_9f1e2d3c4b5a6978_DO_NOT_DELETE";
        var saml = new Actor(() => new JsonObject
        {
            ["type"] = "SAMLUser",
            ["principalId"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=:carol@example.com",
            ["userName"] = "carol@example.com",
            ["identityProvider"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
        }, "192.0.2.15", "aws-sdk-java/1.12.770 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard");
        Add(f, t, saml, new Call("sts", "AssumeRoleWithSAML")
        {
            Request = new JsonObject
            {
                ["sAMLAssertionID"] = "_" + _ids.Uuid(),
                ["roleSessionName"] = "carol@example.com",
                ["roleArn"] = roleArn,
                ["principalArn"] = provider,
                ["durationSeconds"] = 3600,
            },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(key, t.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_ssoReadOnlyRoleId}:carol@example.com", ["arn"] = $"arn:aws:sts::{Org.Prod}:assumed-role/{SsoReadOnly}/carol@example.com" },
                ["subject"] = "carol@example.com",
                ["subjectType"] = "persistent",
                ["issuer"] = "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/ODQ0NDU1NTU2NjY2X2lucy1leGFtcGxl",
                ["audience"] = "https://signin.aws.amazon.com/saml",
                ["nameQualifier"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
            },
            Resources =
            [
                new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::IAM::Role", ["ARN"] = roleArn },
                new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::IAM::SAMLProvider", ["ARN"] = provider },
            ],
        });
        var carol = CarolSession(t.AddSeconds(1));
        Add(f, t.AddSeconds(3), carol with { Identity = () => Who.Role(Org.Prod, SsoReadOnly, _ssoReadOnlyRoleId, "carol@example.com", "", t.AddSeconds(1), false, path, keyless: false) },
            new Call("signin", "ConsoleLogin")
            {
                EventType = "AwsConsoleSignIn",
                ReadOnly = false,
                NoRequestId = true,
                Response = new JsonObject { ["ConsoleLogin"] = "Success" },
                Additional = new JsonObject { ["MobileVersion"] = "No", ["MFAUsed"] = "No" },
            });
        ConsoleBrowse(f, carol, t.AddSeconds(20), t.AddMinutes(20), 14);
        Add(f, t.AddMinutes(9).AddSeconds(13), carol, new Call("ec2", "StopInstances")
        {
            ErrorCode = "Client.UnauthorizedOperation",
            ErrorMessage = $"You are not authorized to perform this operation. User: arn:aws:sts::{Org.Prod}:assumed-role/{SsoReadOnly}/carol@example.com is not authorized to perform: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:{Org.Prod}:instance/i-0abc1234def567891 because no identity-based policy allows the ec2:StopInstances action. Encoded authorization failure message: {_ids.EncodedFailure()}",
            Request = new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-0abc1234def567891" }) }, ["force"] = false },
        });
        Add(f, t.AddMinutes(14).AddSeconds(2), carol with { Agent = Org.S3Console }, new Call("s3", "PutBucketTagging")
        {
            ErrorCode = "AccessDenied",
            ErrorMessage = "Access Denied",
            Request = new JsonObject { ["bucketName"] = "example-prod-app-logs", ["tagging"] = "" },
        });
    }
}
