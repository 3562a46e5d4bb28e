using System.Globalization;

namespace Monitor.Testing;

/// <summary>The record shapes of <see cref="SyntheticAccountLog"/>, modelled on real CloudTrail records of each kind.</summary>
public sealed partial class SyntheticAccountLog
{
    private const string Tail = "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"" + Account + "\"";

    private static readonly string[] Buckets = ["example-prod-orders", "example-prod-exports", "example-analytics-lake", "example-prod-app-logs"];

    private static readonly string[] Agents =
    [
        "aws-sdk-java/2.28.16 Linux/6.1.112-122.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache",
        "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.15.0-1071-aws md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54",
        "aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.112 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/command#s3.cp",
        "aws-sdk-go-v2/1.32.2 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64 api/s3#1.66.0 m/E,Z,g",
    ];

    private static readonly string[] RoleNames = ["app-server-role", "orders-api", "etl-batch", "reporting-reader", "deploy-pipeline", "data-science"];

    private static string Time(long index) =>
        Start.AddTicks(index * TimeSpan.TicksPerMillisecond * 100).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Uuid(long index, int salt)
    {
        var h = Mix(index * 31 + salt);
        return string.Create(CultureInfo.InvariantCulture, $"{(uint)h:x8}-{(ushort)(h >> 32):x4}-4{(ushort)(h >> 48) & 0xfff:x3}-8{(uint)Mix(h) & 0xfff:x3}-{(ulong)Mix(h + 1) & 0xffffffffffff:x12}");
    }

