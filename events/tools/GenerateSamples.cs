// Generates the sample CloudTrail log objects and the SQS / SNS / EventBridge envelopes under events/.
// Deterministic: one seeded Random drawn in a fixed order, gzip header mtime 0, no wall clock, so a
// re-run writes identical bytes. Run from the repository root:
//   dotnet run events/tools/GenerateSamples.cs            (writes events/)
//   dotnet run events/tools/GenerateSamples.cs -- <dir>   (writes <dir>/ instead)
// A single file because file-based apps take one source file; sections are marked below.
#:property PublishAot=false
#pragma warning disable CA5351 // MD5 here is what S3 ETags and SQS md5OfBody are, not a security use.

using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

var outDir = args.Length > 0 ? args[0] : "events";
if (!Directory.Exists(outDir))
{
    Console.Error.WriteLine($"'{outDir}' does not exist: run from the repository root or pass the events folder.");
    return 1;
}

var generator = new SampleGenerator(outDir);
generator.Run();
return 0;

// ───────────────────────────── constants of the sample organisation ─────────────────────────────
internal static class Org
{
    public const string Prod = "111122223333";
    public const string Mgmt = "444455556666";
    public const string Bucket = "example-org-cloudtrail";
    public const string Office = "198.51.100.10";       // office NAT: the known root IP (2026-11-03)
    public const string CiRunner = "198.51.100.77";
    public const string ScannerHost = "198.51.100.40";
    public const string BobHome = "203.0.113.52";
    public const string CarolHome = "203.0.113.40";
    public const string Attacker = "203.0.113.66";      // password guessing, then root console
    public const string AttackerCli = "192.0.2.200";    // the new root access key is used from here
    public const string RootAccessKey = "AKIA5ROOTKEYEXAMPLE7";
    public const string RootConsoleKey = "ASIA3ROOTCONSOLEEXM1";
    public const string BenignRootConsoleKey = "ASIA3ROOTCONSOLEEXM0";
    public const string AssumeRootKey = "ASIA4ASSUMEROOTEXMPL";
    public const string LockedBucket = "example-prod-payments-data";
    public const string Vpce = "vpce-0a1b2c3d4e5f60718";
    public const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string MacChrome = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    public const string Firefox = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    public const string S3Console = "[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.770 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard]";
    public const string SsmAgent = "aws-sdk-go/1.55.5 (go1.22.7; linux; amd64) amazon-ssm-agent/3.3.987.0";
    public const string AppSdk = "aws-sdk-java/2.28.16 Linux/6.1.112-122.189.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. md/internal exec-env/AWS_ECS_EC2 io/sync http/Apache cfg/retry-mode/standard";
    public const string LambdaSdk = "aws-sdk-js/3.679.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x";
    public const string Boto = "Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.15.0-1071-aws md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.54";

    public static string Cli(string command) =>
        $"aws-cli/2.18.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.8.0-1016-aws md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#{command}";

    public static string AttackerCliAgent(string command) =>
        $"aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#kali.2024 md/prompt#off md/command#{command}";
}

