namespace Monitor.Testing;

/// <summary>The records of <see cref="SyntheticAccountLog"/> that are not a session's own calls: users, issuing, denials, root.</summary>
public sealed partial class SyntheticAccountLog
{
    private static string UserIp(int user) => $"198.51.100.{user % 200 + 20}";

    private static string UserApiCall(long index, int user)
    {
        var (source, name, request) = (index % 3) switch
        {
            0 => ("s3.amazonaws.com", "ListBuckets", "{\"Host\":\"s3.us-east-1.amazonaws.com\"}"),
            1 => ("sts.amazonaws.com", "GetCallerIdentity", "null"),
            _ => ("ec2.amazonaws.com", "DescribeRegions", "{\"regionSet\":{},\"allRegions\":false}"),
        };
        var host = $"{source.Replace(".amazonaws.com", "", StringComparison.Ordinal)}.us-east-1.amazonaws.com";
        return $"{{{Common(index, UserIdentity(user), source, name, UserIp(user), Agent(user))},\"requestParameters\":{request},\"responseElements\":null,{Ids(index)},\"readOnly\":true,{Tail},\"managementEvent\":true,\"eventCategory\":\"Management\",{Tls(host)}}}";
    }

    /// <summary>The AssumeRole that issued <paramref name="session"/>'s key: EC2 for instance profiles, otherwise a user or Lambda.</summary>
    private string Assumption(long index, int session)
    {
        var role = RoleName(RoleOf(session));
        var roleArn = $"arn:aws:iam::{Account}:role/{role}";
        var name = SessionName(session);
        var (identity, ip, agent) = IsInstance(session)
            ? ("{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}", "ec2.amazonaws.com", "ec2.amazonaws.com")
            : session % 3 == 1
                ? (UserIdentity(session % Population.Users), UserIp(session % Population.Users), Agent(session))
                : ("{\"type\":\"AWSService\",\"invokedBy\":\"lambda.amazonaws.com\"}", "lambda.amazonaws.com", "lambda.amazonaws.com");
        return $"{{{Common(index, identity, "sts.amazonaws.com", "AssumeRole", ip, agent)},\"requestParameters\":{{\"roleArn\":\"{roleArn}\",\"roleSessionName\":\"{name}\",\"durationSeconds\":3600}},\"responseElements\":{{\"credentials\":{{\"accessKeyId\":\"{KeyId("ASIA", session)}\",\"sessionToken\":\"EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-{Uuid(session, 6)}\",\"expiration\":\"Nov 10, 2026, 1:04:14 PM\"}},\"assumedRoleUser\":{{\"assumedRoleId\":\"{KeyId("AROA", RoleOf(session))}:{name}\",\"arn\":\"arn:aws:sts::{Account}:assumed-role/{role}/{name}\"}}}},{Ids(index)},\"readOnly\":true,\"resources\":[{{\"accountId\":\"{Account}\",\"type\":\"AWS::IAM::Role\",\"ARN\":\"{roleArn}\"}}],{Tail},\"managementEvent\":true,\"sharedEventID\":\"{Uuid(index, 7)}\",\"eventCategory\":\"Management\",{Tls("sts.us-east-1.amazonaws.com")}}}";
    }

    private string SessionDenied(long index, int session)
    {
        var role = RoleName(RoleOf(session));
        var bucket = Buckets[(RoleOf(session) + 1) % Buckets.Length];
        return $"{{{Common(index, SessionIdentity(session), "s3.amazonaws.com", "GetObject", SessionIp(session), Agent(session))},\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User: arn:aws:sts::{Account}:assumed-role/{role}/{SessionName(session)} is not authorized to perform: s3:GetObject on resource: \\\"arn:aws:s3:::{bucket}/reports/q3.csv\\\" because no identity-based policy allows the s3:GetObject action\",\"requestParameters\":{{\"bucketName\":\"{bucket}\",\"Host\":\"{bucket}.s3.us-east-1.amazonaws.com\",\"key\":\"reports/q3.csv\"}},\"responseElements\":null,{Ids(index)},\"readOnly\":true,\"resources\":[{{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::{bucket}/reports/q3.csv\"}}],{Tail},\"managementEvent\":false,\"eventCategory\":\"Data\",{Tls($"{bucket}.s3.us-east-1.amazonaws.com")}}}";
    }

