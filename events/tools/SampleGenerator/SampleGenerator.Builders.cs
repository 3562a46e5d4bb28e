// Shared builders: the routine callers, role sessions minted by AWS services, credentials.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private static Actor Svc(string service) => new(() => Who.Service(service), service, service, Tls: false);

    private Actor DeployBot(string command) =>
        new(() => Who.IamUser(Org.Prod, "deploy-bot", _deployBotId, _deployBotKey), Org.CiRunner, Org.Cli(command));

    private Actor Scanner() =>
        new(() => Who.IamUser(Org.Prod, "inventory-scanner", _scannerId, _scannerKey), Org.ScannerHost, Org.Boto, TlsVersion: "TLSv1.2");

    private static JsonArray RoleResource(string account, string roleArn) =>
        [new JsonObject { ["accountId"] = account, ["type"] = "AWS::IAM::Role", ["ARN"] = roleArn }];

    private JsonObject Credentials(string key, DateTime expires) => new()
    {
        ["accessKeyId"] = key,
        ["sessionToken"] = _ids.FakeToken(),
        ["expiration"] = Time.Us(expires),
    };

    private string KmsKeyArn(string region) => $"arn:aws:kms:{region}:{Org.Prod}:key/{_kmsKey}";

    /// <summary>An AWS service assumes a role for its work (EC2 instance profile, Lambda, SLR); returns the session key.</summary>
    private string ServiceAssumeRole(LogObject f, DateTime t, string service, string roleName, string path, string roleId, string session, int hours)
    {
        var key = _ids.Key("ASIA");
        var roleArn = $"arn:aws:iam::{f.Account}:role{path}{roleName}";
        var response = new JsonObject { ["credentials"] = Credentials(key, t.AddHours(hours)) };
        if (service != "ec2.amazonaws.com")
        {
            response["assumedRoleUser"] = new JsonObject
            {
                ["assumedRoleId"] = $"{roleId}:{session}",
                ["arn"] = $"arn:aws:sts::{f.Account}:assumed-role/{roleName}/{session}",
            };
        }

        Add(f, t, Svc(service), new Call("sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = session },
            Response = response,
            Resources = RoleResource(f.Account, roleArn),
            SharedEventId = _ids.Uuid(),
        });
        return key;
    }
}
