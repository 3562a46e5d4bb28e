namespace Monitor.Records;

/// <summary>The kinds of caller CloudTrail's <c>userIdentity.type</c> and S3 access logs can name.</summary>
public enum PrincipalType
{
    Unknown,
    Root,
    IamUser,
    AssumedRole,
    FederatedUser,
    AwsService,
    AwsAccount,
    IdentityCenterUser,
    WebIdentityUser,
    SamlUser,
    Anonymous,
    CanonicalUser,
}