    private static string UserDenied(long index, int user) =>
        $"{{{Common(index, UserIdentity(user), "ec2.amazonaws.com", "RunInstances", UserIp(user), Agent(user))},\"errorCode\":\"Client.UnauthorizedOperation\",\"errorMessage\":\"You are not authorized to perform this operation. User: arn:aws:iam::{Account}:user/{UserName(user)} is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:{Account}:instance/* because no identity-based policy allows the ec2:RunInstances action.\",\"requestParameters\":{{\"instancesSet\":{{\"items\":[{{\"imageId\":\"ami-0abcdef1234567890\",\"minCount\":1,\"maxCount\":1}}]}},\"instanceType\":\"m7i.large\",\"disableApiTermination\":false,\"monitoring\":{{\"enabled\":false}}}},\"responseElements\":null,{Ids(index)},\"readOnly\":false,{Tail},\"managementEvent\":true,\"eventCategory\":\"Management\",{Tls("ec2.us-east-1.amazonaws.com")}}}";

    /// <summary>S3 asking KMS for a data key on the session's behalf (SSE-KMS): the identity is the session's, with invokedBy.</summary>
    private string ServiceCallForSession(long index, int session) =>
        $"{{{Common(index, SessionIdentity(session, "s3.amazonaws.com"), "kms.amazonaws.com", "GenerateDataKey", "s3.amazonaws.com", "s3.amazonaws.com")},\"requestParameters\":{{\"keyId\":\"arn:aws:kms:us-east-1:{Account}:alias/s3-default\",\"encryptionContext\":{{\"aws:s3:arn\":\"arn:aws:s3:::{Buckets[RoleOf(session) % Buckets.Length]}/{RoleName(RoleOf(session))}/\"}},\"keySpec\":\"AES_256\"}},\"responseElements\":null,{Ids(index)},\"readOnly\":true,\"resources\":[{{\"accountId\":\"{Account}\",\"type\":\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:us-east-1:{Account}:key/{Uuid(RoleOf(session), 5)}\"}}],{Tail},\"managementEvent\":true,\"eventCategory\":\"Management\"}}";

    private static string ConsoleSignIn(long index, int user) =>
        $"{{\"eventVersion\":\"1.09\",\"userIdentity\":{UserIdentity(user, withKey: false)},\"eventTime\":\"{Time(index)}\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"{UserIp(user)}\",\"userAgent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15\",\"requestParameters\":null,\"responseElements\":{{\"ConsoleLogin\":\"Success\"}},\"additionalEventData\":{{\"LoginTo\":\"https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_{Uuid(index, 8)}\",\"MobileVersion\":\"No\",\"MFAIdentifier\":\"arn:aws:iam::{Account}:mfa/{UserName(user)}\",\"MFAUsed\":\"Yes\"}},\"eventID\":\"{Uuid(index, 2)}\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\",\"managementEvent\":true,\"recipientAccountId\":\"{Account}\",\"eventCategory\":\"Management\",{Tls("signin.aws.amazon.com")}}}";

    /// <summary>A user minting a session; one minted key per user and hour, as a client caches its session for that long.</summary>
    private static string SessionToken(long index, int user)
    {
        var minted = KeyId("ASIA", -1 - (user + (index / 36_000 * 100_000)));
        return $"{{{Common(index, UserIdentity(user), "sts.amazonaws.com", "GetSessionToken", UserIp(user), Agent(user))},\"requestParameters\":{{\"durationSeconds\":43200}},\"responseElements\":{{\"credentials\":{{\"accessKeyId\":\"{minted}\",\"sessionToken\":\"EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-{Uuid(index, 9)}\",\"expiration\":\"Nov 11, 2026, 12:00:00 AM\"}}}},{Ids(index)},\"readOnly\":true,{Tail},\"managementEvent\":true,\"eventCategory\":\"Management\",{Tls("sts.us-east-1.amazonaws.com")}}}";
    }

    private static string RootSignIn(long index) =>
        $"{{\"eventVersion\":\"1.09\",\"userIdentity\":{{\"type\":\"Root\",\"principalId\":\"{Account}\",\"arn\":\"arn:aws:iam::{Account}:root\",\"accountId\":\"{Account}\"}},\"eventTime\":\"{Time(index)}\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.77\",\"userAgent\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36\",\"requestParameters\":null,\"responseElements\":{{\"ConsoleLogin\":\"Success\"}},\"additionalEventData\":{{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"Yes\"}},\"eventID\":\"{Uuid(index, 2)}\",\"readOnly\":false,\"eventType\":\"AwsConsoleSignIn\",\"managementEvent\":true,\"recipientAccountId\":\"{Account}\",\"eventCategory\":\"Management\"}}";
}