// ───────────────────────────── deterministic ids ─────────────────────────────
internal sealed class Ids(int seed)
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string KeyChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly Random _rng = new(seed);

    public int Next(int min, int max) => _rng.Next(min, max);

    public bool Chance(int percent) => _rng.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    public string Uuid()
    {
        var b = new byte[16];
        _rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var h = Convert.ToHexString(b).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    public string From(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[_rng.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public string Key(string prefix) => prefix + From(KeyChars, 16);

    public string Principal(string prefix) => prefix + From(KeyChars, 17);

    public string S3RequestId() => From(Upper, 16);

    public string AmzId2() => From(B64, 76);

    public string FileSuffix() => From(Alnum, 16);

    public string Hex(int length) => From("0123456789abcdef", length);

    public string FakeToken() => "EXAMPLE-FAKE-SESSION-TOKEN-NOT-A-CREDENTIAL-" + From(Alnum, 24);

    public string EncodedFailure() => From(Alnum + "-_", 180);
}

// ───────────────────────────── who makes calls ─────────────────────────────
/// <summary>A caller as CloudTrail sees it: identity, source address, user agent and TLS shape.</summary>
internal sealed record Actor(
    Func<JsonObject> Identity,
    string Ip,
    string Agent,
    bool Tls = true,
    string? Vpce = null,
    bool Console = false,
    string TlsVersion = "TLSv1.3");

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

internal static class Time
{
    public static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoMillis(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // CloudTrail renders credential expirations and key create dates in this US style.
    public static string Us(DateTime t) => t.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);

    public static string Stamp(DateTime t) => t.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public static string Folder(DateTime t) => t.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    public static DateTime At(int y, int mo, int d, int h, int mi, int s) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    public static DateTime Parse(JsonObject record) =>
        DateTime.ParseExact(record["eventTime"]!.GetValue<string>(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static long EpochMillis(DateTime t) => (long)(t - DateTime.UnixEpoch).TotalMilliseconds;
}

// ───────────────────────────── one CloudTrail record ─────────────────────────────
internal sealed record Call(string Service, string Name)
{
    public JsonNode? Request { get; init; }
    public JsonNode? Response { get; init; }
    public JsonArray? Resources { get; init; }
    public JsonObject? Additional { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public bool? ReadOnly { get; init; }
    public string? Agent { get; init; }
    public string? Ip { get; init; }
    public string? InvokedBy { get; init; }
    public string? SharedEventId { get; init; }
    public string EventType { get; init; } = "AwsApiCall";
    public JsonObject? ServiceEventDetails { get; init; }
    public bool NoRequestId { get; init; }
}

internal sealed class Recorder(Ids ids)
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Describe", "Head", "Lookup", "Search", "Check", "Scan", "Query", "Batch Get"];
    private static readonly HashSet<string> ReadNames = ["Decrypt", "GenerateDataKey", "AssumeRole", "AssumeRoleWithSAML", "AssumeRoot", "GetCallerIdentity"];

    public Ids Ids => ids;

    public JsonObject Record(DateTime t, string account, string region, Actor actor, Call call)
    {
        var identity = actor.Identity();
        var ip = call.Ip ?? actor.Ip;
        var agent = call.Agent ?? actor.Agent;
        if (call.InvokedBy is not null)
        {
            identity["invokedBy"] = call.InvokedBy;
        }

        var viaService = ip.EndsWith(".amazonaws.com", StringComparison.Ordinal) || ip.StartsWith("AWS Internal", StringComparison.Ordinal);
        var source = call.Service + ".amazonaws.com";
        var request = call.Request?.DeepClone();
        var additional = call.Additional?.DeepClone().AsObject();
        if (call.Service == "s3")
        {
            (request, additional) = S3Details(request, additional, actor, region, viaService);
        }

        var r = new JsonObject
        {
            ["eventVersion"] = Version(call.Service),
            ["userIdentity"] = identity,
            ["eventTime"] = Time.Iso(t),
            ["eventSource"] = source,
            ["eventName"] = call.Name,
            ["awsRegion"] = region,
            ["sourceIPAddress"] = ip,
            ["userAgent"] = agent,
        };
        if (call.ErrorCode is not null)
        {
            r["errorCode"] = call.ErrorCode;
        }

        if (call.ErrorMessage is not null)
        {
            r["errorMessage"] = call.ErrorMessage;
        }

        r["requestParameters"] = request;
        r["responseElements"] = call.Response?.DeepClone();
        if (additional is not null)
        {
            r["additionalEventData"] = additional;
        }

        if (!call.NoRequestId)
        {
            r["requestID"] = call.Service == "s3" ? ids.S3RequestId() : ids.Uuid();
        }

        r["eventID"] = ids.Uuid();
        r["readOnly"] = call.ReadOnly ?? IsRead(call.Name);
        if (call.Resources is not null)
        {
            r["resources"] = call.Resources.DeepClone();
        }

        r["eventType"] = call.EventType;
        r["managementEvent"] = true;
        r["recipientAccountId"] = account;
        if (call.SharedEventId is not null)
        {
            r["sharedEventID"] = call.SharedEventId;
        }

        if (actor.Vpce is not null && !viaService)
        {
            r["vpcEndpointId"] = actor.Vpce;
            r["vpcEndpointAccountId"] = account;
        }

        if (call.ServiceEventDetails is not null)
        {
            r["serviceEventDetails"] = call.ServiceEventDetails.DeepClone();
        }

        r["eventCategory"] = "Management";
        if (actor.Tls && !viaService && call.EventType != "AwsServiceEvent")
        {
            r["tlsDetails"] = new JsonObject
            {
                ["tlsVersion"] = actor.TlsVersion,
                ["cipherSuite"] = actor.TlsVersion == "TLSv1.3" ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256",
                ["clientProvidedHostHeader"] = Host(call.Service, region, request),
            };
        }

        if (actor.Console && call.EventType == "AwsApiCall")
        {
            r["sessionCredentialFromConsole"] = "true";
        }

        return r;
    }

    private (JsonNode?, JsonObject?) S3Details(JsonNode? request, JsonObject? additional, Actor actor, string region, bool viaService)
    {
        if (request is JsonObject o && o["bucketName"] is JsonNode b)
        {
            o["Host"] = $"{b.GetValue<string>()}.s3.{region}.amazonaws.com";
        }

        additional ??= new JsonObject
        {
            ["SignatureVersion"] = "SigV4",
            ["CipherSuite"] = viaService ? "ECDHE-RSA-AES128-GCM-SHA256" : actor.TlsVersion == "TLSv1.3" ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256",
            ["bytesTransferredIn"] = 0,
            ["AuthenticationMethod"] = "AuthHeader",
            ["x-amz-id-2"] = ids.AmzId2(),
            ["bytesTransferredOut"] = ids.Next(120, 2400),
        };
        return (request, additional);
    }

    private static string Version(string service) => service switch
    {
        "signin" => "1.08",
        "s3" => "1.10",
        "iam" or "sts" => "1.11",
        _ => "1.09",
    };

    private static bool IsRead(string name) =>
        ReadNames.Contains(name) || ReadPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    private static string Host(string service, string region, JsonNode? request) => service switch
    {
        "iam" => "iam.amazonaws.com",
        "signin" => "signin.aws.amazon.com",
        "s3" when request is JsonObject o && o["Host"] is JsonNode h => h.GetValue<string>(),
        "s3" => "s3.amazonaws.com",
        _ => $"{service}.{region}.amazonaws.com",
    };
}

// ───────────────────────────── a delivered log object ─────────────────────────────
internal sealed class LogObject(string account, string region, DateTime delivered, string suffix)
{
    public string Account => account;
    public string Region => region;
    public DateTime Delivered => delivered;
    public List<JsonObject> Records { get; } = [];

    public string Key =>
        $"AWSLogs/{account}/CloudTrail/{region}/{Time.Folder(delivered)}/{account}_CloudTrail_{region}_{Time.Stamp(delivered)}_{suffix}.json.gz";
}

// ───────────────────────────── the sample day ─────────────────────────────
internal sealed partial class SampleGenerator
{
    private const string East = "us-east-1";
    private const string West = "us-west-2";
    private readonly string _outDir;
    private readonly Ids _ids = new(20261110);
    private readonly Recorder _rec;
    private readonly List<LogObject> _objects = [];
    private readonly List<(string Label, JsonObject Record)> _story = [];

    // Stable principal ids (drawn once, in this order).
    private readonly string _deployBotId, _scannerId, _aliceId, _bobId;
    private readonly string _adminRoleId, _appRoleId, _ordersRoleId, _reportRoleId, _configRoleId, _backupRoleId;
    private readonly string _ciDeployRoleId, _ssoReadOnlyRoleId, _cfnRoleId;
    private readonly string _mgmtSsoRoleId, _orgSecurityAdminId, _mgmtConfigRoleId, _rotationRoleId;
    private readonly string _deployBotKey, _scannerKey;
    private readonly string _kmsKey, _secretsKey;

    public SampleGenerator(string outDir)
    {
        _outDir = outDir;
        _rec = new Recorder(_ids);
        _deployBotId = _ids.Principal("AIDA");
        _scannerId = _ids.Principal("AIDA");
        _aliceId = _ids.Principal("AIDA");
        _bobId = _ids.Principal("AIDA");
        _adminRoleId = _ids.Principal("AROA");
        _appRoleId = _ids.Principal("AROA");
        _ordersRoleId = _ids.Principal("AROA");
        _reportRoleId = _ids.Principal("AROA");
        _configRoleId = _ids.Principal("AROA");
        _backupRoleId = _ids.Principal("AROA");
        _ciDeployRoleId = _ids.Principal("AROA");
        _ssoReadOnlyRoleId = _ids.Principal("AROA");
        _cfnRoleId = _ids.Principal("AROA");
        _mgmtSsoRoleId = _ids.Principal("AROA");
        _orgSecurityAdminId = _ids.Principal("AROA");
        _mgmtConfigRoleId = _ids.Principal("AROA");
        _rotationRoleId = _ids.Principal("AROA");
        _deployBotKey = _ids.Key("AKIA");
        _scannerKey = _ids.Key("AKIA");
        _kmsKey = _ids.Uuid();
        _secretsKey = _ids.Uuid();
    }

    private const string SsoReadOnly = "AWSReservedSSO_ReadOnly_0f3a9c2e7b1d4e58";
    private const string SsoSecurityAdmin = "AWSReservedSSO_SecurityAdmin_5d2e8f1a9b3c7e40";

    public void Run()
    {
        BuildDays();
        Write();
    }

    private LogObject NewFile(string account, string region, DateTime delivered)
    {
        var f = new LogObject(account, region, delivered, _ids.FileSuffix());
        _objects.Add(f);
        return f;
    }

    private JsonObject Add(LogObject f, DateTime t, Actor actor, Call call)
    {
        var r = _rec.Record(t, f.Account, f.Region, actor, call);
        f.Records.Add(r);
        return r;
    }

    private JsonObject Story(string label, JsonObject record)
    {
        _story.Add((label, record));
        return record;
    }

    private void BuildDays()
    {
        // 2026-11-03: the benign root visit that makes 198.51.100.10 a known root IP.
        var nov3 = NewFile(Org.Prod, East, Time.At(2026, 11, 3, 15, 35, 0));
        Background(nov3, Time.At(2026, 11, 3, 14, 55, 0), Time.At(2026, 11, 3, 15, 30, 0), busy: false);
        BenignRoot(nov3, Time.At(2026, 11, 3, 15, 2, 11));

        // 2026-11-09, late evening.
        var nov9 = NewFile(Org.Prod, East, Time.At(2026, 11, 9, 23, 55, 0));
        Background(nov9, Time.At(2026, 11, 9, 23, 10, 0), Time.At(2026, 11, 9, 23, 50, 0), busy: false);
        NightlyReport(nov9, Time.At(2026, 11, 9, 23, 30, 4));

        // 2026-11-10.
        var w1 = Window(2, 0, 2, 25, busy: false);
        RootLoginFailure(w1, Time.At(2026, 11, 10, 2, 10, 37), "first");

        var w2 = Window(6, 0, 6, 35, busy: false);
        NightlyBackup(w2, Time.At(2026, 11, 10, 6, 2, 30));
        KmsRotation(w2, Time.At(2026, 11, 10, 6, 21, 44));
        SupportOnRootsBehalf(w2, Time.At(2026, 11, 10, 6, 14, 9));

        var w3 = Window(8, 40, 9, 20, busy: true);
        ExternalIdpFailure(w3, Time.At(2026, 11, 10, 8, 47, 31));
        var alice = HumanLogin(w3, "alice", _aliceId, Org.Office, Org.Firefox, Time.At(2026, 11, 10, 8, 52, 14));
        ConsoleBrowse(w3, alice, Time.At(2026, 11, 10, 8, 53, 30), Time.At(2026, 11, 10, 9, 19, 0), 28);
        Deploy(w3, Time.At(2026, 11, 10, 9, 4, 12), "gh-run-7731", announce: true);
        var bob = HumanLogin(w3, "bob", _bobId, Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 9, 15, 2));
        ConsoleBrowse(w3, bob, Time.At(2026, 11, 10, 9, 16, 0), Time.At(2026, 11, 10, 9, 19, 50), 6);

        var w4 = Window(9, 20, 10, 5, busy: true);
        RootLoginFailure(w4, Time.At(2026, 11, 10, 9, 41, 12), "second");
        ConsoleBrowse(w4, AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 9, 20, 0)), Time.At(2026, 11, 10, 9, 21, 0), Time.At(2026, 11, 10, 10, 4, 0), 30);
        var bob4 = AdminSession("bob", Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 9, 20, 0));
        ConsoleBrowse(w4, bob4, Time.At(2026, 11, 10, 9, 22, 0), Time.At(2026, 11, 10, 10, 3, 0), 18);
        BobWrites(w4, bob4, Time.At(2026, 11, 10, 9, 48, 20), first: true);

        var w5 = Window(10, 40, 11, 30, busy: true);
        var alice5 = AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 10, 40, 0));
        ConsoleBrowse(w5, alice5, Time.At(2026, 11, 10, 10, 41, 0), Time.At(2026, 11, 10, 11, 29, 0), 24);
        BucketLockout(w5, alice5, Time.At(2026, 11, 10, 10, 52, 10));
        CarolSso(w5, Time.At(2026, 11, 10, 11, 5, 40));
        var mgmt = NewFile(Org.Mgmt, East, Time.At(2026, 11, 10, 11, 45, 0));
        ManagementDay(mgmt, Time.At(2026, 11, 10, 11, 0, 0), Time.At(2026, 11, 10, 11, 40, 0));
        UnlockWithAssumeRoot(w5, Time.At(2026, 11, 10, 11, 23, 48));

        var w6 = Window(12, 0, 12, 45, busy: true);
        ConsoleBrowse(w6, AdminSession("alice", Org.Office, Org.Firefox, Time.At(2026, 11, 10, 12, 0, 0)), Time.At(2026, 11, 10, 12, 1, 0), Time.At(2026, 11, 10, 12, 44, 0), 22);
        ConsoleBrowse(w6, CarolSession(Time.At(2026, 11, 10, 11, 5, 41)), Time.At(2026, 11, 10, 12, 3, 0), Time.At(2026, 11, 10, 12, 30, 0), 16);

        var west = NewFile(Org.Prod, West, Time.At(2026, 11, 10, 12, 45, 0));
        Background(west, Time.At(2026, 11, 10, 12, 0, 0), Time.At(2026, 11, 10, 12, 40, 0), busy: false);

        var w7 = Window(13, 10, 13, 55, busy: true);
        Deploy(w7, Time.At(2026, 11, 10, 13, 21, 5), "gh-run-7744", announce: false);
        DeployBotDenied(w7, Time.At(2026, 11, 10, 13, 40, 51));

        var w8 = Window(14, 30, 15, 20, busy: true);
        var bob8 = AdminSession("bob", Org.BobHome, Org.MacChrome, Time.At(2026, 11, 10, 14, 30, 0));
        ConsoleBrowse(w8, bob8, Time.At(2026, 11, 10, 14, 31, 0), Time.At(2026, 11, 10, 15, 19, 0), 26);
        BobWrites(w8, bob8, Time.At(2026, 11, 10, 14, 44, 3), first: false);
        Deploy(w8, Time.At(2026, 11, 10, 15, 6, 40), "gh-run-7752", announce: false);

        var w9 = Window(16, 35, 17, 10, busy: true);
        RootLoginFailure(w9, Time.At(2026, 11, 10, 16, 55, 48), "third");

        var w10 = Window(17, 10, 17, 50, busy: false);
        RootTakeover(w10, Time.At(2026, 11, 10, 17, 20, 3));

        var w11 = Window(17, 50, 18, 30, busy: false);
        RootKeyUse(w11, Time.At(2026, 11, 10, 18, 5, 11));

        var w12 = Window(21, 0, 21, 40, busy: false);
        SecretRotation(w12, Time.At(2026, 11, 10, 21, 15, 0));
        NightlyReport(w12, Time.At(2026, 11, 10, 21, 30, 2));
    }

    private LogObject Window(int h0, int m0, int h1, int m1, bool busy)
    {
        var start = Time.At(2026, 11, 10, h0, m0, 0);
        var end = Time.At(2026, 11, 10, h1, m1, 0);
        var f = NewFile(Org.Prod, East, end.AddMinutes(5));
        Background(f, start, end, busy);
        return f;
    }
}

