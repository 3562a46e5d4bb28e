using System.Text.Json.Serialization;

namespace Monitor.Records;

/// <summary>
/// Source-generated (AOT-safe) JSON metadata for CloudTrail records. The blocks read through the lenient converters
/// are listed too, because those converters look their metadata up by type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CloudTrailRecord))]
[JsonSerializable(typeof(UserIdentityRecord))]
[JsonSerializable(typeof(SessionContextRecord))]
[JsonSerializable(typeof(SessionIssuerRecord))]
[JsonSerializable(typeof(SessionAttributesRecord))]
[JsonSerializable(typeof(WebIdFederationRecord))]
[JsonSerializable(typeof(OnBehalfOfRecord))]
[JsonSerializable(typeof(ResourceRecord))]
internal sealed partial class CloudTrailJsonContext : JsonSerializerContext;
