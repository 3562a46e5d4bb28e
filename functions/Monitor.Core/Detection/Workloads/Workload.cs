using System.Text.Json.Serialization;
using Monitor.Records;

namespace Monitor.Detection.Workloads;

/// <summary>The kinds of compute AWS hands role credentials to.</summary>
internal enum WorkloadKind
{
    Ec2Instance,
    EcsTask,
    Lambda,
    CodeBuild,
    Glue,
    SageMaker,
    EksPod,
}

/// <summary>
/// The workload behind a role session, and what gave it away: the session's own record (an instance id as session
/// name, <c>ec2RoleDelivery</c>, an ECS task id, an EKS OIDC issuer, a platform's user agent), or the service that
/// assumed the role for it (<c>lambda.amazonaws.com</c>, <c>ecs-tasks.amazonaws.com</c>, ...).
/// </summary>
internal sealed record Workload(WorkloadKind Kind, string Name, string IdentifiedBy)
{
    // Services that assume a role to hand its credentials to a workload, and the workload they run.
    private static readonly Dictionary<string, WorkloadKind> Issuers = new(StringComparer.Ordinal)
    {
        ["lambda.amazonaws.com"] = WorkloadKind.Lambda,
        ["ecs-tasks.amazonaws.com"] = WorkloadKind.EcsTask,
        ["codebuild.amazonaws.com"] = WorkloadKind.CodeBuild,
        ["glue.amazonaws.com"] = WorkloadKind.Glue,
        ["sagemaker.amazonaws.com"] = WorkloadKind.SageMaker,
        ["pods.eks.amazonaws.com"] = WorkloadKind.EksPod,
    };

    /// <summary>What the finding calls it: "Lambda function orders-api", "EC2 instance i-0abc…".</summary>
    [JsonIgnore]
    public string Description => Kind switch
    {
        WorkloadKind.Ec2Instance => $"EC2 instance {Name}",
        WorkloadKind.EcsTask => $"ECS task {Name}",
        WorkloadKind.Lambda => $"Lambda function {Name}",
        WorkloadKind.CodeBuild => $"CodeBuild build {Name}",
        WorkloadKind.Glue => $"Glue job session {Name}",
        WorkloadKind.SageMaker => $"SageMaker session {Name}",
        _ => $"EKS pod session {Name}",
    };

    /// <summary>The workload a role session's own record names, or null when nothing in it does.</summary>
    public static Workload? OfSession(Activity activity) => OfSession(activity, PlatformMark(activity?.UserAgent));

    /// <summary>The same, with the user agent's <see cref="PlatformMark"/> read already.</summary>
    public static Workload? OfSession(Activity activity, WorkloadKind? platformMark)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var principal = activity.Principal;
        if (principal.Type != PrincipalType.AssumedRole || principal.SessionName is not { Length: > 0 } name)
        {
            return null;
        }

        var context = activity.Record?.UserIdentity?.SessionContext;
        if (!string.IsNullOrEmpty(context?.Ec2RoleDelivery))
        {
            return new(WorkloadKind.Ec2Instance, name, $"ec2RoleDelivery {context.Ec2RoleDelivery}");
        }

        if (IsInstanceId(name))
        {
            return new(WorkloadKind.Ec2Instance, name, "session named after an EC2 instance");
        }

        if (context?.WebIdFederationData?.FederatedProvider is { } provider && provider.Contains("oidc.eks.", StringComparison.Ordinal))
        {
            return new(WorkloadKind.EksPod, name, "web identity from an EKS cluster's OIDC provider");
        }

        if (name.StartsWith("eks-", StringComparison.Ordinal) && name.Length > 41 && IsUuid(name[^36..]))
        {
            return new(WorkloadKind.EksPod, name, "session named by EKS Pod Identity");
        }

        if (IsHex(name, 32))
        {
            return new(WorkloadKind.EcsTask, name, "session named after an ECS task");
        }

