namespace Monitor.Detection.Roles;

/// <summary>The ways into a role (or into temporary credentials) that CloudTrail records.</summary>
internal enum IssueKind
{
    AssumeRole,
    AssumeRoleWithSaml,
    AssumeRoleWithWebIdentity,
    AssumeRoot,
    GetFederationToken,
    GetSessionToken,

    /// <summary>Console switch-role (<c>signin.amazonaws.com</c> <c>SwitchRole</c>): no key is logged, the console holds it.</summary>
    SwitchRole,
}