// ───────────────────────────── routine activity ─────────────────────────────
internal sealed partial class SampleGenerator
{
    private static readonly string[] Buckets = ["example-prod-artifacts", Org.LockedBucket, "example-prod-customer-exports", "example-prod-app-logs"];
    private static readonly DateTime LockedFrom = Time.At(2026, 11, 10, 10, 52, 10);
    private static readonly DateTime LockedUntil = Time.At(2026, 11, 10, 11, 24, 32);

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

    private void Background(LogObject f, DateTime start, DateTime end, bool busy)
    {
        var instances = f.Region == East
            ? new[] { ("i-0abc1234def567890", "10.20.1.15"), ("i-0abc1234def567891", "10.20.2.31") }
            : new[] { ("i-0abc1234def5678a2", "10.40.1.12") };
        foreach (var (instance, ip) in instances)
        {
            Instance(f, instance, ip, start, end, busy);
        }

        if (f.Region == East)
        {
            OrdersApi(f, start, end, busy);
        }

        Config(f, start, end);
        for (var hour = start.Date.AddHours(start.Hour); hour < end; hour = hour.AddHours(1))
        {
            var at = hour.AddMinutes(7).AddSeconds(_ids.Next(0, 40));
            if (at >= start && at < end)
            {
                ScannerRun(f, at);
            }
        }
    }

    private void Instance(LogObject f, string instance, string ip, DateTime start, DateTime end, bool busy)
    {
        var created = start.AddSeconds(_ids.Next(5, 120));
        var key = ServiceAssumeRole(f, created, "ec2.amazonaws.com", "app-server-role", "/", _appRoleId, instance, 6);
        var region = f.Region;
        var app = new Actor(() => Who.Role(f.Account, "app-server-role", _appRoleId, instance, key, created, false, ec2Delivery: "2.0"), ip, Org.AppSdk, Vpce: Org.Vpce);
        var agent = app with { Agent = Org.SsmAgent };
        var host = $"ip-{ip.Replace('.', '-')}.{(region == East ? "ec2.internal" : region + ".compute.internal")}";
        var tick = 0;
        for (var t = created.AddSeconds(_ids.Next(10, 290)); t < end; t = t.AddMinutes(5).AddSeconds(_ids.Next(-3, 4)))
        {
            Add(f, t, agent, new Call("ssm", "UpdateInstanceInformation")
            {
                Request = new JsonObject
                {
                    ["instanceId"] = instance,
                    ["agentVersion"] = "3.3.987.0",
                    ["agentStatus"] = "Active",
                    ["platformType"] = "Linux",
                    ["platformName"] = "Amazon Linux",
                    ["platformVersion"] = "2023",
                    ["iPAddress"] = ip,
                    ["computerName"] = host,
                    ["agentName"] = "amazon-ssm-agent",
                    ["availabilityZone"] = region + "a",
                },
            });
            if (tick++ % 2 == 0)
            {
                Add(f, t.AddSeconds(1), agent, new Call("ssm", "ListInstanceAssociations")
                {
                    Request = new JsonObject { ["instanceId"] = instance, ["maxResults"] = 50 },
                });
            }
        }

        var secretArn = $"arn:aws:secretsmanager:{region}:{f.Account}:secret:prod/orders/db-AbC123";
        for (var t = created.AddSeconds(_ids.Next(20, 200)); t < end; t = t.AddSeconds(busy ? _ids.Next(70, 200) : _ids.Next(200, 480)))
        {
            var roll = _ids.Next(0, 100);
            if (roll < 55)
            {
                Add(f, t, app, new Call("secretsmanager", "GetSecretValue") { Request = new JsonObject { ["secretId"] = "prod/orders/db" } });
                Add(f, t, app, new Call("kms", "Decrypt")
                {
                    Ip = "secretsmanager.amazonaws.com",
                    Agent = "secretsmanager.amazonaws.com",
                    InvokedBy = "secretsmanager.amazonaws.com",
                    Request = new JsonObject
                    {
                        ["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
                        ["encryptionContext"] = new JsonObject { ["SecretARN"] = secretArn, ["SecretVersionId"] = _secretsKey },
                    },
                    Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(region) }],
                });
            }
            else if (roll < 85)
            {
                Add(f, t, app, new Call("ssm", "GetParameter") { Request = new JsonObject { ["name"] = "/prod/orders/feature-flags", ["withDecryption"] = false } });
            }
            else
            {
                Add(f, t, app, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
            }
        }
    }