        if (name.StartsWith("AWSCodeBuild-", StringComparison.Ordinal))
        {
            return new(WorkloadKind.CodeBuild, name, "session named by CodeBuild");
        }

        if (name == "GlueJobRunnerSession")
        {
            return new(WorkloadKind.Glue, name, "session named by Glue");
        }

        if (name == "SageMaker")
        {
            return new(WorkloadKind.SageMaker, name, "session named by SageMaker");
        }

        if (platformMark is { } platform)
        {
            return new(platform, name, "the platform's own user agent");
        }

        // The console names a function's execution role <function>-role-<8 random characters>.
        var role = Arn.Parse(principal.IssuerArn ?? principal.Key)?.LastSegment;
        return role is not null && role.Length == name.Length + 14 && role.StartsWith(name + "-role-", StringComparison.Ordinal) && role[^8..].All(char.IsAsciiLetterOrDigit)
            ? new(WorkloadKind.Lambda, name, "execution role named after the function")
            : null;
    }

    /// <summary>The session key a service issued to a workload (its <c>AssumeRole</c>), and the workload, or null.</summary>
    public static (string IssuedKey, Workload Workload)? OfIssue(Activity activity)
    {
        if (activity.EventSource != "sts.amazonaws.com" || activity.EventName != "AssumeRole" || activity.Outcome != Outcome.Success
            || activity.Principal.Type != PrincipalType.AwsService || activity.Response("credentials", "accessKeyId") is not { Length: > 0 } issued)
        {
            return null;
        }

        var service = activity.InvokedBy ?? activity.Record?.UserIdentity?.InvokedBy;
        return service is not null && Issuers.TryGetValue(service, out var kind)
            ? (issued, new Workload(kind, activity.Request("roleSessionName") ?? issued, $"role assumed by {service}"))
            : null;
    }

    /// <summary>
    /// The platform an SDK's <c>exec-env/</c> marker names (set by Lambda and ECS in every call they make), or null.
    /// The marker comes from an environment variable, which a copied environment or a local emulator (<c>sam local</c>)
    /// carries too: it counts only where the user agent names no kernel, or Amazon Linux's (<c>amzn</c>).
    /// </summary>
    public static WorkloadKind? PlatformMark(string? userAgent)
    {
        var at = userAgent?.IndexOf("exec-env/AWS_", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0 || !OnAmazonKernel(userAgent!))
        {
            return null;
        }

        var env = userAgent.AsSpan(at + "exec-env/AWS_".Length);
        return env.StartsWith("Lambda", StringComparison.OrdinalIgnoreCase) ? WorkloadKind.Lambda
            : env.StartsWith("ECS", StringComparison.OrdinalIgnoreCase) ? WorkloadKind.EcsTask
            : null;
    }

    // SDKs write the kernel as "os/linux#5.10.227-239.884.amzn2.x86_64" or "Linux/6.1.112-124.190.amzn2023.x86_64".
    private static bool OnAmazonKernel(string userAgent)
    {
        var ua = userAgent.ToLowerInvariant();
        foreach (var token in (ReadOnlySpan<string>)["os/linux#", "linux/"])
        {
            var at = ua.IndexOf(token, StringComparison.Ordinal);
            if (at >= 0)
            {
                var release = ua[(at + token.Length)..].Split(' ')[0];
                return release.Length == 0 || !char.IsAsciiDigit(release[0]) || release.Contains("amzn", StringComparison.Ordinal);
            }
        }

        return true;
    }

    /// <summary>EC2 names an instance profile's session after the instance (<c>i-</c> and 8 or 17 hex digits).</summary>
    public static bool IsInstanceId(string name) =>
        name.StartsWith("i-", StringComparison.Ordinal) && (IsHex(name[2..], 8) || IsHex(name[2..], 17));

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigit);

    private static bool IsUuid(string text) =>
        text.Length == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' && text[23] == '-'
        && text.Where(c => c != '-').All(char.IsAsciiHexDigit) && text.Count(c => c == '-') == 4;
}