    /// <summary>An access key id: the prefix and 16 base-32 characters that are a function of <paramref name="n"/>.</summary>
    private static string KeyId(string prefix, long n)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Span<char> chars = stackalloc char[16];
        var bits = (ulong)Mix(n * 2 + (prefix == "ASIA" ? 1 : 0));
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)(bits >> (i * 4 % 60) & 31)];
        }

        return prefix + new string(chars);
    }

    private static long Mix(long x)
    {
        var z = (ulong)x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (long)(z ^ (z >> 31));
    }

    private string RoleName(int role) => $"{RoleNames[role % RoleNames.Length]}-{role:D3}";

    private int RoleOf(int session) => session % Population.Roles;

    private static bool IsInstance(int session) => session % 3 == 0;

    private static string SessionName(int session) => IsInstance(session) ? $"i-0{Mix(session) & 0xffffffffffffff:x14}" : $"app-{session}-{(uint)Mix(session) % 100000:D5}";

    private static string SessionIp(int session) => IsInstance(session)
        ? $"10.{40 + session / 65536 % 8}.{session / 256 % 256}.{session % 256}"
        : $"52.{94 + session / 65536 % 4}.{session / 256 % 256}.{session % 256}";

    private static string Agent(long seed) => Agents[(int)((ulong)seed % (ulong)Agents.Length)];

    private string SessionIdentity(int session, string? invokedBy = null)
    {
        var role = RoleName(RoleOf(session));
        var roleId = KeyId("AROA", RoleOf(session));
        var name = SessionName(session);
        var delivery = IsInstance(session) ? ",\"ec2RoleDelivery\":\"2.0\"" : "";
        var via = invokedBy is null ? "" : $",\"invokedBy\":\"{invokedBy}\"";
        return $"{{\"type\":\"AssumedRole\",\"principalId\":\"{roleId}:{name}\",\"arn\":\"arn:aws:sts::{Account}:assumed-role/{role}/{name}\",\"accountId\":\"{Account}\",\"accessKeyId\":\"{KeyId("ASIA", session)}\",\"sessionContext\":{{\"sessionIssuer\":{{\"type\":\"Role\",\"principalId\":\"{roleId}\",\"arn\":\"arn:aws:iam::{Account}:role/{role}\",\"accountId\":\"{Account}\",\"userName\":\"{role}\"}},\"attributes\":{{\"creationDate\":\"{Time(0)}\",\"mfaAuthenticated\":\"false\"}}{delivery}}}{via}}}";
    }

    private static string UserName(int user) => $"svc-{user:D4}";

    private static string UserIdentity(int user, bool withKey = true)
    {
        var key = withKey ? $",\"accessKeyId\":\"{KeyId("AKIA", user)}\"" : "";
        return $"{{\"type\":\"IAMUser\",\"principalId\":\"{KeyId("AIDA", user)}\",\"arn\":\"arn:aws:iam::{Account}:user/{UserName(user)}\",\"accountId\":\"{Account}\"{key},\"userName\":\"{UserName(user)}\"}}";
    }

    private static string Tls(string host) =>
        $"\"tlsDetails\":{{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"{host}\"}}";

    private static string Common(long index, string identity, string source, string name, string ip, string agent) =>
        $"\"eventVersion\":\"1.11\",\"userIdentity\":{identity},\"eventTime\":\"{Time(index)}\",\"eventSource\":\"{source}\",\"eventName\":\"{name}\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"{ip}\",\"userAgent\":\"{agent}\"";

    private static string Ids(long index) => $"\"requestID\":\"{Uuid(index, 1)}\",\"eventID\":\"{Uuid(index, 2)}\"";

    private string SessionDataCall(long index, int session)
    {
        var bucket = Buckets[RoleOf(session) % Buckets.Length];
        var key = $"{RoleName(RoleOf(session))}/part-{(ulong)Mix(index) % 5000:D5}.parquet";
        var (name, readOnly, sent, received) = (index % 3) switch
        {
            0 => ("PutObject", "false", 48_213, 0),
            1 => ("HeadObject", "true", 0, 0),
            _ => ("GetObject", "true", 0, 1_873_402),
        };
        var host = $"{bucket}.s3.us-east-1.amazonaws.com";
        return $"{{{Common(index, SessionIdentity(session), "s3.amazonaws.com", name, SessionIp(session), Agent(session))},\"requestParameters\":{{\"bucketName\":\"{bucket}\",\"Host\":\"{host}\",\"key\":\"{key}\"}},\"responseElements\":null,\"additionalEventData\":{{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"bytesTransferredIn\":{sent},\"AuthenticationMethod\":\"AuthHeader\",\"x-amz-id-2\":\"{Uuid(index, 3)}\",\"bytesTransferredOut\":{received}}},{Ids(index)},\"readOnly\":{readOnly},\"resources\":[{{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::{bucket}/{key}\"}},{{\"accountId\":\"{Account}\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::{bucket}\"}}],{Tail},\"managementEvent\":false,\"eventCategory\":\"Data\",{Tls(host)}}}";
    }

    private string SessionApiCall(long index, int session)
    {
        var (source, name, request, resources) = (((index / Cycle) + index) % 4) switch
        {
            0 => ("ec2.amazonaws.com", "DescribeInstances", "{\"instancesSet\":{},\"filterSet\":{\"items\":[{\"name\":\"tag:service\",\"valueSet\":{\"items\":[{\"value\":\"orders\"}]}}]}}", ""),
            1 => ("kms.amazonaws.com", "Decrypt", $"{{\"encryptionAlgorithm\":\"SYMMETRIC_DEFAULT\",\"encryptionContext\":{{\"aws:s3:arn\":\"arn:aws:s3:::{Buckets[0]}\"}}}}", $",\"resources\":[{{\"accountId\":\"{Account}\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:us-east-1:{Account}:key/{Uuid(RoleOf(session), 5)}\"}}]"),
            2 => ("secretsmanager.amazonaws.com", "GetSecretValue", $"{{\"secretId\":\"prod/{RoleName(RoleOf(session))}/db\"}}", ""),
            _ => ("ssm.amazonaws.com", "UpdateInstanceInformation", $"{{\"instanceId\":\"{SessionName(session)}\",\"agentVersion\":\"3.3.987.0\",\"agentStatus\":\"Active\",\"platformType\":\"Linux\"}}", ""),
        };
        var host = $"{source.Replace(".amazonaws.com", "", StringComparison.Ordinal)}.us-east-1.amazonaws.com";
        return $"{{{Common(index, SessionIdentity(session), source, name, SessionIp(session), Agent(session))},\"requestParameters\":{request},\"responseElements\":null,{Ids(index)},\"readOnly\":true{resources},{Tail},\"managementEvent\":true,\"vpcEndpointId\":\"vpce-0a1b2c3d4e5f60718\",\"vpcEndpointAccountId\":\"{Account}\",\"eventCategory\":\"Management\",{Tls(host)}}}";
    }
}
