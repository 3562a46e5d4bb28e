using Monitor.Records;

namespace Monitor.Detection.Workloads;

/// <summary>How far a call reached, in rising order: what a stolen session's finding is graded on.</summary>
internal enum Reach
{
    /// <summary>Looking around: list, describe, get-caller-identity.</summary>
    Listing,

    /// <summary>Reading data or secrets: objects, secrets, parameters, decryption, images, password data.</summary>
    ReadingData,

    /// <summary>Changing something outside IAM.</summary>
    Changing,

    /// <summary>Minting more credentials: assuming another role, a federation or session token.</summary>
    MintingCredentials,

    /// <summary>Changing IAM: users, keys, roles, policies.</summary>
    ChangingIam,
}

/// <summary>Sorts a call into its <see cref="Reach"/>.</summary>
internal static class CallReach
{
    // Calls that hand over data rather than describe resources. Read-only in CloudTrail, but the reason credentials are stolen.
    private static readonly HashSet<string> DataReads = new(StringComparer.Ordinal)
    {
        "s3:GetObject", "s3:SelectObjectContent", "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "kms:Decrypt", "kms:GenerateDataKey",
        "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken", "dynamodb:GetItem", "dynamodb:BatchGetItem",
        "dynamodb:Query", "dynamodb:Scan", "ec2:GetPasswordData", "lambda:GetFunction", "rds:DownloadDBLogFilePortion",
        "sqs:ReceiveMessage", "logs:GetLogEvents", "logs:FilterLogEvents", "athena:GetQueryResults", "ssm:GetCommandInvocation",
        "s3:GetObjectVersion", "ssm:GetParameterHistory", "glue:GetConnection", "glue:GetConnections", "lambda:GetFunctionConfiguration",
        "codecommit:GitPull", "rds:GenerateDBAuthToken", "redshift:GetClusterCredentials",
    };

    private static readonly HashSet<string> Mints = new(StringComparer.Ordinal)
    {
        "sts:AssumeRole", "sts:GetFederationToken", "sts:GetSessionToken", "sso:GetRoleCredentials",
    };

    public static Reach Of(Activity activity)
    {
        var call = $"{activity.Service}:{activity.EventName}";
        if (Mints.Contains(call))
        {
            return Reach.MintingCredentials;
        }

        if (DataReads.Contains(call))
        {
            return Reach.ReadingData;
        }

        if (IsReadOnly(activity))
        {
            return Reach.Listing;
        }

        return activity.Service == "iam" ? Reach.ChangingIam : Reach.Changing;
    }

    // CloudTrail's readOnly flag, else the verb (data events and some services leave the flag out).
    private static bool IsReadOnly(Activity activity) =>
        activity.ReadOnly ?? (activity.EventName.StartsWith("List", StringComparison.Ordinal) || activity.EventName.StartsWith("Describe", StringComparison.Ordinal)
            || activity.EventName.StartsWith("Get", StringComparison.Ordinal) || activity.EventName.StartsWith("Head", StringComparison.Ordinal));
}
