using Monitor.LeastPrivilege.Catalog;

namespace Monitor.LeastPrivilege.Granted;

/// <summary>
/// Whether the inputs could have shown an action being used. CloudTrail never logs <c>iam:PassRole</c>,
/// session tagging or governance bypass as events of their own, and logs data-plane actions only when a trail
/// records data events (or, for S3, server access logs are read). A granted action the inputs could not
/// have observed is "usage unknown", never "unused".
/// </summary>
internal sealed class Observability(IReadOnlySet<string> dataEventServices)
{
    private static readonly HashSet<string> NeverLogged = new(StringComparer.OrdinalIgnoreCase)
    {
        "iam:PassRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext", "s3:BypassGovernanceRetention",
        "logs:PutLogEvents", "kms:ReEncryptFrom", "kms:ReEncryptTo",
    };

    private static readonly HashSet<string> DataPlane = new(StringComparer.OrdinalIgnoreCase)
    {
        "lambda:InvokeFunction", "lambda:InvokeFunctionUrl",
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:Scan",
        "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:PartiQLSelect",
        "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete",
        "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
        "sns:Publish", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts",
    };

    public bool CanObserve(CatalogAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var name = action.Action.ToString();
        if (NeverLogged.Contains(name))
        {
            return false;
        }

        var dataPlane = DataPlane.Contains(name)
            || action.Action.Service == "s3-object-lambda"
            || (action.Action.Service == "s3" && action.ResourceTypes.Any(t => t.Name is "object" or "accesspointobject"));
        return !dataPlane || dataEventServices.Contains(action.Action.Service == "s3-object-lambda" ? "s3" : action.Action.Service);
    }
}