    private void OrdersApi(LogObject f, DateTime start, DateTime end, bool busy)
    {
        for (var t = start.AddSeconds(_ids.Next(30, 400)); t < end; t = t.AddSeconds(busy ? _ids.Next(420, 900) : _ids.Next(1200, 2100)))
        {
            var created = t;
            var key = ServiceAssumeRole(f, t, "lambda.amazonaws.com", "orders-api-role", "/service-role/", _ordersRoleId, "orders-api", 12);
            var fn = new Actor(() => Who.Role(f.Account, "orders-api-role", _ordersRoleId, "orders-api", key, created, false, "/service-role/"),
                "10.20.11." + _ids.Next(10, 250).ToString(CultureInfo.InvariantCulture), Org.LambdaSdk, Vpce: Org.Vpce);
            Add(f, t.AddSeconds(1), fn, new Call("ssm", "GetParameters")
            {
                Request = new JsonObject { ["names"] = new JsonArray("/prod/orders/api-config", "/prod/orders/payment-endpoint"), ["withDecryption"] = true },
            });
            Add(f, t.AddSeconds(1), fn, new Call("kms", "Decrypt")
            {
                Ip = "ssm.amazonaws.com",
                Agent = "ssm.amazonaws.com",
                InvokedBy = "ssm.amazonaws.com",
                Request = new JsonObject
                {
                    ["encryptionContext"] = new JsonObject { ["PARAMETER_ARN"] = $"arn:aws:ssm:{f.Region}:{f.Account}:parameter/prod/orders/payment-endpoint" },
                    ["encryptionAlgorithm"] = "SYMMETRIC_DEFAULT",
                },
                Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
            });
            Add(f, t.AddSeconds(2), fn, new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } });
        }
    }

    private void Config(LogObject f, DateTime start, DateTime end)
    {
        var roleId = f.Account == Org.Prod ? _configRoleId : _mgmtConfigRoleId;
        const string path = "/aws-service-role/config.amazonaws.com/";
        var t0 = start.AddSeconds(_ids.Next(0, 300));
        var key = ServiceAssumeRole(f, t0, "config.amazonaws.com", "AWSServiceRoleForConfig", path, roleId, "AWSConfig-Describe", 1);
        var config = new Actor(() => Who.With(Who.Role(f.Account, "AWSServiceRoleForConfig", roleId, "AWSConfig-Describe", key, t0, false, path), "config.amazonaws.com"),
            "config.amazonaws.com", "config.amazonaws.com", Tls: false);
        for (var t = t0.AddSeconds(_ids.Next(5, 60)); t < end; t = t.AddSeconds(_ids.Next(240, 720)))
        {
            var n = _ids.Next(2, 6);
            for (var i = 0; i < n; i++)
            {
                Add(f, t.AddSeconds(i), config, _ids.Next(0, 6) switch
                {
                    0 => new Call("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                    1 => new Call("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                    2 when f.Region == East => new Call("iam", "GetRole") { Request = new JsonObject { ["roleName"] = _ids.Pick(["app-server-role", "orders-api-role", "Admin", "ci-deploy"]) } },
                    3 => new Call("s3", "GetBucketAcl") { Request = new JsonObject { ["bucketName"] = _ids.Pick(Buckets), ["acl"] = "" } },
                    4 => new Call("kms", "DescribeKey") { Request = new JsonObject { ["keyId"] = KmsKeyArn(f.Region) } },
                    _ => new Call("ec2", "DescribeVolumes") { Request = new JsonObject { ["volumeSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
                });
            }
        }
    }

    private void ScannerRun(LogObject f, DateTime t)
    {
        var scanner = Scanner();
        var calls = new List<Call>
        {
            new("sts", "GetCallerIdentity"),
            new("ec2", "DescribeRegions") { Request = new JsonObject { ["regionSet"] = new JsonObject(), ["allRegions"] = false } },
            new("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("ec2", "DescribeVolumes") { Request = new JsonObject { ["volumeSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            new("lambda", "ListFunctions20150331"),
            new("rds", "DescribeDBInstances"),
            new("kms", "ListKeys"),
        };
        if (f.Region == East)
        {
            calls.Add(new("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } });
            foreach (var bucket in Buckets)
            {
                var locked = bucket == Org.LockedBucket && t > LockedFrom && t < LockedUntil;
                calls.Add(new("s3", "GetBucketLocation") { Request = new JsonObject { ["bucketName"] = bucket, ["location"] = "" } });
                calls.Add(locked
                    ? new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" }, ErrorCode = "AccessDenied", ErrorMessage = "Access Denied" }
                    : bucket == "example-prod-app-logs"
                        ? new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" }, ErrorCode = "NoSuchBucketPolicy", ErrorMessage = "The bucket policy does not exist" }
                        : new("s3", "GetBucketPolicyStatus") { Request = new JsonObject { ["bucketName"] = bucket, ["policyStatus"] = "" } });
            }

            calls.Add(new("iam", "ListUsers"));
            foreach (var user in new[] { "alice", "bob", "deploy-bot", "inventory-scanner" })
            {
                calls.Add(new("iam", "ListAccessKeys") { Request = new JsonObject { ["userName"] = user } });
            }

            calls.Add(new("iam", "GetAccessKeyLastUsed") { Request = new JsonObject { ["accessKeyId"] = _deployBotKey } });
            calls.Add(new("iam", "GenerateCredentialReport") { ReadOnly = false, Response = new JsonObject { ["state"] = "STARTED", ["description"] = "No report exists. Starting a new report generation task" } });
            calls.Add(new("iam", "GetCredentialReport"));
        }

        var at = t;
        foreach (var call in calls)
        {
            Add(f, at, scanner, call);
            at = at.AddSeconds(_ids.Next(0, 3));
        }
    }
}

// ───────────────────────────── people and pipelines ─────────────────────────────
internal sealed partial class SampleGenerator
{
    private static readonly string LoginTo =
        "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_7f3c2a9e1b5d4c80";

    private Actor AdminSession(string name, string ip, string browser, DateTime created)
    {
        var key = _ids.Key("ASIA");
        return new Actor(() => Who.Role(Org.Prod, "Admin", _adminRoleId, name, key, created, mfa: true), ip, browser, Console: true);
    }

    /// <summary>IAM user signs in with MFA, then switches to the Admin role.</summary>
    private Actor HumanLogin(LogObject f, string name, string userId, string ip, string browser, DateTime t)
    {
        var signIn = new Actor(() => Who.IamUserSignIn(Org.Prod, name, userId), ip, browser);
        Add(f, t.AddSeconds(-9), signIn with { Identity = () => new JsonObject { ["type"] = "IAMUser", ["principalId"] = userId, ["accountId"] = Org.Prod, ["accessKeyId"] = "", ["userName"] = name } },
            new Call("signin", "CheckMfa")
            {
                EventType = "AwsConsoleSignIn",
                ReadOnly = false,
                NoRequestId = true,
                Response = new JsonObject { ["CheckMfa"] = "Success" },
                Additional = new JsonObject { ["MfaType"] = "Virtual MFA" },
            });
        Add(f, t, signIn, new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject
            {
                ["LoginTo"] = LoginTo,
                ["MobileVersion"] = "No",
                ["MFAIdentifier"] = $"arn:aws:iam::{Org.Prod}:mfa/{name}",
                ["MFAUsed"] = "Yes",
            },
        });
        var switched = t.AddSeconds(47);
        Add(f, switched, new Actor(() => Who.Role(Org.Prod, "Admin", _adminRoleId, name, "", switched, mfa: true), ip, browser), new Call("signin", "SwitchRole")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["SwitchRole"] = "Success" },
            Additional = new JsonObject
            {
                ["SwitchFrom"] = $"arn:aws:iam::{Org.Prod}:user/{name}",
                ["RedirectTo"] = "https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1",
            },
        });
        return AdminSession(name, ip, browser, switched);
    }

    private void ConsoleBrowse(LogObject f, Actor who, DateTime from, DateTime to, int count)
    {
        var span = (int)(to - from).TotalSeconds;
        var times = Enumerable.Range(0, count).Select(_ => from.AddSeconds(_ids.Next(0, span))).Order().ToList();
        foreach (var t in times)
        {
            var call = BrowseCall(f.Region);
            if (call.Service == "s3")
            {
                call = call with { Agent = Org.S3Console };
            }
            else if (_ids.Chance(15))
            {
                call = call with { Ip = "AWS Internal", Agent = "AWS Internal", InvokedBy = "AWS Internal" };
            }

            Add(f, t, who, call);
        }
    }

    private Call BrowseCall(string region)
    {
        var n = _ids.Next(0, region == East ? 16 : 11);
        return n switch
        {
            0 => new Call("ec2", "DescribeInstances") { Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject(), ["maxResults"] = 1000 } },
            1 => new Call("ec2", "DescribeSecurityGroups") { Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            2 => new Call("ec2", "DescribeVpcs") { Request = new JsonObject { ["vpcSet"] = new JsonObject(), ["filterSet"] = new JsonObject() } },
            3 => new Call("lambda", "ListFunctions20150331") { Request = new JsonObject { ["maxItems"] = 50 } },
            4 => new Call("lambda", "GetFunction20150331v2") { Request = new JsonObject { ["functionName"] = _ids.Pick(["orders-api", "nightly-report", "secret-rotation"]) } },
            5 => new Call("dynamodb", "DescribeTable") { Request = new JsonObject { ["tableName"] = "orders" } },
            6 => new Call("monitoring", "DescribeAlarms") { Request = new JsonObject { ["maxRecords"] = 100 } },
            7 => new Call("logs", "DescribeLogGroups") { Request = new JsonObject { ["limit"] = 50 } },
            8 => new Call("ssm", "DescribeParameters") { Request = new JsonObject { ["maxResults"] = 50 } },
            9 => new Call("kms", "ListAliases") { Request = new JsonObject { ["limit"] = 100 } },
            10 => new Call("cloudtrail", "GetTrailStatus") { Request = new JsonObject { ["name"] = $"arn:aws:cloudtrail:us-east-1:{Org.Prod}:trail/prod-local-trail" } },
            11 => new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } },
            12 => new Call("s3", "GetBucketEncryption") { Request = new JsonObject { ["bucketName"] = _ids.Pick(Buckets), ["encryption"] = "" } },
            13 => new Call("iam", "ListRoles") { Request = new JsonObject { ["maxItems"] = 1000 } },
            14 => new Call("iam", "GetRole") { Request = new JsonObject { ["roleName"] = _ids.Pick(["app-server-role", "orders-api-role", "ci-deploy"]) } },
            _ => new Call("iam", "GetAccountSummary"),
        };
    }

    private void BobWrites(LogObject f, Actor bob, DateTime t, bool first)
    {
        if (first)
        {
            Add(f, t, bob, new Call("ec2", "AuthorizeSecurityGroupIngress")
            {
                Request = new JsonObject
                {
                    ["groupId"] = "sg-0a1b2c3d4e5f60718",
                    ["ipPermissions"] = new JsonObject
                    {
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["ipProtocol"] = "tcp",
                            ["fromPort"] = 443,
                            ["toPort"] = 443,
                            ["ipRanges"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["cidrIp"] = "10.20.0.0/16", ["description"] = "internal https" }) },
                        }),
                    },
                },
                Response = new JsonObject { ["requestId"] = _ids.Uuid(), ["_return"] = true },
            });
            Add(f, t.AddMinutes(3).AddSeconds(12), bob, new Call("ssm", "PutParameter")
            {
                Request = new JsonObject { ["name"] = "/prod/orders/feature-flags", ["value"] = "HIDDEN_DUE_TO_SECURITY_REASONS", ["type"] = "String", ["overwrite"] = true },
                Response = new JsonObject { ["version"] = 7, ["tier"] = "Standard" },
            });
            Add(f, t.AddMinutes(6).AddSeconds(40), bob, new Call("kms", "EnableKeyRotation")
            {
                Request = new JsonObject { ["keyId"] = KmsKeyArn(f.Region) },
                Resources = [new JsonObject { ["accountId"] = f.Account, ["type"] = "AWS::KMS::Key", ["ARN"] = KmsKeyArn(f.Region) }],
            });
            return;
        }

        Add(f, t, bob, new Call("dynamodb", "UpdateContinuousBackups")
        {
            Request = new JsonObject { ["tableName"] = "orders", ["pointInTimeRecoverySpecification"] = new JsonObject { ["pointInTimeRecoveryEnabled"] = true } },
            Response = new JsonObject { ["continuousBackupsDescription"] = new JsonObject { ["continuousBackupsStatus"] = "ENABLED" } },
        });
        Add(f, t.AddMinutes(2).AddSeconds(5), bob, new Call("lambda", "UpdateFunctionConfiguration20150331v2")
        {
            Request = new JsonObject { ["functionName"] = "nightly-report", ["timeout"] = 120 },
            Response = new JsonObject { ["functionName"] = "nightly-report", ["functionArn"] = $"arn:aws:lambda:us-east-1:{Org.Prod}:function:nightly-report", ["timeout"] = 120, ["version"] = "$LATEST" },
        });
        Add(f, t.AddMinutes(9), bob with { Agent = Org.S3Console }, new Call("s3", "PutBucketTagging")
        {
            Request = new JsonObject
            {
                ["bucketName"] = "example-prod-artifacts",
                ["tagging"] = "",
                ["Tagging"] = new JsonObject { ["TagSet"] = new JsonObject { ["Tag"] = new JsonObject { ["Key"] = "cost-center", ["Value"] = "platform" } } },
            },
        });
        Add(f, t.AddMinutes(11).AddSeconds(30), bob, new Call("ec2", "CreateTags")
        {
            Request = new JsonObject
            {
                ["resourcesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["resourceId"] = "i-0abc1234def567890" }) },
                ["tagSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["key"] = "owner", ["value"] = "platform-team" }) },
            },
            Response = new JsonObject { ["requestId"] = _ids.Uuid(), ["_return"] = true },
        });
    }

    /// <summary>CI: deploy-bot's access key assumes ci-deploy; CloudFormation then acts with that session.</summary>
    private void Deploy(LogObject f, DateTime t, string run, bool announce)
    {
        Add(f, t, DeployBot("sts.get-caller-identity"), new Call("sts", "GetCallerIdentity"));
        var key = _ids.Key("ASIA");
        var created = t.AddSeconds(2);
        var roleArn = $"arn:aws:iam::{Org.Prod}:role/ci-deploy";
        Add(f, created, DeployBot("sts.assume-role"), new Call("sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = run, ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(key, created.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_ciDeployRoleId}:{run}", ["arn"] = $"arn:aws:sts::{Org.Prod}:assumed-role/ci-deploy/{run}" },
            },
            Resources = RoleResource(Org.Prod, roleArn),
        });
        var ci = new Actor(() => Who.Role(Org.Prod, "ci-deploy", _ciDeployRoleId, run, key, created, false), Org.CiRunner, Org.Cli("cloudformation.deploy"));
        var stackId = $"arn:aws:cloudformation:us-east-1:{Org.Prod}:stack/orders-api/{_ids.Uuid()}";
        var changeSet = "samcli-deploy" + _ids.Next(1_700_000, 1_799_999).ToString(CultureInfo.InvariantCulture);
        var artifact = "orders-api/" + _ids.Hex(32);
        Add(f, t.AddSeconds(6), ci with { Agent = Org.Cli("ecr.get-login-password") }, new Call("ecr", "GetAuthorizationToken"));
        Add(f, t.AddSeconds(12), ci, new Call("cloudformation", "DescribeStacks") { Request = new JsonObject { ["stackName"] = "orders-api" } });
        Add(f, t.AddSeconds(15), ci, new Call("cloudformation", "CreateChangeSet")
        {
            Request = new JsonObject
            {
                ["stackName"] = "orders-api",
                ["templateURL"] = $"https://example-prod-artifacts.s3.us-east-1.amazonaws.com/{artifact}.template",
                ["capabilities"] = new JsonArray("CAPABILITY_IAM"),
                ["changeSetName"] = changeSet,
                ["changeSetType"] = "UPDATE",
            },
            Response = new JsonObject { ["id"] = $"arn:aws:cloudformation:us-east-1:{Org.Prod}:changeSet/{changeSet}/{_ids.Uuid()}", ["stackId"] = stackId },
        });
        for (var i = 0; i < 3; i++)
        {
            Add(f, t.AddSeconds(20 + (5 * i)), ci, new Call("cloudformation", "DescribeChangeSet") { Request = new JsonObject { ["changeSetName"] = changeSet, ["stackName"] = "orders-api" } });
        }

        Add(f, t.AddSeconds(38), ci, new Call("cloudformation", "ExecuteChangeSet") { Request = new JsonObject { ["changeSetName"] = changeSet, ["stackName"] = "orders-api" } });
        var fnArn = $"arn:aws:lambda:us-east-1:{Org.Prod}:function:orders-api";
        var viaCfn = new Call("lambda", "UpdateFunctionCode20150331v2") { Ip = "cloudformation.amazonaws.com", Agent = "cloudformation.amazonaws.com", InvokedBy = "cloudformation.amazonaws.com" };
        Add(f, t.AddSeconds(44), ci, viaCfn with
        {
            Request = new JsonObject { ["functionName"] = fnArn, ["s3Bucket"] = "example-prod-artifacts", ["s3Key"] = artifact, ["publish"] = false },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = fnArn, ["runtime"] = "nodejs20.x", ["codeSize"] = 1843302, ["version"] = "$LATEST", ["lastUpdateStatus"] = "InProgress" },
        });
        Add(f, t.AddSeconds(49), ci, viaCfn with
        {
            Name = "UpdateFunctionConfiguration20150331v2",
            Request = new JsonObject { ["functionName"] = fnArn, ["environment"] = new JsonObject { ["variables"] = "HIDDEN_DUE_TO_SECURITY_REASONS" } },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = fnArn, ["version"] = "$LATEST" },
        });
        for (var i = 0; i < 6; i++)
        {
            Add(f, t.AddSeconds(45 + (10 * i)), ci, new Call("cloudformation", "DescribeStackEvents") { Request = new JsonObject { ["stackName"] = "orders-api" } });
        }

        var version = _ids.Next(40, 90).ToString(CultureInfo.InvariantCulture);
        var publish = Add(f, t.AddSeconds(112), DeployBot("lambda.publish-version"), new Call("lambda", "PublishVersion20150331")
        {
            Request = new JsonObject { ["functionName"] = "orders-api", ["description"] = run },
            Response = new JsonObject { ["functionName"] = "orders-api", ["functionArn"] = $"{fnArn}:{version}", ["version"] = version, ["state"] = "Active" },
        });
        Add(f, t.AddSeconds(115), DeployBot("lambda.update-alias"), new Call("lambda", "UpdateAlias20150331")
        {
            Request = new JsonObject { ["functionName"] = "orders-api", ["name"] = "live", ["functionVersion"] = version },
            Response = new JsonObject { ["aliasArn"] = $"{fnArn}:live", ["name"] = "live", ["functionVersion"] = version },
        });
        if (announce)
        {
            Story("deploy-bot PublishVersion (IAM user, AKIA key)", publish);
        }
    }

    private void DeployBotDenied(LogObject f, DateTime t)
    {
        for (var i = 0; i < 2; i++)
        {
            Add(f, t.AddSeconds(31 * i), DeployBot("iam.create-role"), new Call("iam", "CreateRole")
            {
                ErrorCode = "AccessDenied",
                ErrorMessage = $"User: arn:aws:iam::{Org.Prod}:user/deploy-bot is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::{Org.Prod}:role/orders-api-canary-role because no identity-based policy allows the iam:CreateRole action",
            });
        }
    }

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

