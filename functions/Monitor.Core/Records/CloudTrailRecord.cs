using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Records;

/// <summary>
/// One CloudTrail record as delivered, read through the source-generated <see cref="CloudTrailJsonContext"/>.
/// Scalars are read leniently (<see cref="LenientStringConverter"/>): real logs carry nulls, numbers where
/// strings are documented, and <c>"redacted"</c> timestamps, and none of that may throw. Typed blocks of the wrong
/// kind read as absent (<see cref="LenientObjectConverter{T}"/>), odd <c>resources</c> entries are dropped. Free-form blocks
/// (<c>requestParameters</c>, <c>responseElements</c>, <c>additionalEventData</c>) stay as JSON for the
/// detectors and the policy engine to read on demand.
/// </summary>
public sealed class CloudTrailRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? EventVersion { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<UserIdentityRecord>))] public UserIdentityRecord? UserIdentity { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? EventTime { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? EventSource { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? EventName { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AwsRegion { get; set; }
    [JsonPropertyName("sourceIPAddress")][JsonConverter(typeof(LenientStringConverter))] public string? SourceIpAddress { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? UserAgent { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? ErrorCode { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? ErrorMessage { get; set; }
    public JsonElement? RequestParameters { get; set; }
    public JsonElement? ResponseElements { get; set; }
    public JsonElement? AdditionalEventData { get; set; }
    [JsonPropertyName("requestID")][JsonConverter(typeof(LenientStringConverter))] public string? RequestId { get; set; }
    [JsonPropertyName("eventID")][JsonConverter(typeof(LenientStringConverter))] public string? EventId { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? ReadOnly { get; set; }
    [JsonConverter(typeof(LenientObjectListConverter<ResourceRecord>))] public List<ResourceRecord?>? Resources { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? EventType { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? ApiVersion { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? ManagementEvent { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? RecipientAccountId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? SharedEventId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? VpcEndpointId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? EventCategory { get; set; }
    [JsonConverter(typeof(LenientBooleanConverter))] public bool? SessionCredentialFromConsole { get; set; }
}

/// <summary>The <c>userIdentity</c> block.</summary>
public sealed class UserIdentityRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Type { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? PrincipalId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Arn { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AccountId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AccessKeyId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? UserName { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? InvokedBy { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? IdentityProvider { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? CredentialId { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<SessionContextRecord>))] public SessionContextRecord? SessionContext { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<OnBehalfOfRecord>))] public OnBehalfOfRecord? OnBehalfOf { get; set; }
}

/// <summary>The <c>userIdentity.sessionContext</c> block.</summary>
public sealed class SessionContextRecord
{
    [JsonConverter(typeof(LenientObjectConverter<SessionIssuerRecord>))] public SessionIssuerRecord? SessionIssuer { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<SessionAttributesRecord>))] public SessionAttributesRecord? Attributes { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<WebIdFederationRecord>))] public WebIdFederationRecord? WebIdFederationData { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? SourceIdentity { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Ec2RoleDelivery { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AssumedRoot { get; set; }
}

/// <summary>The <c>sessionContext.sessionIssuer</c> block: the role or user that issued the session.</summary>
public sealed class SessionIssuerRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Type { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? PrincipalId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Arn { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AccountId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? UserName { get; set; }
}

/// <summary>The <c>sessionContext.attributes</c> block.</summary>
public sealed class SessionAttributesRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? CreationDate { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? MfaAuthenticated { get; set; }
}

/// <summary>The <c>sessionContext.webIdFederationData</c> block.</summary>
public sealed class WebIdFederationRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? FederatedProvider { get; set; }
    public JsonElement? Attributes { get; set; }
}

/// <summary>The <c>userIdentity.onBehalfOf</c> block (IAM Identity Center users).</summary>
public sealed class OnBehalfOfRecord
{
    [JsonConverter(typeof(LenientStringConverter))] public string? UserId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? IdentityStoreArn { get; set; }
}

/// <summary>One entry of <c>resources[]</c>.</summary>
public sealed class ResourceRecord
{
    [JsonPropertyName("ARN")][JsonConverter(typeof(LenientStringConverter))] public string? Arn { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? AccountId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Type { get; set; }
}
