namespace Monitor.Aws.Iam;

/// <summary>IAM answered with an error (its <c>Code</c>), or never had the report ready in the attempts allowed.</summary>
public sealed class IamRequestException(string action, string code, string message)
    : Exception($"iam:{action} failed: {code}: {message}")
{
    public string Action { get; } = action;

    public string Code { get; } = code;
}