// ───────────────────────────── scheduled jobs and AWS service events ─────────────────────────────
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

// ───────────────────────────── the root story ─────────────────────────────
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

    private void RootTakeover(LogObject f, DateTime t)
    {
        var browser = new Actor(() => RootSignIn(true), Org.Attacker, Org.Chrome);
        Story("excluded: sign-in CredentialVerification AwsServiceEvent, type Root", Add(f, t, browser with
        {
            Identity = () => new JsonObject { ["type"] = "Root", ["principalId"] = Org.Prod, ["arn"] = $"arn:aws:iam::{Org.Prod}:root", ["accountId"] = Org.Prod },
        }, new Call("signin", "CredentialVerification")
        {
            EventType = "AwsServiceEvent",
            ReadOnly = false,
            NoRequestId = true,
            Additional = new JsonObject { ["AuthWorkflowID"] = _ids.Uuid(), ["CredentialType"] = "PASSWORD" },
            ServiceEventDetails = new JsonObject { ["CredentialVerification"] = "Success" },
        }));
        var login = t.AddSeconds(2);
        Story("root console login WITHOUT MFA from the guessing IP", Add(f, login, browser, new Call("signin", "ConsoleLogin")
        {
            EventType = "AwsConsoleSignIn",
            ReadOnly = false,
            NoRequestId = true,
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject { ["LoginTo"] = AttackLoginTo, ["MobileVersion"] = "No", ["MFAUsed"] = "No" },
        }));

        var root = new Actor(() => Who.RootConsole(Org.Prod, Org.RootConsoleKey, login, mfa: false), Org.Attacker, Org.Chrome, Console: true);
        var consoleIam = new Call("iam", "") { InvokedBy = "signin.amazonaws.com", Agent = "console.amazonaws.com" };
        var trail = $"arn:aws:cloudtrail:us-east-1:{Org.Prod}:trail/prod-local-trail";
        var steps = new (int Seconds, string Label, Call Call)[]
        {
            (85, "root ListUsers (read)", new Call("iam", "ListUsers")),
            (119, "root GetAccountSummary (read)", new Call("iam", "GetAccountSummary")),
            (155, "root ListAccessKeys (read)", new Call("iam", "ListAccessKeys")),
            (158, "root ListMFADevices (read)", new Call("iam", "ListMFADevices")),
            (275, "root CreateAccessKey for itself", consoleIam with
            {
                Name = "CreateAccessKey",
                Response = new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = Org.RootAccessKey, ["status"] = "Active", ["createDate"] = Time.Us(t.AddSeconds(275)) } },
            }),
            (430, "root CreateUser backup-admin", consoleIam with
            {
                Name = "CreateUser",
                Request = new JsonObject { ["userName"] = "backup-admin" },
                Response = new JsonObject
                {
                    ["user"] = new JsonObject
                    {
                        ["path"] = "/",
                        ["userName"] = "backup-admin",
                        ["userId"] = "AIDA5BACKUPADMINEXMPL",
                        ["arn"] = $"arn:aws:iam::{Org.Prod}:user/backup-admin",
                        ["createDate"] = Time.Us(t.AddSeconds(430)),
                    },
                },
            }),
            (473, "root AttachUserPolicy AdministratorAccess", consoleIam with
            {
                Name = "AttachUserPolicy",
                Request = new JsonObject { ["userName"] = "backup-admin", ["policyArn"] = "arn:aws:iam::aws:policy/AdministratorAccess" },
            }),
            (516, "root CreateLoginProfile for backup-admin", consoleIam with
            {
                Name = "CreateLoginProfile",
                Request = new JsonObject { ["userName"] = "backup-admin", ["passwordResetRequired"] = false },
                Response = new JsonObject { ["loginProfile"] = new JsonObject { ["userName"] = "backup-admin", ["createDate"] = Time.Us(t.AddSeconds(516)), ["passwordResetRequired"] = false } },
            }),
            (664, "root DeactivateMFADevice (its own)", new Call("iam", "DeactivateMFADevice")
            {
                Request = new JsonObject { ["serialNumber"] = $"arn:aws:iam::{Org.Prod}:mfa/root-account-mfa-device" },
            }),
            (779, "root DescribeTrails (read)", new Call("cloudtrail", "DescribeTrails") { Request = new JsonObject { ["includeShadowTrails"] = true } }),
            (827, "root PutEventSelectors (drops data events)", new Call("cloudtrail", "PutEventSelectors")
            {
                Request = new JsonObject
                {
                    ["trailName"] = trail,
                    ["eventSelectors"] = new JsonArray(new JsonObject { ["readWriteType"] = "All", ["includeManagementEvents"] = true, ["dataResources"] = new JsonArray(), ["excludeManagementEventSources"] = new JsonArray() }),
                },
                Response = new JsonObject
                {
                    ["trailARN"] = trail,
                    ["eventSelectors"] = new JsonArray(new JsonObject { ["readWriteType"] = "All", ["includeManagementEvents"] = true, ["dataResources"] = new JsonArray(), ["excludeManagementEventSources"] = new JsonArray() }),
                },
            }),
            (977, "root StopLogging on prod-local-trail", new Call("cloudtrail", "StopLogging") { Request = new JsonObject { ["name"] = trail } }),
            (1079, "root LeaveOrganization denied by SCP", new Call("organizations", "LeaveOrganization")
            {
                ErrorCode = "AccessDeniedException",
                ErrorMessage = $"User: arn:aws:iam::{Org.Prod}:root is not authorized to perform: organizations:LeaveOrganization with an explicit deny in a service control policy",
            }),
            (1212, "root ListBuckets via S3 console (read)", new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" }, Agent = Org.S3Console }),
            (1250, "root GetBucketPolicy via S3 console (read)", new Call("s3", "GetBucketPolicy") { Request = new JsonObject { ["bucketName"] = "example-prod-customer-exports", ["policy"] = "" }, Agent = Org.S3Console }),
        };
        foreach (var (seconds, label, call) in steps)
        {
            Story(label, Add(f, t.AddSeconds(seconds), root, call));
        }
    }

    private void RootKeyUse(LogObject f, DateTime t)
    {
        Actor Cli(string command) => new(() => Who.RootWithKey(Org.Prod, Org.RootAccessKey), Org.AttackerCli, Org.AttackerCliAgent(command));
        Story("root access key: GetCallerIdentity", Add(f, t, Cli("sts.get-caller-identity"), new Call("sts", "GetCallerIdentity")));
        Story("root access key: ListBuckets", Add(f, t.AddSeconds(28), Cli("s3.ls"), new Call("s3", "ListBuckets") { Request = new JsonObject { ["Host"] = "s3.amazonaws.com" } }));
        Story("root access key: GetBucketPolicy", Add(f, t.AddSeconds(51), Cli("s3api.get-bucket-policy"), new Call("s3", "GetBucketPolicy") { Request = new JsonObject { ["bucketName"] = "example-prod-customer-exports", ["policy"] = "" } }));
        Story("root access key: ListAccessKeys", Add(f, t.AddSeconds(89), Cli("iam.list-access-keys"), new Call("iam", "ListAccessKeys")));
        Story("root access key: ListAttachedUserPolicies", Add(f, t.AddSeconds(124), Cli("iam.list-attached-user-policies"), new Call("iam", "ListAttachedUserPolicies") { Request = new JsonObject { ["userName"] = "backup-admin" } }));
    }

    /// <summary>An Admin writes a bucket policy that denies everyone, then is locked out (AccessDenied burst).</summary>
    private void BucketLockout(LogObject f, Actor alice, DateTime t)
    {
        var s3 = alice with { Agent = Org.S3Console };
        var bucketArn = $"arn:aws:s3:::{Org.LockedBucket}";
        Story("alice (Admin) writes a deny-all bucket policy", Add(f, t, s3, new Call("s3", "PutBucketPolicy")
        {
            Request = new JsonObject
            {
                ["bucketPolicy"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(new JsonObject
                    {
                        ["Sid"] = "OnlyPaymentsApp",
                        ["Effect"] = "Deny",
                        ["Principal"] = "*",
                        ["Action"] = "s3:*",
                        ["Resource"] = new JsonArray(bucketArn, bucketArn + "/*"),
                        ["Condition"] = new JsonObject { ["StringNotLike"] = new JsonObject { ["aws:PrincipalArn"] = $"arn:aws:iam::{Org.Prod}:role/payments-app-rol" } },
                    }),
                },
                ["bucketName"] = Org.LockedBucket,
                ["policy"] = "",
            },
            Resources = [new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = bucketArn }],
        }));
        foreach (var (seconds, name) in new[] { (55, "GetBucketPolicy"), (131, "PutBucketPolicy"), (362, "DeleteBucketPolicy") })
        {
            Add(f, t.AddSeconds(seconds), s3, new Call("s3", name)
            {
                ErrorCode = "AccessDenied",
                ErrorMessage = "Access Denied",
                Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
                Resources = [new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = bucketArn }],
            });
        }
    }

    private void UnlockWithAssumeRoot(LogObject f, DateTime t)
    {
        var created = Time.At(2026, 11, 10, 11, 20, 14);
        Actor Cli(string command) => new(() => Who.RootTask(Org.Prod, Org.AssumeRootKey, created), Org.Office, Org.Cli(command));
        var bucket = new JsonArray(new JsonObject { ["accountId"] = Org.Prod, ["type"] = "AWS::S3::Bucket", ["ARN"] = $"arn:aws:s3:::{Org.LockedBucket}" });
        Story("AssumeRoot session: GetBucketPolicy on the locked bucket", Add(f, t, Cli("s3api.get-bucket-policy"), new Call("s3", "GetBucketPolicy")
        {
            Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
            Resources = bucket,
        }));
        Story("AssumeRoot session: DeleteBucketPolicy unlocks the bucket", Add(f, t.AddSeconds(44), Cli("s3api.delete-bucket-policy"), new Call("s3", "DeleteBucketPolicy")
        {
            Request = new JsonObject { ["bucketName"] = Org.LockedBucket, ["policy"] = "" },
            Resources = bucket,
        }));
    }

    /// <summary>Management account: dana signs in through Identity Center, chains to OrgSecurityAdmin, calls AssumeRoot.</summary>
    private void ManagementDay(LogObject f, DateTime start, DateTime end)
    {
        Config(f, start, end);
        var t = Time.At(2026, 11, 10, 11, 12, 5);
        var ssoKey = _ids.Key("ASIA");
        const string path = "/aws-reserved/sso.amazonaws.com/";
        var ssoRoleArn = $"arn:aws:iam::{Org.Mgmt}:role{path}{SsoSecurityAdmin}";
        var provider = $"arn:aws:iam::{Org.Mgmt}:saml-provider/AWSSSO_1a2b3c4d5e6f7089_DO_NOT_DELETE";
        var saml = new Actor(() => new JsonObject
        {
            ["type"] = "SAMLUser",
            ["principalId"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=:dana@example.com",
            ["userName"] = "dana@example.com",
            ["identityProvider"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
        }, "192.0.2.15", "aws-sdk-java/1.12.770 Linux/5.10.227-198.884.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard");
        Add(f, t, saml, new Call("sts", "AssumeRoleWithSAML")
        {
            Request = new JsonObject { ["sAMLAssertionID"] = "_" + _ids.Uuid(), ["roleSessionName"] = "dana@example.com", ["roleArn"] = ssoRoleArn, ["principalArn"] = provider, ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(ssoKey, t.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_mgmtSsoRoleId}:dana@example.com", ["arn"] = $"arn:aws:sts::{Org.Mgmt}:assumed-role/{SsoSecurityAdmin}/dana@example.com" },
                ["subject"] = "dana@example.com",
                ["subjectType"] = "persistent",
                ["issuer"] = "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/ODQ0NDU1NTU2NjY2X2lucy1leGFtcGxl",
                ["audience"] = "https://signin.aws.amazon.com/saml",
                ["nameQualifier"] = "qS1MzEVuQSYu9FbbELk3WcXo7Wk=",
            },
            Resources = RoleResource(Org.Mgmt, ssoRoleArn),
        });
        var sso = new Actor(() => Who.Role(Org.Mgmt, SsoSecurityAdmin, _mgmtSsoRoleId, "dana@example.com", ssoKey, t, false, path), Org.Office, Org.Cli("sts.get-caller-identity"));
        Add(f, t.AddSeconds(135), sso, new Call("sts", "GetCallerIdentity"));
        Add(f, t.AddSeconds(177), sso with { Agent = Org.Cli("organizations.describe-organization") }, new Call("organizations", "DescribeOrganization"));
        Add(f, t.AddSeconds(181), sso with { Agent = Org.Cli("organizations.list-accounts") }, new Call("organizations", "ListAccounts"));
        var chained = t.AddSeconds(395);
        var osaKey = _ids.Key("ASIA");
        var osaArn = $"arn:aws:iam::{Org.Mgmt}:role/OrgSecurityAdmin";
        Add(f, chained, sso with { Agent = Org.Cli("sts.assume-role") }, new Call("sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = osaArn, ["roleSessionName"] = "dana", ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = Credentials(osaKey, chained.AddHours(1)),
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = $"{_orgSecurityAdminId}:dana", ["arn"] = $"arn:aws:sts::{Org.Mgmt}:assumed-role/OrgSecurityAdmin/dana" },
            },
            Resources = RoleResource(Org.Mgmt, osaArn),
        });
        Actor Osa(string command) => new(() => Who.Role(Org.Mgmt, "OrgSecurityAdmin", _orgSecurityAdminId, "dana", osaKey, chained, false), Org.Office, Org.Cli(command));
        Add(f, Time.At(2026, 11, 10, 11, 19, 30), Osa("organizations.describe-account"), new Call("organizations", "DescribeAccount") { Request = new JsonObject { ["accountId"] = Org.Prod } });
        var assumeRoot = Time.At(2026, 11, 10, 11, 20, 14);
        Story("management: OrgSecurityAdmin calls sts:AssumeRoot for 111122223333", Add(f, assumeRoot, Osa("sts.assume-root"), new Call("sts", "AssumeRoot")
        {
            Request = new JsonObject
            {
                ["targetPrincipal"] = Org.Prod,
                ["taskPolicyArn"] = new JsonObject { ["arn"] = "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy" },
                ["durationSeconds"] = 900,
            },
            Response = new JsonObject
            {
                ["credentials"] = new JsonObject
                {
                    ["accessKeyId"] = Org.AssumeRootKey,
                    ["sessionToken"] = _ids.FakeToken(),
                    ["expiration"] = Time.Us(assumeRoot.AddSeconds(900)),
                },
            },
        }));
        Add(f, Time.At(2026, 11, 10, 11, 31, 40), Osa("organizations.list-policies-for-target"), new Call("organizations", "ListPoliciesForTarget")
        {
            Request = new JsonObject { ["targetId"] = Org.Prod, ["filter"] = "SERVICE_CONTROL_POLICY" },
        });
    }
}

