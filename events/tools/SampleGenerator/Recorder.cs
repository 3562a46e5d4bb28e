using System.Security.Cryptography;
using System.Text.Json.Nodes;

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
