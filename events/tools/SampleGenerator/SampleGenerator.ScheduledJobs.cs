// Scheduled jobs and AWS service events: backups, key and secret rotation, the nightly report.

using System.Globalization;
using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private void NightlyBackup(LogObject f, DateTime t)
    {
        const string path = "/service-role/";
        const string session = "AWSBackup-AWSBackupDefaultServiceRole";
        var key = ServiceAssumeRole(f, t, "backup.amazonaws.com", "AWSBackupDefaultServiceRole", path, _backupRoleId, session, 1);
        var backup = new Actor(() => Who.With(Who.Role(f.Account, "AWSBackupDefaultServiceRole", _backupRoleId, session, key, t, false, path), "backup.amazonaws.com"),
            "backup.amazonaws.com", "backup.amazonaws.com", Tls: false);
        Add(f, t.AddSeconds(4), backup, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
        var backupName = "awsbackup_job_" + _ids.Hex(24);
        Add(f, t.AddSeconds(6), backup, new Call("dynamodb", "CreateBackup")
        {
            Request = new JsonObject { ["tableName"] = "orders", ["backupName"] = backupName },
            Response = new JsonObject
            {
                ["backupDetails"] = new JsonObject
                {
                    ["backupArn"] = $"arn:aws:dynamodb:us-east-1:{f.Account}:table/orders/backup/0{_ids.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture)}-{_ids.Hex(8)}",
                    ["backupName"] = backupName,
                    ["backupStatus"] = "CREATING",
                    ["backupType"] = "AWS_BACKUP",
                },
            },
        });
        Add(f, t.AddSeconds(9), backup, new Call("ec2", "CreateSnapshot")
        {
            Request = new JsonObject { ["volumeId"] = "vol-0f1e2d3c4b5a69788", ["description"] = "This snapshot is created by the AWS Backup service." },
            Response = new JsonObject { ["requestId"] = _ids.Uuid(), ["snapshotId"] = "snap-0" + _ids.Hex(16), ["volumeId"] = "vol-0f1e2d3c4b5a69788", ["status"] = "pending" },
        });
    }

    private void KmsRotation(LogObject f, DateTime t)
    {
        var kms = new Actor(() => new JsonObject { ["accountId"] = f.Account, ["invokedBy"] = "kms.amazonaws.com" }, "kms.amazonaws.com", "kms.amazonaws.com", Tls: false);
        Add(f, t, kms, new Call("kms", "RotateKey")
        {
            EventType = "AwsServiceEvent",
            NoRequestId = true,
            ReadOnly = false,
            Additional = new JsonObject { ["keyId"] = KmsKeyArn(f.Region) },
            Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
        });
    }

    private void SecretRotation(LogObject f, DateTime t)
    {
        var secretArn = $"arn:aws:secretsmanager:us-east-1:{f.Account}:secret:prod/orders/db-AbC123";
        var sm = new Actor(() => new JsonObject { ["accountId"] = f.Account, ["invokedBy"] = "secretsmanager.amazonaws.com" }, "secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com", Tls: false);
        Add(f, t, sm, new Call("secretsmanager", "RotationStarted")
        {
            EventType = "AwsServiceEvent",
            NoRequestId = true,
            ReadOnly = false,
            Additional = new JsonObject { ["SecretId"] = secretArn },
        });
        var key = ServiceAssumeRole(f, t.AddSeconds(1), "lambda.amazonaws.com", "secret-rotation-role", "/service-role/", _rotationRoleId, "secret-rotation", 12);
        var created = t.AddSeconds(1);
        var fn = new Actor(() => Who.Role(f.Account, "secret-rotation-role", _rotationRoleId, "secret-rotation", key, created, false, "/service-role/"), "10.20.11.77", Org.Boto + " exec-env/AWS_Lambda_python3.12", Vpce: Org.Vpce);
        foreach (var (name, offset) in new[] { ("DescribeSecret", 2), ("GetSecretValue", 3), ("GetRandomPassword", 3), ("PutSecretValue", 4), ("UpdateSecretVersionStage", 9) })
        {
            Add(f, t.AddSeconds(offset), fn, new Call("secretsmanager", name)
            {
                Request = name == "GetRandomPassword"
                    ? new JsonObject { ["excludeCharacters"] = "/@\"'\\", ["passwordLength"] = 32 }
                    : new JsonObject { ["secretId"] = secretArn },
            });
        }

        Add(f, t.AddSeconds(4), fn, new Call("kms", "GenerateDataKey")
        {
            Ip = "secretsmanager.amazonaws.com",
            Agent = "secretsmanager.amazonaws.com",
            InvokedBy = "secretsmanager.amazonaws.com",
            Request = new JsonObject { ["keyId"] = KmsKeyArn(f.Region), ["encryptionContext"] = new JsonObject { ["SecretARN"] = secretArn }, ["keySpec"] = "AES_256" },
            Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
        });
        Add(f, t.AddSeconds(10), sm, new Call("secretsmanager", "RotationSucceeded")
        {
            EventType = "AwsServiceEvent",
            NoRequestId = true,
            ReadOnly = false,
            Additional = new JsonObject { ["SecretId"] = secretArn },
        });
    }

    private void NightlyReport(LogObject f, DateTime t)
    {
        var key = ServiceAssumeRole(f, t, "lambda.amazonaws.com", "nightly-report-role", "/service-role/", _reportRoleId, "nightly-report", 12);
        var fn = new Actor(() => Who.Role(f.Account, "nightly-report-role", _reportRoleId, "nightly-report", key, t, false, "/service-role/"), "10.20.11.42", Org.LambdaSdk, Vpce: Org.Vpce);
        Add(f, t.AddSeconds(1), fn, new Call("ssm", "GetParameter") { Request = new JsonObject { ["name"] = "/prod/reports/recipients", ["withDecryption"] = false } });
        Add(f, t.AddSeconds(2), fn, new Call("ce", "GetCostAndUsage")
        {
            Request = new JsonObject
            {
                ["timePeriod"] = new JsonObject { ["start"] = t.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["end"] = t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                ["granularity"] = "DAILY",
                ["metrics"] = new JsonArray("UnblendedCost"),
            },
        });
        Add(f, t.AddSeconds(3), fn, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
        Add(f, t.AddSeconds(5), fn, new Call("monitoring", "GetMetricData") { Request = new JsonObject { ["maxDatapoints"] = 1440 } });
    }
}