// ───────────────────────────── writing objects and envelopes ─────────────────────────────
internal sealed partial class SampleGenerator
{
    private const string Queue = $"arn:aws:sqs:us-east-1:{Org.Mgmt}:monitor-cloudtrail-ingest";
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true, NewLine = "\n" };
    private readonly Dictionary<string, byte[]> _written = new(StringComparer.Ordinal);
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    private void Write()
    {
        var objectsDir = Path.Combine(_outDir, "objects");
        if (Directory.Exists(objectsDir))
        {
            Directory.Delete(objectsDir, recursive: true);
        }

        var story = new HashSet<JsonObject>(_story.Select(s => s.Record), ReferenceEqualityComparer.Instance);
        foreach (var f in _objects)
        {
            var ordered = f.Records.OrderBy(r => r["eventTime"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            // CloudTrail files are only roughly time-ordered; swap a few neighbouring routine records.
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (!story.Contains(ordered[i]) && !story.Contains(ordered[i + 1]) && _ids.Chance(6))
                {
                    (ordered[i], ordered[i + 1]) = (ordered[i + 1], ordered[i]);
                }
            }

            var json = new JsonObject { ["Records"] = new JsonArray([.. ordered]) }.ToJsonString(Compact);
            WriteObject(f.Key, Encoding.UTF8.GetBytes(json));
        }

        var digestKey = WriteDigest();
        WriteEnvelopes(digestKey);
        Verify();
        Report();
    }

    private void WriteObject(string key, byte[] content)
    {
        using var buffer = new MemoryStream();
        // GZipStream writes mtime 0 and no file name, so the bytes depend only on the content.
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var bytes = buffer.ToArray();
        var path = Path.Combine(_outDir, "objects", Org.Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _written[key] = bytes;
    }

    private string WriteDigest()
    {
        var covered = _objects.Where(o => o.Account == Org.Prod && o.Region == East && o.Delivered > Time.At(2026, 11, 10, 17, 35, 12) && o.Delivered <= Time.At(2026, 11, 10, 18, 35, 12)).ToList();
        var end = Time.At(2026, 11, 10, 18, 35, 12);
        var folder = $"AWSLogs/{Org.Prod}/CloudTrail-Digest/us-east-1/2026/11/10/";
        var key = $"{folder}{Org.Prod}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261110T183512Z.json.gz";
        var logFiles = new JsonArray();
        foreach (var o in covered)
        {
            var times = o.Records.Select(r => r["eventTime"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            logFiles.Add(new JsonObject
            {
                ["s3Bucket"] = Org.Bucket,
                ["s3Object"] = o.Key,
                ["hashValue"] = Convert.ToHexString(SHA256.HashData(Gunzip(_written[o.Key]))).ToLowerInvariant(),
                ["hashAlgorithm"] = "SHA-256",
                ["newestEventTime"] = times[^1],
                ["oldestEventTime"] = times[0],
            });
        }

        var digest = new JsonObject
        {
            ["awsAccountId"] = Org.Prod,
            ["digestStartTime"] = Time.Iso(end.AddHours(-1)),
            ["digestEndTime"] = Time.Iso(end),
            ["digestS3Bucket"] = Org.Bucket,
            ["digestS3Object"] = key,
            ["digestPublicKeyFingerprint"] = _ids.Hex(32),
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = logFiles[^1]!["newestEventTime"]!.GetValue<string>(),
            ["oldestEventTime"] = logFiles[0]!["oldestEventTime"]!.GetValue<string>(),
            ["previousDigestS3Bucket"] = Org.Bucket,
            ["previousDigestS3Object"] = $"{folder}{Org.Prod}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261110T173512Z.json.gz",
            ["previousDigestHashValue"] = _ids.Hex(64),
            ["previousDigestHashAlgorithm"] = "SHA-256",
            ["previousDigestSignature"] = _ids.Hex(512),
            ["logFiles"] = logFiles,
        };
        WriteObject(key, Encoding.UTF8.GetBytes(digest.ToJsonString(Compact)));
        return key;
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private void WriteEnvelopes(string digestKey)
    {
        var prodDay = _objects.Where(o => o.Account == Org.Prod && o.Delivered.Date == Time.At(2026, 11, 10, 0, 0, 0)).OrderBy(o => o.Delivered).ToList();
        var nov3 = _objects.Single(o => o.Delivered.Date == Time.At(2026, 11, 3, 0, 0, 0));
        var nov9 = _objects.Single(o => o.Delivered.Date == Time.At(2026, 11, 9, 0, 0, 0));
        var mgmt = _objects.Where(o => o.Account == Org.Mgmt).ToList();

        var direct = new List<JsonObject> { Sqs(TestEvent(Time.At(2026, 11, 10, 1, 58, 3)), Time.At(2026, 11, 10, 1, 58, 3), S3Sender) };
        direct.AddRange(prodDay.Select(o => Sqs(S3Notification(o.Key, o.Delivered), o.Delivered.AddSeconds(2), S3Sender)));
        Sample("03-sqs-s3-notifications.json", direct);

        const string s3Topic = $"arn:aws:sns:us-east-1:{Org.Mgmt}:example-org-cloudtrail-events";
        Sample("01-sqs-sns-s3-notification.json", [.. new[] { nov3 }.Concat(mgmt).Select(o =>
            Sqs(SnsEnvelope(s3Topic, "Amazon S3 Notification", S3Notification(o.Key, o.Delivered), o.Delivered.AddSeconds(2)), o.Delivered.AddSeconds(3), SnsSender))]);

        const string trailTopic = $"arn:aws:sns:us-east-1:{Org.Mgmt}:org-cloudtrail-delivery";
        var first = prodDay[0];
        var notice = new JsonObject { ["s3Bucket"] = Org.Bucket, ["s3ObjectKey"] = new JsonArray(nov9.Key, first.Key) }.ToJsonString(Compact);
        _referenced.Add(nov9.Key);
        _referenced.Add(first.Key);
        Sample("02-sqs-cloudtrail-sns-notice.json", [Sqs(SnsEnvelope(trailTopic, null, notice, first.Delivered.AddSeconds(1)), first.Delivered.AddSeconds(2), SnsSender)]);

        var digestAt = Time.At(2026, 11, 10, 18, 35, 14);
        Sample("06-sqs-digest-and-test.json",
        [
            Sqs(S3Notification(digestKey, digestAt), digestAt.AddSeconds(1), S3Sender),
            Sqs(TestEvent(Time.At(2026, 11, 10, 18, 40, 0)), Time.At(2026, 11, 10, 18, 40, 0), S3Sender),
        ]);

        var login = _story.Single(s => s.Label.StartsWith("root console login WITHOUT MFA", StringComparison.Ordinal)).Record;
        File.WriteAllText(Path.Combine(_outDir, "05-eventbridge-root-console-login.json"), EventBridge(login, "AWS Console Sign In via CloudTrail", "aws.signin").ToJsonString(Pretty) + "\n");

        var stop = _story.Single(s => s.Label.StartsWith("root StopLogging", StringComparison.Ordinal)).Record;
        var publish = _story.Single(s => s.Label.StartsWith("deploy-bot PublishVersion", StringComparison.Ordinal)).Record;
        Sample("04-sqs-eventbridge.json",
        [
            Sqs(EventBridge(publish, "AWS API Call via CloudTrail", "aws.lambda").ToJsonString(Compact), Time.Parse(publish).AddSeconds(40), EventsSender),
            Sqs(EventBridge(stop, "AWS API Call via CloudTrail", "aws.cloudtrail").ToJsonString(Compact), Time.Parse(stop).AddSeconds(35), EventsSender),
        ]);
    }

    private const string S3Sender = "AIDAJHIPRHEMV73VRJEBU";
    private const string SnsSender = "AIDAIT2UOQQY3AUEKVGXU";
    private const string EventsSender = "AIDAIE6VAXUQU2DKHA7DK";

    private void Sample(string name, List<JsonObject> records)
    {
        var doc = new JsonObject { ["Records"] = new JsonArray([.. records]) };
        File.WriteAllText(Path.Combine(_outDir, name), doc.ToJsonString(Pretty) + "\n");
    }

    private JsonObject Sqs(string body, DateTime sent, string sender)
    {
        var ms = Time.EpochMillis(sent) + _ids.Next(0, 999);
        return new JsonObject
        {
            ["messageId"] = _ids.Uuid(),
            ["receiptHandle"] = "AQEB" + _ids.From("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 180),
            ["body"] = body,
            ["attributes"] = new JsonObject
            {
                ["ApproximateReceiveCount"] = "1",
                ["SentTimestamp"] = ms.ToString(CultureInfo.InvariantCulture),
                ["SenderId"] = sender,
                ["ApproximateFirstReceiveTimestamp"] = (ms + _ids.Next(3, 40)).ToString(CultureInfo.InvariantCulture),
            },
            ["messageAttributes"] = new JsonObject(),
            ["md5OfBody"] = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body))).ToLowerInvariant(),
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = Queue,
            ["awsRegion"] = "us-east-1",
        };
    }

    private string TestEvent(DateTime t) => new JsonObject
    {
        ["Service"] = "Amazon S3",
        ["Event"] = "s3:TestEvent",
        ["Time"] = Time.IsoMillis(t),
        ["Bucket"] = Org.Bucket,
        ["RequestId"] = _ids.S3RequestId(),
        ["HostId"] = _ids.AmzId2(),
    }.ToJsonString(Compact);

    private string S3Notification(string key, DateTime delivered)
    {
        _referenced.Add(key);
        var bytes = _written[key];
        var at = delivered.AddMilliseconds(_ids.Next(200, 1900));
        var record = new JsonObject
        {
            ["eventVersion"] = "2.1",
            ["eventSource"] = "aws:s3",
            ["awsRegion"] = "us-east-1",
            ["eventTime"] = Time.IsoMillis(at),
            ["eventName"] = "ObjectCreated:Put",
            ["userIdentity"] = new JsonObject { ["principalId"] = "AWS:AROA5CLOUDTRAILDELIV:regionalDeliverySession" },
            ["requestParameters"] = new JsonObject { ["sourceIPAddress"] = "192.0.2.10" },
            ["responseElements"] = new JsonObject { ["x-amz-request-id"] = _ids.S3RequestId(), ["x-amz-id-2"] = _ids.AmzId2() },
            ["s3"] = new JsonObject
            {
                ["s3SchemaVersion"] = "1.0",
                ["configurationId"] = "cloudtrail-to-monitor",
                ["bucket"] = new JsonObject
                {
                    ["name"] = Org.Bucket,
                    ["ownerIdentity"] = new JsonObject { ["principalId"] = "A3NL1KOZZKExample" },
                    ["arn"] = $"arn:aws:s3:::{Org.Bucket}",
                },
                ["object"] = new JsonObject
                {
                    ["key"] = FormEncode(key),
                    ["size"] = bytes.Length,
                    ["eTag"] = Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant(),
                    ["sequencer"] = (Time.EpochMillis(at) * 4096).ToString("X18", CultureInfo.InvariantCulture),
                },
            },
        };
        return new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString(Compact);
    }

    // S3 notifications carry keys form-URL-encoded ('+' for space, %XX otherwise; '/' kept).
    private static string FormEncode(string key)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '*')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    // SNS renders its envelope with " : " separators and two-space indents; kept as delivered.
    private string SnsEnvelope(string topic, string? subject, string message, DateTime at)
    {
        static string Q(string s) => JsonValue.Create(s).ToJsonString(Compact);
        var fields = new List<(string, string)>
        {
            ("Type", "Notification"),
            ("MessageId", _ids.Uuid()),
            ("TopicArn", topic),
        };
        if (subject is not null)
        {
            fields.Add(("Subject", subject));
        }

        fields.Add(("Message", message));
        fields.Add(("Timestamp", Time.IsoMillis(at.AddMilliseconds(_ids.Next(0, 999)))));
        fields.Add(("SignatureVersion", "1"));
        fields.Add(("Signature", "EXAMPLE" + _ids.From("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 337) + "="));
        fields.Add(("SigningCertURL", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-" + _ids.Hex(32) + ".pem"));
        fields.Add(("UnsubscribeURL", $"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topic}:{_ids.Uuid()}"));
        return "{\n" + string.Join(",\n", fields.Select(f => $"  {Q(f.Item1)} : {Q(f.Item2)}")) + "\n}";
    }

    private JsonObject EventBridge(JsonObject record, string detailType, string source) => new()
    {
        ["version"] = "0",
        ["id"] = _ids.Uuid(),
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = record["recipientAccountId"]!.GetValue<string>(),
        ["time"] = record["eventTime"]!.GetValue<string>(),
        ["region"] = record["awsRegion"]!.GetValue<string>(),
        ["resources"] = new JsonArray(),
        ["detail"] = record.DeepClone(),
    };
}

// ───────────────────────────── self-check and summary ─────────────────────────────
internal sealed partial class SampleGenerator
{
    private void Verify()
    {
        var root = Path.Combine(_outDir, "objects", Org.Bucket);
        var onDisk = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in onDisk)
        {
            var doc = JsonNode.Parse(Gunzip(File.ReadAllBytes(Path.Combine(root, key))))!.AsObject();
            if (!key.Contains("/CloudTrail/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var r in doc["Records"]!.AsArray())
            {
                if (!eventIds.Add(r!["eventID"]!.GetValue<string>()))
                {
                    throw new InvalidOperationException($"duplicate eventID in {key}");
                }

                var token = r["responseElements"]?["credentials"]?["sessionToken"]?.GetValue<string>();
                if (token is not null && !token.StartsWith("EXAMPLE-FAKE", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"session token that is not obviously fake in {key}");
                }
            }
        }

        var missing = _referenced.Where(k => !onDisk.Contains(k)).ToList();
        var unreferenced = onDisk.Where(k => !_referenced.Contains(k)).ToList();
        if (missing.Count > 0 || unreferenced.Count > 0)
        {
            throw new InvalidOperationException($"missing: {string.Join(", ", missing)}; unreferenced: {string.Join(", ", unreferenced)}");
        }
    }

    private void Report()
    {
        var total = 0;
        foreach (var o in _objects)
        {
            total += o.Records.Count;
            Console.WriteLine(FormattableString.Invariant($"{o.Records.Count,5}  {o.Key}"));
        }

        Console.WriteLine(FormattableString.Invariant($"{total,5}  records in {_objects.Count} log objects (+1 digest)"));
        Console.WriteLine();
        foreach (var (label, r) in _story)
        {
            var key = r["userIdentity"]?["accessKeyId"]?.GetValue<string>();
            Console.WriteLine(FormattableString.Invariant(
                $"{r["eventTime"]}  {r["sourceIPAddress"],-22} {r["eventName"],-26} {(string.IsNullOrEmpty(key) ? "-" : key),-21} {r["eventID"]}  {label}"));
        }
    }
}
