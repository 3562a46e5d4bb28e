namespace Monitor.Lambda;

/// <summary>How an environment variable reaches the function.</summary>
public enum SettingUse
{
    /// <summary>Set by Lambda itself (<c>_HANDLER</c>, <c>AWS_REGION</c>, ...).</summary>
    Reserved,

    /// <summary>Set by template.yaml; init fails without it.</summary>
    Required,

    /// <summary>Set by template.yaml from a parameter; has a default for local runs.</summary>
    Optional,

    /// <summary>Endpoint overrides for tests against local emulators; never set when deployed.</summary>
    Override,
}

/// <summary>One environment variable the bootstrap reads.</summary>
public sealed record SettingVariable(string Name, SettingUse Use, string Description);
