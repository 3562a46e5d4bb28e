using Monitor.LeastPrivilege.Catalog;

namespace Monitor.LeastPrivilege.Mapping;

/// <summary>Where a record goes in least-privilege analysis.</summary>
public enum MappingKind
{
    /// <summary>Authorized call: its actions are needed.</summary>
    Used,

    /// <summary>Denied call: the actions were requested, never granted. Reported apart, never added to a policy.</summary>
    Denied,

    /// <summary>The call needs no permission (<c>sts:GetCallerIdentity</c>, ...).</summary>
    NoPermissionNeeded,

    /// <summary>Root is not governed by identity policies; its use is the root-usage detector's business.</summary>
    Root,

    /// <summary>Made by an AWS service (or a non-IAM identity such as a web-identity or anonymous caller).</summary>
    NotIamPrincipal,

    /// <summary>Not an authorization event: service events, console sign-ins, Insights.</summary>
    NotApiCall,

    /// <summary>No catalog action could be derived: listed with its record, never guessed.</summary>
    Unmapped,
}

/// <summary>One action a call needed and the resources it needed it on (<c>*</c> when the action takes no resource).</summary>
public sealed record ActionUse(IamAction Action, IReadOnlyList<string> Resources, string? PassedToService = null);

/// <summary>The least-privilege reading of one activity.</summary>
public sealed record ActivityMapping(MappingKind Kind, IReadOnlyList<ActionUse> Uses, string? Reason = null)
{
    public static ActivityMapping Skipped(MappingKind kind, string reason) => new(kind, [], reason);
}
