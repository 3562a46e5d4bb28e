using System.Text.Json.Nodes;
using Monitor.Records;
using Monitor.Testing;

namespace Monitor.Core.Tests.Detection.Workloads;

/// <summary>Real-shaped CloudTrail records of workload sessions, read through the real reader.</summary>
internal static class WorkloadCalls
{
    public const string Account = Some.CloudTrail.Account;
    public const string Laptop = "aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 exe/x86_64 prompt/off command/s3.ls";
    public const string MacSdk = "Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 os/macos#23.1.0 md/arch#arm64 lang/python#3.12.0 cfg/retry-mode#legacy Botocore/1.34.10";
    public const string LinuxSdk = "Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.12.0 cfg/retry-mode#legacy Botocore/1.34.10";
    public const string LambdaSdk = "aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x";
    public const string EcsSdk = "aws-sdk-java/2.28.16 Linux/5.10.227-219.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE";
    public static readonly DateTimeOffset T0 = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private static int _ids;

    /// <summary>A call by role session <paramref name="role"/>/<paramref name="session"/> with access key <paramref name="key"/>.</summary>
    public static JsonObject Call(
        string role, string session, string key, string ip, string userAgent, int seconds = 0,
        string eventSource = "s3.amazonaws.com", string eventName = "ListBuckets", bool readOnly = true, string? errorCode = null,
        string? ec2RoleDelivery = null, string? webIdentityProvider = null, string? roleArn = null)
    {
        var identity = Some.CloudTrail.AssumedRole(role, session, roleArn ?? $"arn:aws:iam::{Account}:role/{role}");
        identity["accessKeyId"] = key;
        var context = identity["sessionContext"]!.AsObject();
        if (ec2RoleDelivery is not null)
        {
            context["ec2RoleDelivery"] = ec2RoleDelivery;
        }

        if (webIdentityProvider is not null)
        {
            context["webIdFederationData"] = new JsonObject { ["federatedProvider"] = webIdentityProvider, ["attributes"] = new JsonObject() };
        }

        var record = Some.CloudTrail.Record(identity, eventName, eventSource);
        record["eventTime"] = T0.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        record["eventID"] = $"00000000-0000-4000-8000-{Interlocked.Increment(ref _ids):D12}";
        record["sourceIPAddress"] = ip;
        record["userAgent"] = userAgent;
        record["readOnly"] = readOnly;
        if (errorCode is not null)
        {
            record["errorCode"] = errorCode;
            record["errorMessage"] = "denied";
        }

        return record;
    }

    /// <summary>The <c>AssumeRole</c> a service makes to hand a role's credentials to a workload.</summary>
    public static JsonObject ServiceAssumeRole(string service, string role, string session, string issuedKey, int seconds = -60)
    {
        var record = Some.CloudTrail.Record(Some.CloudTrail.AwsService(service), "AssumeRole", "sts.amazonaws.com");
        record["eventTime"] = T0.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        record["eventID"] = $"00000000-0000-4000-9000-{Interlocked.Increment(ref _ids):D12}";
        record["sourceIPAddress"] = service;
        record["userAgent"] = service;
        record["readOnly"] = true;
        record["requestParameters"] = new JsonObject { ["roleArn"] = $"arn:aws:iam::{Account}:role/{role}", ["roleSessionName"] = session };
        record["responseElements"] = new JsonObject
        {
            ["credentials"] = new JsonObject { ["accessKeyId"] = issuedKey, ["sessionToken"] = "EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-1", ["expiration"] = "Jan 2, 2025, 1:00:00 PM" },
            ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"AROAEXAMPLEROLEID:{session}", ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{role}/{session}" },
        };
        return record;
    }

    public static async Task<Activity[]> ReadAsync(params JsonObject[] records)
    {
        var (activities, report) = await Some.CloudTrailReading.ReadAsync(Some.CloudTrail.Log(records));
        report.Errors.ShouldBeEmpty();
        return [.. activities];
    }
}
