namespace Monitor.LeastPrivilege.Granted;

/// <summary>One statement of a granted policy, as far as the action-level comparison needs it.</summary>
public sealed record GrantStatement(bool Allow, IReadOnlyList<string> Actions, IReadOnlyList<string> NotActions, IReadOnlyList<string> Resources, bool HasCondition);

/// <summary>A policy in force for a principal: where it comes from (<c>inline</c>, <c>managed</c>, <c>group admins</c>) and its statements.</summary>
public sealed record GrantedPolicy(string Name, string Source, IReadOnlyList<GrantStatement> Statements);

/// <summary>A user or role of the account with every policy in force for it (its groups' included).</summary>
public sealed record GrantedPrincipal(string Arn, string Name, string Kind, IReadOnlyList<GrantedPolicy> Policies);
