using System.Text.Json.Serialization;

namespace Monitor.Records;

/// <summary>Source-generated (AOT-safe) JSON metadata for CloudTrail records.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CloudTrailRecord))]
public sealed partial class CloudTrailJsonContext : JsonSerializerContext;
