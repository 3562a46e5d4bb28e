namespace Monitor.LeastPrivilege.Policies;

/// <summary>One Allow statement. <see cref="PassedToServices"/> becomes an <c>iam:PassedToService</c> condition.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, IReadOnlyList<string> PassedToServices)
{
    public PolicyStatement(string sid, IReadOnlyList<string> actions, IReadOnlyList<string> resources)
        : this(sid, actions, resources, [])
    {
    }
}

/// <summary>An identity-based policy document (<c>Version</c> 2012-10-17).</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    public const string Version = "2012-10-17";
}

/// <summary>The IAM size budgets, in characters without whitespace.</summary>
public static class PolicyBudgets
{
    public const int Managed = 6_144;

    public const int RoleInline = 10_240;
}

/// <summary>
/// The suggested policy for one principal: usually one document; several when the size ladder had to split it
/// into managed policies. <see cref="Reductions"/> names the ladder steps applied, in order.
/// </summary>
public sealed record PolicySuggestion(IReadOnlyList<PolicyDocument> Documents, IReadOnlyList<string> Reductions, int Budget, bool OverBudget)
{
    public int Size => Documents.Sum(PolicyJson.Size);
}
