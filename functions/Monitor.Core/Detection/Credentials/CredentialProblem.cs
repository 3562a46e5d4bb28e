namespace Monitor.Detection.Credentials;

/// <summary>
/// One thing wrong with one credential: a kebab-case <see cref="Signal"/>, the date it is judged from
/// (last use, creation; null for state such as missing MFA), and since when it has been a problem.
/// </summary>
internal sealed record CredentialProblem(string CredentialId, string Signal, Severity Severity, DateTimeOffset? Reference, DateTimeOffset? Since);
