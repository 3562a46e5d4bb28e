using System.Text.Json;
using Monitor.LeastPrivilege.Resources;
using Monitor.Records;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>An action a call needs besides its primary one, with the resources the record proves (empty: derive them).</summary>
internal sealed record SecondaryNeed(string Action, IReadOnlyList<string> Resources, string? PassedToService = null);

/// <summary>
/// Actions CloudTrail never logs on their own but a record proves were authorized: <c>iam:PassRole</c> for a
/// role ARN handed to a service, tag-on-create, the source read of an S3 copy, the layers a Lambda function
/// uses, session tags and source identity on AssumeRole. Only evidence in the record adds an action.
/// </summary>
internal static class SecondaryActions
{
    private static readonly string[] TagFields = ["tags", "tagSpecificationSet", "tagSpecifications", "tagList", "tagsList"];

    private static readonly string[] TagActions = ["TagResource", "AddTags", "AddTagsToResource", "CreateTags", "TagResources"];

    public static IEnumerable<SecondaryNeed> For(Catalog.IamCatalog catalog, string prefix, string eventName, Activity activity)
    {
        var parameters = activity.Record?.RequestParameters;
        if (parameters is not { ValueKind: JsonValueKind.Object })
        {
            yield break;
        }

        foreach (var need in PassRole(prefix, activity, parameters))
        {
            yield return need;
        }

        if (IsCreate(eventName) && TagFields.Any(f => RecordFields.HasContent(parameters, f)))
        {
            yield return new SecondaryNeed(TagAction(catalog, prefix, eventName), []);
        }

        switch ($"{prefix}:{eventName}")
        {
            case "s3:CopyObject" or "s3:UploadPartCopy" when CopySource(parameters, activity) is { } source:
                yield return new SecondaryNeed("s3:GetObject", [source]);
                break;
            case "sts:AssumeRole" or "sts:AssumeRoleWithSAML" or "sts:AssumeRoleWithWebIdentity":
                if (RecordFields.HasContent(parameters, "tags") || RecordFields.HasContent(parameters, "transitiveTagKeys"))
                {
                    yield return new SecondaryNeed("sts:TagSession", []);
                }

                if (RecordFields.HasContent(parameters, "sourceIdentity"))
                {
                    yield return new SecondaryNeed("sts:SetSourceIdentity", []);
                }

                break;
            default:
                break;
        }

        if (prefix == "lambda" && (eventName.StartsWith("CreateFunction", StringComparison.Ordinal) || eventName.StartsWith("UpdateFunctionConfiguration", StringComparison.Ordinal)))
        {
            foreach (var layer in RecordFields.Strings(parameters, "layers"))
            {
                yield return new SecondaryNeed("lambda:GetLayerVersion", [layer]);
            }
        }
    }

    /// <summary>
    /// A role ARN under a role-named parameter is a role handed to the service, which needs <c>iam:PassRole</c>.
    /// IAM and STS calls name roles they act on, never pass them.
    /// </summary>
    private static IEnumerable<SecondaryNeed> PassRole(string prefix, Activity activity, JsonElement? parameters)
    {
        if (prefix is "iam" or "sts")
        {
            yield break;
        }

        var passed = RecordFields.AllStrings(parameters)
            .Where(p => p.Name.Contains("role", StringComparison.OrdinalIgnoreCase) && IsRoleArn(p.Value))
            .Select(p => p.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (passed.Length > 0)
        {
            yield return new SecondaryNeed("iam:PassRole", passed, activity.EventSource);
        }
    }

    private static bool IsRoleArn(string value) =>
        value.StartsWith("arn:", StringComparison.Ordinal) && value.Contains(":iam::", StringComparison.Ordinal) && value.Contains(":role/", StringComparison.Ordinal);

    private static bool IsCreate(string eventName) =>
        eventName.StartsWith("Create", StringComparison.Ordinal) || eventName.StartsWith("Run", StringComparison.Ordinal)
        || eventName.StartsWith("Allocate", StringComparison.Ordinal) || eventName.StartsWith("Import", StringComparison.Ordinal)
        || eventName.StartsWith("Register", StringComparison.Ordinal) || eventName.StartsWith("Copy", StringComparison.Ordinal);

    /// <summary>IAM tags each entity type with its own action; EC2 with CreateTags; the rest with their service's tag action.</summary>
    private static string TagAction(Catalog.IamCatalog catalog, string prefix, string eventName)
    {
        if (prefix == "iam" && eventName.StartsWith("Create", StringComparison.Ordinal))
        {
            return $"iam:Tag{eventName["Create".Length..]}";
        }

        if (prefix == "ec2")
        {
            return "ec2:CreateTags";
        }

        var known = TagActions.Select(a => $"{prefix}:{a}").FirstOrDefault(a => catalog.Find(a) is not null);
        return known ?? $"{prefix}:TagResource";
    }

    /// <summary><c>x-amz-copy-source</c> is <c>bucket/key</c>, URL-encoded, optionally with <c>?versionId=</c>.</summary>
    private static string? CopySource(JsonElement? parameters, Activity activity)
    {
        var source = RecordFields.StringIgnoringCase(parameters, "x-amz-copy-source");
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        var query = source.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(query >= 0 ? source[..query] : source).TrimStart('/');
        return path.Contains('/', StringComparison.Ordinal) ? $"arn:{Arn.PartitionOf(activity.Principal.Arn ?? activity.Principal.Key)}:s3:::{path}" : null;
    }
}
